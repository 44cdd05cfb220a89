import { emptyEstimate, type Estimator } from '../component.js';

/** EKS Capabilities the provider accepts (`type`, internal/service/eks/capability.go) and what each runs. */
const KINDS: Record<string, string> = {
  ARGOCD: 'Argo CD',
  ACK: 'AWS Controllers for Kubernetes',
  KRO: 'Kube Resource Orchestrator',
};

/**
 * `aws_eks_capability` (a managed Argo CD, ACK or KRO on a cluster): usage-based. AWS bills a
 * capability per hour it is enabled and by what it manages; the plan does not say how much it
 * will manage, and the snapshot has no price for it, so it is a note, never $0.
 */
export const estimateEksCapability: Estimator = (capability) => {
  const t = capability.current.str('type');
  const kind = t.state === 'known' && !t.sensitive && Object.hasOwn(KINDS, t.value) ? `${KINDS[t.value]} (${t.value})` : 'the capability';
  return emptyEstimate({
    usageBased: true,
    description: 'usage-based: billed per capability-hour and by the resources it manages',
    notes: [
      `EKS Capabilities are usage-based and not priced here: ${kind} is billed for each hour it is enabled on the cluster and by what it manages, which the plan does not say`,
    ],
  });
};

estimateEksCapability.reads = [];
