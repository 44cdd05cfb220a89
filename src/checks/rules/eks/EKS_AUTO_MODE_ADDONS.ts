import { autoModeCompute, eksAutoMode } from '../../../aws/facts-eks.js';
import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { addonBuild, clusterOf, compareBuilds, knownString, knownVersion, versionText } from './util.js';

/**
 * Enabling EKS Auto Mode on an existing cluster: the EKS user guide lists minimum versions of
 * add-ons that must be installed first (VPC CNI, kube-proxy per Kubernetes minor, EBS CSI driver,
 * snapshot controller, Pod Identity Agent; src/aws/data/eks-auto-mode.json). New clusters created
 * with Auto Mode are exempt. An add-on whose version or cluster is not known is not judged.
 */
export const EKS_AUTO_MODE_ADDONS: Rule = {
  id: 'EKS_AUTO_MODE_ADDONS',
  severity: 'warning',
  title: 'Add-on versions required before enabling EKS Auto Mode on an existing cluster',
  types: ['aws_eks_addon'],
  reads: ['aws_eks_cluster'],
  check(addon, ctx) {
    if (addon.action === 'delete') return [];
    const cluster = clusterOf(addon, ctx);
    if (!cluster || cluster.action !== 'update') return [];
    if (autoModeCompute(cluster.before) !== false || autoModeCompute(cluster.current) !== true) return [];
    const name = knownString(addon.current, 'addon_name');
    const minimums = name && !name.lookup.sensitive ? eksAutoMode.addonsWhenEnablingOnExistingCluster.minimum[name.value] : undefined;
    if (!name || !minimums) return [];
    const cv = knownVersion(cluster.current);
    const min = minimums.any ?? (cv && !cv.lookup.sensitive ? minimums[versionText(cv.version)] : undefined);
    const ver = knownString(addon.current, 'addon_version');
    const have = ver && !ver.lookup.sensitive ? addonBuild(ver.value) : undefined;
    const need = min ? addonBuild(min) : undefined;
    if (!ver || !have || !min || !need || compareBuilds(have, need) >= 0) return [];
    return [
      {
        path: 'addon_version',
        message: `cluster ${cluster.address} turns on EKS Auto Mode, and ${show(name.lookup)} is at ${show(ver.lookup)}: the EKS user guide requires at least ${min} before Auto Mode is enabled on an existing cluster (auto-enable-existing, Required add-on versions); update the add-on first`,
      },
    ];
  },
};
