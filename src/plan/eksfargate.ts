import { fargateSizes } from '../aws/facts.js';
import type { Resource } from './model.js';
import type { Lookup, Path } from './values.js';
import type { Attributes } from './read.js';

/**
 * EKS on Fargate semantics shared by the checks and the estimators: the size Fargate provisions
 * for a pod (AWS `fargate-pod-configuration`), Kubernetes resource quantities, the pod templates
 * of `kubernetes_*` resources in a plan, and which Fargate profile selectors match a pod.
 */

/** One container's requests: CPU in millicores (1000 = 1 vCPU), memory in MiB. Absent means not requested. */
export interface ContainerRequest {
  cpuMillicores?: number;
  memoryMiB?: number;
}

export interface PodRequests {
  containers: readonly ContainerRequest[];
  initContainers?: readonly ContainerRequest[];
}

/** A Fargate size: CPU units (1024 = 1 vCPU, as in the size tables and ECS task `cpu`) and MiB. */
export interface PodSize {
  cpu: number;
  memoryMiB: number;
}

/** The pod's request before rounding: CPU in millicores, memory in MiB including Fargate's overhead. */
export interface PodRequest {
  cpuMillicores: number;
  memoryMiB: number;
}

const EKS = fargateSizes.eks;
const ROWS = [...EKS.rows].sort((a, b) => a.cpu - b.cpu).map((r) => ({ cpu: r.cpu, memoryMiB: [...r.memoryMiB].sort((a, b) => a - b) }));

/** CPU units (1024 per vCPU) as millicores (1000 per vCPU). */
export const unitsToMillicores = (units: number) => (units * 1000) / 1024;

/**
 * What Fargate sizes a pod for: per resource, the larger of the largest init container request
 * and the sum of the long-running containers' requests; memory plus the 256 MiB Fargate reserves
 * for kubelet, kube-proxy and containerd.
 */
export function podRequest(req: PodRequests): PodRequest {
  const sum = (k: keyof ContainerRequest) => req.containers.reduce((a, c) => a + (c[k] ?? 0), 0);
  const maxInit = (k: keyof ContainerRequest) => Math.max(0, ...(req.initContainers ?? []).map((c) => c[k] ?? 0));
  return {
    cpuMillicores: Math.max(sum('cpuMillicores'), maxInit('cpuMillicores')),
    memoryMiB: Math.max(sum('memoryMiB'), maxInit('memoryMiB')) + EKS.memoryOverheadMiB,
  };
}

/**
 * The Fargate size a pod is provisioned with (and billed for): its request (see `podRequest`)
 * rounded up to the smallest valid vCPU/memory combination. A pod without requests gets the
 * smallest size (0.25 vCPU, 0.5 GB). Undefined when no Fargate size is large enough: such a pod
 * is never scheduled.
 */
export function fargatePodSize(req: PodRequests): PodSize | undefined {
  const need = podRequest(req);
  for (const row of ROWS) {
    if (unitsToMillicores(row.cpu) < need.cpuMillicores) continue;
    const mem = row.memoryMiB.find((m) => m >= need.memoryMiB);
    if (mem !== undefined) return { cpu: row.cpu, memoryMiB: mem };
  }
  return undefined;
}

/** Limits of one Fargate pod on EKS, from the Fargate size data. */
export function eksFargatePodLimits(): {
  maxCpu: number;
  maxMemoryMiB: number;
  memoryOverheadMiB: number;
  ephemeralStorageGiB: { default: number; max: number };
} {
  const last = ROWS[ROWS.length - 1]!;
  return {
    maxCpu: last.cpu,
    maxMemoryMiB: last.memoryMiB[last.memoryMiB.length - 1]!,
    memoryOverheadMiB: EKS.memoryOverheadMiB,
    ephemeralStorageGiB: { default: EKS.ephemeralStorageGiB.default, max: EKS.ephemeralStorageGiB.max },
  };
}

/** `2 vCPU / 9 GB` (whole GiB shown as GB, as AWS writes the Fargate sizes), `0.25 vCPU / 0.5 GB`. */
export function formatPodSize(s: PodSize): string {
  return `${s.cpu / 1024} vCPU / ${formatMiB(s.memoryMiB)}`;
}

export function formatMiB(mib: number): string {
  const gb = mib / 1024;
  if (mib >= 512 && Number.isInteger(gb * 2)) return `${gb} GB`;
  return `${Math.round(mib * 100) / 100} MiB`;
}

