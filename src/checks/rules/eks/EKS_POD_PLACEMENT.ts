import type { AnalysisContext } from '../../../engine/context.js';
import { eksNodeOffer, type InstanceOffer } from '../../../aws/facts-placement.js';
import {
  fargatePodSize,
  formatMiB,
  formatMillicores,
  podTemplate,
  POD_TEMPLATE_TYPES,
  profileSelectors,
  selectorMatches,
  type PodRequests,
} from '../../../plan/eksfargate.js';
import type { Resource } from '../../../plan/model.js';
import type { Path } from '../../../plan/values.js';
import { literal } from '../../show.js';
import type { Rule } from '../../types.js';
import { live } from '../resolve.js';
import { nodeGroupInstanceTypes } from './util.js';

/** Can this capacity run the pod: yes, no (with why), or it cannot be told. */
type Verdict = { fits: true } | { fits: false; why: string; offer?: InstanceOffer } | { fits: 'unknown' };

interface Pod {
  cpuMillicores: number;
  memoryMiB: number;
  requests: PodRequests;
  namespace: string;
  labels: Record<string, string>;
  nodeSelector: Record<string, string>;
  tolerations: { key: string; operator: string; value: string; effect: string }[];
  hostNetwork: boolean;
}

/**
 * Will the pods of a Kubernetes workload in the plan ever be scheduled on the cluster's capacity
 * in the plan? A pod runs on a managed node group whose nodes have enough allocatable CPU and
 * memory (instance minus kube-reserved and the eviction threshold, as the EKS AMI computes them),
 * whose labels satisfy its `node_selector` and whose taints it tolerates; or on Fargate when a
 * profile selects its namespace and labels and a Fargate size is large enough. When nothing in the
 * plan can run it, the pods stay Pending after `terraform apply`.
 */
export const EKS_POD_PLACEMENT: Rule = {
  id: 'EKS_POD_PLACEMENT',
  severity: 'warning',
  title: 'Pods fit the node groups or Fargate profiles that can run them',
  types: POD_TEMPLATE_TYPES,
  reads: ['aws_eks_cluster', 'aws_eks_fargate_profile', 'aws_eks_node_group'],
  check(r, ctx) {
    // Workloads are not tied to a cluster in the plan: with several clusters, the capacity is not known.
    if (live(ctx, 'aws_eks_cluster').length > 1) return [];
    const nodeGroups = live(ctx, 'aws_eks_node_group');
    const profiles = live(ctx, 'aws_eks_fargate_profile');
    if (nodeGroups.length === 0 && profiles.length === 0) return [];
    const pod = readPod(r);
    if (!pod) return [];
    const pt = podTemplate(r)!;
    if (pt.daemonSet) return daemonSet(pod, pt.specPath, nodeGroups, ctx);
    const verdicts = [
      ...nodeGroups.map((ng) => ({ where: ng.address, v: onNodeGroup(pod, ng, ctx) })),
      ...profiles.map((p) => ({ where: p.address, v: onFargate(pod, p) })),
    ];
    if (verdicts.some((x) => x.v.fits !== false)) return [];
    const misses = verdicts.map((x) => `${x.where}: ${(x.v as { why: string }).why}`);
    return [
      {
        path: formatSpec(pt.specPath),
        message:
          `a pod requests ${formatMillicores(pod.cpuMillicores)} and ${formatMiB(pod.memoryMiB)}, and no capacity in the plan can run it (${misses.join('; ')}). ` +
          'The pods stay Pending; use larger nodes, a Fargate profile that selects the pod, or smaller requests',
      },
    ];
  },
};

/** A DaemonSet runs one pod on every node it tolerates: an `info` names the node groups whose nodes cannot hold it. */
function daemonSet(pod: Pod, specPath: Path, nodeGroups: Resource[], ctx: AnalysisContext) {
  const misses: string[] = [];
  for (const ng of nodeGroups) {
    const v = onNodeGroup(pod, ng, ctx);
    // A taint the DaemonSet does not tolerate keeps it off those nodes on purpose.
    if (v.fits === false && !v.why.startsWith('its taint')) misses.push(`${ng.address}: ${v.why}`);
  }
  if (misses.length === 0) return [];
  return [
    {
      severity: 'info' as const,
      path: formatSpec(specPath),
      message: `a DaemonSet pod requests ${formatMillicores(pod.cpuMillicores)} and ${formatMiB(pod.memoryMiB)}, and some nodes cannot hold it (${misses.join('; ')}): those nodes run without it`,
    },
  ];
}

function formatSpec(p: Path): string {
  return p
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
    .join('')
    .replace(/^\./, '');
}

