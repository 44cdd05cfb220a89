import { AUTO_MODE_CAPABILITIES, eksAutoMode } from '../../../aws/facts-eks.js';
import { show } from '../../show.js';
import type { Rule } from '../../types.js';

/**
 * EKS Auto Mode's three capabilities (compute, block storage, load balancing) are enabled or
 * disabled together, in the same request; EKS rejects a cluster where they differ
 * (src/aws/data/eks-auto-mode.json `consistent`). A capability whose block is not written reads as
 * disabled: the provider sends `enabled = false` for it. Any of the three known only after apply:
 * not judged.
 */
export const EKS_AUTO_MODE_CONSISTENT: Rule = {
  id: 'EKS_AUTO_MODE_CONSISTENT',
  severity: 'error',
  title: 'EKS Auto Mode capabilities are enabled or disabled together',
  types: ['aws_eks_cluster'],
  reads: [],
  check(cluster) {
    if (cluster.action === 'delete') return [];
    const read = AUTO_MODE_CAPABILITIES.map((c) => ({ ...c, reading: cluster.current.bool(c.path) }));
    if (read.some((c) => c.reading.state === 'unknown' || c.reading.sensitive)) return [];
    const on = (c: (typeof read)[number]) => c.reading.state === 'known' && c.reading.value;
    const enabled = read.filter(on);
    if (enabled.length === 0 || enabled.length === read.length) return [];
    const disabled = read.filter((c) => !on(c));
    const list = (cs: typeof read) => cs.map((c) => `${c.name} (${c.path.replaceAll('[0]', '')} = ${show(c.reading)})`).join(', ');
    return [
      {
        path: disabled[0]!.path,
        message: `EKS Auto Mode is enabled for ${list(enabled)} but not for ${list(disabled)}: the three capabilities must all be enabled or all disabled in the same request, or EKS rejects the change ("${eksAutoMode.consistent.awsError}"); set all three to true for Auto Mode, or all to false`,
      },
    ];
  },
};
