import { eksFargatePodLimits, formatMiB, formatPodSize } from '../../../plan/eksfargate.js';
import type { Rule } from '../../types.js';
import { isNew } from '../resolve.js';

export const EKS_FARGATE_LIMITS: Rule = {
  id: 'EKS_FARGATE_LIMITS',
  severity: 'info',
  title: 'What pods on EKS Fargate cannot do',
  types: ['aws_eks_fargate_profile'],
  reads: [],
  check(r) {
    if (!isNew(r)) return [];
    const l = eksFargatePodLimits();
    return [
      {
        message:
          'pods this profile selects run one per Fargate node: no DaemonSets, privileged containers, hostPort or hostNetwork, GPUs, EBS volumes (use EFS), Arm, Windows or Fargate Spot; ' +
          'Services of type LoadBalancer and Ingresses need ALB/NLB with IP targets; ' +
          `a pod gets at most ${formatPodSize({ cpu: l.maxCpu, memoryMiB: l.maxMemoryMiB })} including the ${formatMiB(l.memoryOverheadMiB)} Fargate adds, ` +
          `and ${l.ephemeralStorageGiB.default} GiB of ephemeral storage (up to ${l.ephemeralStorageGiB.max} GiB when requested)`,
      },
    ];
  },
};
