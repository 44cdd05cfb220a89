import { eksAddon, eksAddonVersions } from '../../../aws/facts-eks.js';
import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { clusterOf, knownString, knownVersion, kubeVersion, minorsBetween, versionText } from './util.js';

/**
 * An EKS add-on version must be offered for the cluster's Kubernetes version, or EKS rejects it
 * ("Addon version specified is not supported"). Judged only from the shipped table
 * (src/aws/data/eks-addon-versions.json): an add-on's minimum cluster version, and kube-proxy,
 * whose builds follow the Kubernetes minor (`v1.N.…` for 1.N; never newer than the control
 * plane). Add-ons and versions the table does not cover are not judged.
 */
export const EKS_ADDON_VERSION: Rule = {
  id: 'EKS_ADDON_VERSION',
  severity: 'error',
  title: 'Add-on version must be compatible with the cluster version',
  types: ['aws_eks_addon'],
  reads: ['aws_eks_cluster'],
  check(addon, ctx) {
    const name = knownString(addon.current, 'addon_name');
    const facts = name && eksAddon(name.value);
    const cluster = clusterOf(addon, ctx);
    const cv = cluster && knownVersion(cluster.current);
    if (!name || !facts || !cluster || !cv) return [];
    const clusterText = versionText(cv.version);
    const min = facts.minClusterVersion ? kubeVersion(facts.minClusterVersion) : undefined;
    if (min && minorsBetween(cv.version, min) > 0) {
      return [
        {
          path: 'addon_name',
          message: `add-on ${show(name.lookup)} is not available for Kubernetes ${show(cv.lookup)} (cluster ${cluster.address}); it needs ${facts.minClusterVersion} or later: EKS rejects it ("specified is not supported in ${cv.lookup.sensitive ? 'this' : clusterText} kubernetes version"); upgrade the cluster first`,
        },
      ];
    }
    const ver = knownString(addon.current, 'addon_version');
    const av = ver && kubeVersion(ver.value);
    if (!ver || !av || facts.versionRule !== 'kubernetes-minor') return [];
    const skew = minorsBetween(av, cv.version);
    if (skew === 0) return [];
    const documented = cv.lookup.sensitive ? undefined : facts.documented[clusterText];
    const fix = documented
      ? `use a v${clusterText}.x build, e.g. ${documented.addonVersion} (EKS user guide, table last verified ${eksAddonVersions._meta.lastVerified})`
      : `use a v${cv.lookup.sensitive ? '<cluster minor>' : clusterText}.x build (aws eks describe-addon-versions --addon-name ${show(name.lookup)} --kubernetes-version <version>)`;
    if (skew < 0) {
      return [
        {
          path: 'addon_version',
          message: `addon_version ${show(ver.lookup)} is built for a newer Kubernetes minor than cluster ${cluster.address}'s ${show(cv.lookup)}: ${show(name.lookup)} must not be newer than the API server, and EKS offers no such build for this cluster ("Addon version specified is not supported"); ${fix}`,
        },
      ];
    }
    return [
      {
        path: 'addon_version',
        severity: 'warning',
        message: `addon_version ${show(ver.lookup)} is built for an older Kubernetes minor than cluster ${cluster.address}'s ${show(cv.lookup)}: EKS publishes ${show(name.lookup)} builds per Kubernetes minor, so this version is likely rejected when the add-on is created or updated, and it lags the control plane; ${fix}`,
      },
    ];
  },
};
