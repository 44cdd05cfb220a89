import type { AnalysisContext } from '../../../engine/context.js';
import {
  eksFargatePodLimits,
  fargatePodSize,
  formatMiB,
  formatMillicores,
  formatPodSize,
  podRequest,
  podTemplate,
  FARGATE_POD_TYPES,
  profileSelectors,
  selectorMatches,
  type PodTemplate,
} from '../../../plan/eksfargate.js';
import type { Resource } from '../../../plan/model.js';
import { formatPath } from '../../../plan/values.js';
import type { Rule } from '../../types.js';
import { show } from '../../show.js';
import { live } from '../resolve.js';

export const EKS_FARGATE_POD_SIZE: Rule = {
  id: 'EKS_FARGATE_POD_SIZE',
  severity: 'info',
  title: 'The size Fargate provisions (and bills) for a pod',
  types: FARGATE_POD_TYPES,
  reads: ['aws_eks_fargate_profile'],
  check(r, ctx) {
    const pt = podTemplate(r);
    if (!pt || pt.requests.state !== 'known') return [];
    const scope = fargateScope(pt, ctx);
    if (scope.kind === 'not-on-fargate') return [];
    const req = pt.requests.value;
    const need = podRequest(req);
    const size = fargatePodSize(req);
    const limits = eksFargatePodLimits();
    const where = scope.kind === 'profiles' ? `on Fargate (profile ${scope.names.join(', ')})` : 'if it runs on Fargate';
    const count = `${req.containers.length} container${req.containers.length === 1 ? '' : 's'}${req.initContainers?.length ? ` and ${req.initContainers.length} init container${req.initContainers.length === 1 ? '' : 's'}` : ''}`;
    const asked = `the pod (${count}) requests ${formatMillicores(need.cpuMillicores)} and ${formatMiB(need.memoryMiB - limits.memoryOverheadMiB)}, ${formatMiB(need.memoryMiB)} with the ${formatMiB(limits.memoryOverheadMiB)} Fargate adds`;
    const path = formatPath(pt.specPath);
    if (!size) {
      return [
        {
          path,
          severity: scope.kind === 'profiles' ? 'warning' : 'info',
          message: `${asked}; no Fargate size is that large (at most ${formatPodSize({ cpu: limits.maxCpu, memoryMiB: limits.maxMemoryMiB })}), so ${where} the pod stays Pending`,
        },
      ];
    }
    return [{ path, message: `${asked}; ${where} it runs and is billed as ${formatPodSize(size)}` }];
  },
};

type Scope = { kind: 'profiles'; names: string[] } | { kind: 'maybe' } | { kind: 'not-on-fargate' };

/**
 * Which Fargate profiles in the plan select the pod. Without any profile in the plan the size is
 * still shown, as what the pod would get on Fargate; when the plan's profiles are all known and
 * none selects the pod, it runs on nodes and nothing is said.
 */
function fargateScope(pt: PodTemplate, ctx: AnalysisContext): Scope {
  const profiles = live(ctx, 'aws_eks_fargate_profile');
  if (profiles.length === 0) return { kind: 'maybe' };
  let undecided = pt.namespace.state !== 'known' || pt.labels.state !== 'known';
  const names: string[] = [];
  for (const p of profiles) {
    const sels = profileSelectors(p);
    if (sels.state === 'unknown') undecided = true;
    if (sels.state !== 'known' || pt.namespace.state !== 'known' || pt.labels.state !== 'known') continue;
    const ns = pt.namespace.value;
    const labels = pt.labels.value;
    if (sels.value.some((s) => selectorMatches(s, ns, labels))) names.push(profileName(p));
  }
  if (names.length > 0) return { kind: 'profiles', names };
  return undecided ? { kind: 'maybe' } : { kind: 'not-on-fargate' };
}

function profileName(p: Resource): string {
  const n = p.current.str('fargate_profile_name');
  return n.state === 'known' ? show(n) : p.address;
}