export function formatMillicores(m: number): string {
  return `${Math.round(m) / 1000} vCPU`;
}

// Kubernetes resource quantities (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/).
const QUANTITY = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?\s*$/;
const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity (`"500m"`, `"1.5"`, `"512Mi"`, `"1G"`, `2`) as a number, or undefined when it is not one. */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) && q >= 0 ? q : undefined;
  if (typeof q !== 'string') return undefined;
  const m = QUANTITY.exec(q);
  if (!m) return undefined;
  const v = Number(m[1]) * SUFFIX[m[2] ?? '']!;
  return Number.isFinite(v) && v >= 0 ? v : undefined;
}

export const cpuMillicores = (q: unknown) => {
  const v = parseQuantity(q);
  return v === undefined ? undefined : v * 1000;
};
export const memoryMiB = (q: unknown) => {
  const v = parseQuantity(q);
  return v === undefined ? undefined : v / 2 ** 20;
};

/**
 * Where the pod spec sits in each `kubernetes_*` (hashicorp/kubernetes) resource that makes pods,
 * and where the pod template's metadata is (namespace is on the resource's own metadata).
 */
const TEMPLATE: Path = ['spec', 0, 'template', 0];
const CRON_TEMPLATE: Path = ['spec', 0, 'job_template', 0, 'spec', 0, 'template', 0];
const POD_TEMPLATE_PATHS: Record<string, { spec: Path; metadata: Path; daemonSet?: true }> = {
  kubernetes_deployment: { spec: [...TEMPLATE, 'spec', 0], metadata: [...TEMPLATE, 'metadata', 0] },
  kubernetes_deployment_v1: { spec: [...TEMPLATE, 'spec', 0], metadata: [...TEMPLATE, 'metadata', 0] },
  kubernetes_stateful_set: { spec: [...TEMPLATE, 'spec', 0], metadata: [...TEMPLATE, 'metadata', 0] },
  kubernetes_stateful_set_v1: { spec: [...TEMPLATE, 'spec', 0], metadata: [...TEMPLATE, 'metadata', 0] },
  kubernetes_job: { spec: [...TEMPLATE, 'spec', 0], metadata: [...TEMPLATE, 'metadata', 0] },
  kubernetes_job_v1: { spec: [...TEMPLATE, 'spec', 0], metadata: [...TEMPLATE, 'metadata', 0] },
  kubernetes_pod: { spec: ['spec', 0], metadata: ['metadata', 0] },
  kubernetes_pod_v1: { spec: ['spec', 0], metadata: ['metadata', 0] },
  kubernetes_cron_job: { spec: [...CRON_TEMPLATE, 'spec', 0], metadata: [...CRON_TEMPLATE, 'metadata', 0] },
  kubernetes_cron_job_v1: { spec: [...CRON_TEMPLATE, 'spec', 0], metadata: [...CRON_TEMPLATE, 'metadata', 0] },
  kubernetes_daemonset: { spec: [...TEMPLATE, 'spec', 0], metadata: [...TEMPLATE, 'metadata', 0], daemonSet: true },
  kubernetes_daemon_set_v1: { spec: [...TEMPLATE, 'spec', 0], metadata: [...TEMPLATE, 'metadata', 0], daemonSet: true },
};
/** Every `kubernetes_*` type that makes pods. */
export const POD_TEMPLATE_TYPES = Object.keys(POD_TEMPLATE_PATHS);
/** Those whose pods Fargate can run (not DaemonSets: Fargate does not run them). */
export const FARGATE_POD_TYPES = POD_TEMPLATE_TYPES.filter((t) => !POD_TEMPLATE_PATHS[t]!.daemonSet);

export interface PodTemplate {
  /** The namespace pods are created in (`default` when the resource sets none). */
  namespace: Lookup<string>;
  /** The pod labels (those of the pod template). */
  labels: Lookup<Record<string, string>>;
  /** Requests per container, or unknown when a request or the container list is known only after apply. */
  requests: { state: 'known'; value: PodRequests } | { state: 'unknown' };
  /** Attribute path of the pod spec, for findings. */
  specPath: Path;
  /** A DaemonSet: one pod on every node it tolerates, never on Fargate. */
  daemonSet: boolean;
}