function readPod(r: Resource): Pod | undefined {
  const pt = podTemplate(r);
  if (
    !pt ||
    pt.requests.state !== 'known' ||
    pt.namespace.state !== 'known' ||
    pt.labels.state !== 'known' ||
    pt.namespace.sensitive ||
    pt.labels.sensitive
  )
    return undefined;
  const v = r.current;
  const spec = pt.specPath;
  // Affinity rules are not read: a pod that sets them is not judged.
  const affinity = v.list([...spec, 'affinity']);
  if (affinity.state !== 'absent' && !(affinity.state === 'known' && affinity.value.length === 0)) return undefined;
  const sel = v.get([...spec, 'node_selector']);
  if (sel.state === 'unknown' || sel.sensitive) return undefined;
  const tol = v.list([...spec, 'toleration']);
  if (tol.state === 'unknown' || tol.sensitive || v.hasUnknown([...spec, 'toleration'])) return undefined;
  const host = v.bool([...spec, 'host_network']);
  if (host.state === 'unknown') return undefined;
  const req = pt.requests.value;
  const sum = (k: 'cpuMillicores' | 'memoryMiB') => req.containers.reduce((a, c) => a + (c[k] ?? 0), 0);
  const maxInit = (k: 'cpuMillicores' | 'memoryMiB') => Math.max(0, ...(req.initContainers ?? []).map((c) => c[k] ?? 0));
  return {
    cpuMillicores: Math.max(sum('cpuMillicores'), maxInit('cpuMillicores')),
    memoryMiB: Math.max(sum('memoryMiB'), maxInit('memoryMiB')),
    requests: req,
    namespace: pt.namespace.value,
    labels: pt.labels.value,
    nodeSelector: sel.state === 'known' ? strings(sel.value) : {},
    tolerations:
      tol.state === 'known'
        ? tol.value
            .map((t) => strings(t))
            .map((t) => ({ key: t.key ?? '', operator: t.operator ?? 'Equal', value: t.value ?? '', effect: t.effect ?? '' }))
        : [],
    hostNetwork: host.state === 'known' && host.value,
  };
}

function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

const ARCH_LABEL: Record<string, string> = { x86_64: 'amd64', arm64: 'arm64' };
const EFFECTS: Record<string, string> = { NO_SCHEDULE: 'NoSchedule', NO_EXECUTE: 'NoExecute' };

function onNodeGroup(pod: Pod, ng: Resource, ctx: AnalysisContext): Verdict {
  const types = nodeGroupInstanceTypes(ng, ctx);
  const labels = ng.current.get('labels');
  const taints = ng.current.list('taint');
  if (
    !types ||
    types.types.length === 0 ||
    labels.state === 'unknown' ||
    ng.current.hasSensitive('labels') ||
    taints.state === 'unknown' ||
    ng.current.hasUnknown('taint') ||
    ng.current.hasSensitive('taint')
  )
    return { fits: 'unknown' };
  // Taints with NoSchedule or NoExecute keep out the pods that do not tolerate them.
  for (const t of taints.state === 'known' ? taints.value.map(strings) : []) {
    const effect = EFFECTS[t.effect ?? ''];
    if (!effect) continue;
    const tolerated = pod.tolerations.some(
      (x) =>
        (x.effect === '' || x.effect === effect) &&
        (x.operator === 'Exists' ? x.key === '' || x.key === t.key : x.key === t.key && x.value === (t.value ?? '')),
    );
    if (!tolerated) return { fits: false, why: `its taint ${literal(t.key)} (${effect}) is not tolerated` };
  }
  const own = labels.state === 'known' ? strings(labels.value) : {};
  let nearest: { why: string; offer: InstanceOffer } | undefined;
  for (const t of types.types) {
    const offer = eksNodeOffer(t.name);
    if (!offer || t.lookup.sensitive) return { fits: 'unknown' };
    const nodeLabels: Record<string, string> = {
      ...own,
      'node.kubernetes.io/instance-type': t.name,
      ...(offer.arch ? { 'kubernetes.io/arch': ARCH_LABEL[offer.arch]! } : {}),
    };
    const wrong = Object.entries(pod.nodeSelector).find(([k, v]) => nodeLabels[k] !== v);
    if (wrong) {
      // A selector on a label the node group does not set could still be met by the node's own labels: only well-known labels are judged.
      if (!(wrong[0] in nodeLabels) && !wrong[0].startsWith('kubernetes.io/') && !wrong[0].startsWith('node.kubernetes.io/'))
        return { fits: 'unknown' };
      nearest ??= { why: `node_selector ${literal(`${wrong[0]}=${wrong[1]}`)} does not match ${literal(t.name)} nodes`, offer };
      continue;
    }
    const lacks: string[] = [];
    if (pod.cpuMillicores > offer.cpu) lacks.push(formatMillicores(Math.floor(offer.cpu)));
    if (pod.memoryMiB > offer.memoryMiB) lacks.push(formatMiB(Math.floor(offer.memoryMiB)));
    if (lacks.length === 0) return { fits: true };
    const why = `a ${literal(t.name)} node has ${lacks.join(' and ')} allocatable`;
    if (!nearest || offer.memoryMiB > nearest.offer.memoryMiB) nearest = { why, offer };
  }
  return nearest ? { fits: false, ...nearest } : { fits: 'unknown' };
}

function onFargate(pod: Pod, profile: Resource): Verdict {
  const sels = profileSelectors(profile);
  if (sels.state !== 'known' || sels.sensitive) return { fits: 'unknown' };
  if (!sels.value.some((s) => selectorMatches(s, pod.namespace, pod.labels)))
    return { fits: false, why: `no selector matches namespace ${literal(pod.namespace)} and the pod's labels` };
  if (pod.hostNetwork) return { fits: false, why: 'Fargate does not run pods with hostNetwork' };
  if (!fargatePodSize(pod.requests)) return { fits: false, why: 'no Fargate size is large enough' };
  return { fits: true };
}
