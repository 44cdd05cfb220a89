import { formatPath } from '../../../plan/values.js';
import type { Rule } from '../../types.js';

export const EKS_FARGATE_IMMUTABLE: Rule = {
  id: 'EKS_FARGATE_IMMUTABLE',
  severity: 'warning',
  title: 'Fargate profile is replaced: its running pods are stopped',
  types: ['aws_eks_fargate_profile'],
  reads: [],
  check(r) {
    if (r.action !== 'replace') return [];
    const paths = r.replacePaths.map(formatPath).filter((p) => p !== '');
    const why = paths.length > 0 ? ` because ${paths.join(', ')} changed` : '';
    const order =
      r.actions[0] === 'create'
        ? 'the new profile is created first (create_before_destroy), then the old one is deleted and the pods it runs are stopped and rescheduled'
        : 'the old profile is deleted first: the pods it runs are stopped and stay Pending until the new profile is active';
    return [
      {
        path: paths[0],
        message: `Fargate profiles cannot be changed, so this one is replaced${why}; ${order}. To avoid the outage, add the new profile under another name, wait for it to be active, then remove the old one`,
      },
    ];
  },
};