/** The pod template of a `kubernetes_*` resource in the plan, or undefined for other types. */
export function podTemplate(r: Resource): PodTemplate | undefined {
  const paths = POD_TEMPLATE_PATHS[r.type];
  if (!paths) return undefined;
  const v = r.current;
  const ns = v.str(['metadata', 0, 'namespace']);
  const labels = v.get([...paths.metadata, 'labels']);
  const containers = readContainers(v, [...paths.spec, 'container']);
  const inits = readContainers(v, [...paths.spec, 'init_container']);
  return {
    namespace:
      ns.state === 'absent' || (ns.state === 'known' && ns.value === '')
        ? { state: 'known', value: 'default', sensitive: ns.sensitive }
        : ns,
    labels:
      labels.state === 'known'
        ? { ...labels, value: stringMap(labels.value) }
        : labels.state === 'absent'
          ? { state: 'known', value: {}, sensitive: labels.sensitive }
          : labels,
    requests: containers && inits ? { state: 'known', value: { containers, initContainers: inits } } : { state: 'unknown' },
    specPath: paths.spec,
    daemonSet: paths.daemonSet === true,
  };
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

/**
 * Container requests of a container block list; undefined when anything that decides them is
 * unknown. A container that sets limits but no requests gets requests equal to its limits
 * (Kubernetes does this when the pod is admitted, before Fargate sizes it).
 */
function readContainers(v: Attributes, path: Path): ContainerRequest[] | undefined {
  const l = v.list(path);
  if (l.state === 'unknown') return undefined;
  if (l.state !== 'known') return [];
  const out: ContainerRequest[] = [];
  for (let i = 0; i < l.value.length; i++) {
    const res = [...path, i, 'resources', 0];
    const cpu = requestOf(v, res, 'cpu');
    const mem = requestOf(v, res, 'memory');
    if (cpu === UNKNOWN || mem === UNKNOWN) return undefined;
    const c = cpuMillicores(cpu);
    const m = memoryMiB(mem);
    out.push({ ...(c !== undefined ? { cpuMillicores: c } : {}), ...(m !== undefined ? { memoryMiB: m } : {}) });
  }
  return out;
}

const UNKNOWN = Symbol('unknown');

/** A container's request for one resource: `requests`, else `limits`; UNKNOWN when the deciding value is unknown. */
function requestOf(v: Attributes, res: Path, name: 'cpu' | 'memory'): unknown {
  for (const kind of ['requests', 'limits']) {
    // Provider 2.x writes a map; 1.x wrote a one-element block list.
    const asMap = v.get([...res, kind, name]);
    const l = asMap.state === 'absent' && !asMap.sensitive ? v.get([...res, kind, 0, name]) : asMap;
    if (l.state === 'unknown') return UNKNOWN;
    if (l.state === 'known') return l.value;
  }
  return undefined;
}

/** Fargate profile wildcards: `*` is any run of characters, `?` exactly one; nothing else is special. */
export function wildcardMatch(pattern: string, s: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    's',
  );
  return re.test(s);
}

export interface ProfileSelector {
  namespace: string;
  labels: Record<string, string>;
}

/** The selectors of an `aws_eks_fargate_profile`, or unknown when any of them is known only after apply. */
export function profileSelectors(profile: Resource): Lookup<ProfileSelector[]> {
  const l = profile.current.list('selector');
  if (l.state !== 'known') return l;
  const out: ProfileSelector[] = [];
  for (let i = 0; i < l.value.length; i++) {
    if (profile.current.hasUnknown(['selector', i])) return { state: 'unknown', sensitive: l.sensitive };
    const ns = profile.current.str(['selector', i, 'namespace']);
    if (ns.state !== 'known') continue;
    const labels = profile.current.get(['selector', i, 'labels']);
    out.push({ namespace: ns.value, labels: labels.state === 'known' ? stringMap(labels.value) : {} });
  }
  return { state: 'known', value: out, sensitive: l.sensitive };
}

/** Does a selector pick a pod in this namespace with these labels? Every selector label must match one pod label. */
export function selectorMatches(sel: ProfileSelector, namespace: string, labels: Record<string, string>): boolean {
  if (!wildcardMatch(sel.namespace, namespace)) return false;
  return Object.entries(sel.labels).every(([k, v]) =>
    Object.entries(labels).some(([pk, pv]) => wildcardMatch(k, pk) && wildcardMatch(v, pv)),
  );
}
