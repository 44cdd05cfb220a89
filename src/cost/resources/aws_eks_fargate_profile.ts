import { emptyEstimate, HOURS_PER_MONTH, Pricer, sumMonthly, type Estimator } from '../component.js';
import { eksFargatePodLimits, fargatePodSize, formatPodSize, profileSelectors, wildcardMatch } from '../../plan/eksfargate.js';
import type { CostComponent } from '../../report/schema.js';

/**
 * `aws_eks_fargate_profile`: usage-based. Priced only for the pods the configuration declares
 * for it (`cost.eksFargatePods`, keyed by address or profile name): each pod is billed at the
 * Fargate size EKS provisions for it (its requests + 256 MB, rounded up to the next valid size).
 */
export const estimateEksFargateProfile: Estimator = (profile, env) => {
  const declared = env.settings.eksFargatePods ?? {};
  const name = profile.current.str('fargate_profile_name');
  const pods = Object.hasOwn(declared, profile.address)
    ? declared[profile.address]!
    : name.state === 'known' && Object.hasOwn(declared, name.value)
      ? declared[name.value]!
      : undefined;
  if (!pods) {
    return emptyEstimate({
      usageBased: true,
      description: 'usage-based: pods are billed per vCPU-hour and GB-hour while they run',
      notes: [`declare the pods it runs under cost.eksFargatePods["${profile.address}"] in the configuration to price them`],
    });
  }
  const p = new Pricer(env, profile.region);
  const notes: string[] = [];
  const selectors = profileSelectors(profile);
  const components: CostComponent[] = [];
  for (const group of pods) {
    if (selectors.state === 'known' && !selectors.value.some((s) => wildcardMatch(s.namespace, group.namespace))) {
      notes.push(`declared pods in namespace ${group.namespace} do not match any selector of this profile`);
    }
    const size = fargatePodSize({ containers: [{ cpuMillicores: group.cpu, memoryMiB: group.memory }] });
    if (!size) {
      notes.push(`pods in ${group.namespace} request more than the largest Fargate size: EKS cannot schedule them`);
      continue;
    }
    const hours = group.count * HOURS_PER_MONTH;
    const what = `${group.count} pod${group.count === 1 ? '' : 's'} in ${group.namespace} at ${formatPodSize(size)}`;
    components.push(
      p.component(`Fargate vCPU: ${what}`, 'vCPU-hours', (size.cpu / 1024) * hours, 'eks-fargate/vcpu-hour'),
      p.component(`Fargate memory: ${what}`, 'GB-hours', (size.memoryMiB / 1024) * hours, 'eks-fargate/gb-hour'),
    );
  }
  if (components.length === 0) return emptyEstimate({ notes, unpriced: p.unpriced });
  const monthly = sumMonthly(components);
  const total = pods.reduce((a, g) => a + g.count, 0);
  return {
    components,
    monthly,
    min: monthly,
    max: monthly,
    description: `${total} declared pod${total === 1 ? '' : 's'} (requests + ${eksFargatePodLimits().memoryOverheadMiB} MB, rounded up to a Fargate size)`,
    unpriced: p.unpriced,
    notes,
    advice: [],
  };
};

estimateEksFargateProfile.reads = [];
