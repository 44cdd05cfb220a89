import { eksSupportPhase, eksVersions } from '../../../aws/facts.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { usd } from '../../../report/format.js';
import { clusterExtendedSupportCost, clusterStandardMonthly, knownVersion, kubeVersion, minorsBetween, versionText } from './util.js';

/**
 * The EKS support phase of the cluster's Kubernetes version on the evaluation date (--as-of),
 * from the shipped calendar: extended support costs more per cluster-hour (warning), and a
 * version past the end of extended support is rejected ("unsupported Kubernetes version").
 */
export const EKS_VERSION_SUPPORT: Rule = {
  id: 'EKS_VERSION_SUPPORT',
  severity: 'warning',
  title: 'Cluster Kubernetes version support phase and cost',
  types: ['aws_eks_cluster'],
  reads: [],
  check(cluster, ctx) {
    const v = knownVersion(cluster.current);
    if (!v) return [];
    const asOf = ctx.options.asOf;
    const name = versionText(v.version);
    const shown = show(v.lookup);
    const { phase, info } = eksSupportPhase(name, asOf);
    if (phase === 'extended' && info) {
      // A sensitive version's dates would give it away.
      const dates = v.lookup.sensitive
        ? ''
        : ` (standard support ended ${info.endOfStandardSupport}; extended support ends ${info.endOfExtendedSupport}, then EKS upgrades the control plane)`;
      // With support_type STANDARD, EKS upgrades the cluster instead of billing extended support,
      // as the cost section prices it.
      const supportType = cluster.current.str(['upgrade_policy', 0, 'support_type']);
      if (supportType.state === 'known' && supportType.value.toUpperCase() === 'STANDARD') {
        const monthly = clusterStandardMonthly(cluster, ctx);
        return [
          {
            path: 'version',
            message: `Kubernetes ${shown} is past standard support on ${asOf}${v.lookup.sensitive ? '' : ` (standard support ended ${info.endOfStandardSupport})`}: with support_type STANDARD, EKS upgrades the control plane to the next version instead of billing extended support, so the cluster costs the standard rate${monthly === undefined ? '' : ` (${usd(monthly)}/month)`}; upgrade to a version in standard support yourself, at a time you choose`,
          },
        ];
      }
      return [
        {
          path: 'version',
          message: `Kubernetes ${shown} is in EKS extended support on ${asOf}${dates}: the cluster costs ${clusterExtendedSupportCost(cluster, ctx)}; upgrade to a version in standard support`,
        },
      ];
    }
    if (phase === 'unsupported' && info) {
      return [
        {
          path: 'version',
          severity: 'error',
          message: `Kubernetes ${shown} is past the end of EKS extended support${v.lookup.sensitive ? '' : ` (${info.endOfExtendedSupport})`} on ${asOf}: EKS rejects it ("unsupported Kubernetes version") and auto-upgrades existing control planes; use ${newestStandard(asOf) ?? 'a supported version'}`,
        },
      ];
    }
    if (phase === 'unknown-version') return unknownVersion(v.version, shown, asOf);
    return [];
  },
};

function unknownVersion(v: NonNullable<ReturnType<typeof kubeVersion>>, shown: string, asOf: string): RuleResult[] {
  const known = eksVersions.versions.map((x) => kubeVersion(x.version)!).sort((a, b) => minorsBetween(b, a));
  const oldest = known[0]!;
  if (minorsBetween(v, oldest) > 0) {
    return [
      {
        path: 'version',
        severity: 'error',
        message: `Kubernetes ${shown} is older than every version in the EKS calendar (oldest ${versionText(oldest)}, whose extended support ended ${eksVersions.versions.find((x) => x.version === versionText(oldest))!.endOfExtendedSupport}): EKS rejects it ("unsupported Kubernetes version"); use ${newestStandard(asOf) ?? 'a supported version'}`,
      },
    ];
  }
  return [
    {
      path: 'version',
      severity: 'info',
      message: `Kubernetes ${shown} is not in the shipped EKS calendar (last verified ${eksVersions._meta.lastVerified}); its support phase and cost could not be checked`,
    },
  ];
}

/** The newest calendar version in standard support on the date. */
function newestStandard(asOf: string): string | undefined {
  const std = eksVersions.versions
    .filter((x) => eksSupportPhase(x.version, asOf).phase === 'standard' && (!x.eksRelease || x.eksRelease <= asOf))
    .map((x) => kubeVersion(x.version)!)
    .sort((a, b) => minorsBetween(b, a));
  return std.length ? versionText(std[std.length - 1]!) : undefined;
}
