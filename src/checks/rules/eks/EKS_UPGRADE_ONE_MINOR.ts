import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { knownVersion, minorsBetween, versionText } from './util.js';

/**
 * An EKS control plane upgrades one minor version at a time and never downgrades (EKS user
 * guide, update-cluster): `before.version` → `after.version` must be +1 minor or unchanged.
 */
export const EKS_UPGRADE_ONE_MINOR: Rule = {
  id: 'EKS_UPGRADE_ONE_MINOR',
  severity: 'error',
  title: 'Cluster version changes one minor version at a time',
  types: ['aws_eks_cluster'],
  reads: [],
  check(cluster) {
    if (cluster.action !== 'update') return [];
    const before = knownVersion(cluster.before);
    const after = knownVersion(cluster.after);
    if (!before || !after) return [];
    const step = minorsBetween(before.version, after.version);
    if (step < 0) {
      return [
        {
          path: 'version',
          message: `version goes down from ${show(before.lookup)} to ${show(after.lookup)}: EKS cannot downgrade a control plane; keep ${show(before.lookup)} (a downgrade needs a new cluster)`,
        },
      ];
    }
    if (step > 1) {
      const next = before.lookup.sensitive
        ? 'the next minor version'
        : versionText({ major: before.version.major, minor: before.version.minor + 1 });
      return [
        {
          path: 'version',
          message: `version jumps ${step} minor versions from ${show(before.lookup)} to ${show(after.lookup)}: EKS upgrades a control plane one minor version at a time; apply ${next} first, then each following minor`,
        },
      ];
    }
    return [];
  },
};
