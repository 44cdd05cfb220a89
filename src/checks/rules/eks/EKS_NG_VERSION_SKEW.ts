import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { clusterOf, knownVersion, minorsBetween } from './util.js';

/**
 * A managed node group's Kubernetes version against its cluster's: never newer (EKS rejects
 * it); equal to the control plane's current version before the control plane is upgraded (EKS
 * rejects the cluster update while a node group lags); and not further behind than the kubelet
 * skew policy allows (3 minors for kubelet 1.25+, 2 before).
 */
export const EKS_NG_VERSION_SKEW: Rule = {
  id: 'EKS_NG_VERSION_SKEW',
  severity: 'error',
  title: 'Node group Kubernetes version must fit the cluster version',
  types: ['aws_eks_node_group'],
  reads: ['aws_eks_cluster'],
  check(ng, ctx) {
    const cluster = clusterOf(ng, ctx);
    if (!cluster) return [];
    const clusterAfter = knownVersion(cluster.current);
    const ngAfter = knownVersion(ng.current);
    if (ngAfter && clusterAfter && minorsBetween(clusterAfter.version, ngAfter.version) > 0) {
      return [
        {
          path: 'version',
          message: `node group version ${show(ngAfter.lookup)} is newer than cluster ${cluster.address}'s version ${show(clusterAfter.lookup)}: EKS rejects a node group newer than its control plane; use ${show(clusterAfter.lookup)} or upgrade the cluster first`,
        },
      ];
    }
    const out: RuleResult[] = [];
    const clusterBefore = cluster.action === 'update' ? knownVersion(cluster.before) : undefined;
    const ngBefore = ng.action === 'create' || ng.action === 'replace' ? undefined : knownVersion(ng.before);
    if (
      clusterBefore &&
      clusterAfter &&
      ngBefore &&
      minorsBetween(clusterBefore.version, clusterAfter.version) > 0 &&
      minorsBetween(ngBefore.version, clusterBefore.version) > 0
    ) {
      out.push({
        path: 'version',
        message: `cluster ${cluster.address} is upgraded from ${show(clusterBefore.lookup)} to ${show(clusterAfter.lookup)} while this node group runs ${show(ngBefore.lookup)}: EKS rejects the control-plane update until every managed node group is at ${show(clusterBefore.lookup)}; upgrade the node group to ${show(clusterBefore.lookup)} in an earlier apply`,
      });
      return out;
    }
    if (ngAfter && clusterAfter) {
      const lag = minorsBetween(ngAfter.version, clusterAfter.version);
      const allowed = ngAfter.version.major > 1 || ngAfter.version.minor >= 25 ? 3 : 2;
      if (lag > allowed) {
        out.push({
          path: 'version',
          severity: 'warning',
          message: `node group version ${show(ngAfter.lookup)} is ${lag} minor versions behind cluster ${cluster.address}'s ${show(clusterAfter.lookup)}: the Kubernetes skew policy allows kubelet ${ngAfter.version.minor >= 25 ? '1.25+' : '1.24 and older'} at most ${allowed} minors behind the API server; upgrade the node group`,
        });
      }
    }
    return out;
  },
};
