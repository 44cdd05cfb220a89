import { eksSupportPhase } from '../../../aws/facts.js';
import { EKS_UPGRADE_WARN_DAYS } from '../../../aws/facts-eks.js';
import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { daysBetween, extendedSupportCost, knownString, knownVersion, versionText } from './util.js';

const PATH = 'upgrade_policy[0].support_type';

/**
 * What happens at the end of standard support, by `upgrade_policy.support_type` (default
 * EXTENDED): within EKS_UPGRADE_WARN_DAYS (90) days of the date, EXTENDED starts extended
 * support charges and STANDARD makes EKS upgrade the control plane by itself. Once the version
 * has left standard support, the policy can no longer be set to STANDARD (EKS user guide,
 * disable-extended-support).
 */
export const EKS_UPGRADE_POLICY: Rule = {
  id: 'EKS_UPGRADE_POLICY',
  severity: 'warning',
  title: 'End of standard support is near for the cluster version',
  types: ['aws_eks_cluster'],
  reads: [],
  check(cluster, ctx) {
    const v = knownVersion(cluster.current);
    if (!v) return [];
    // Without an upgrade_policy, EKS applies EXTENDED (the reading gives that default).
    const st = knownString(cluster.current, PATH);
    if (!st) return [];
    const supportType = st.value;
    const shownType = st.lookup.origin === 'aws-default' ? `${st.value} (the default)` : show(st.lookup);
    const asOf = ctx.options.asOf;
    const { phase, info } = eksSupportPhase(versionText(v.version), asOf);
    if (!info) return [];
    if (
      phase === 'extended' &&
      supportType === 'STANDARD' &&
      (cluster.action === 'create' || knownString(cluster.before, PATH)?.value !== 'STANDARD')
    ) {
      return [
        {
          path: PATH,
          severity: 'error',
          message: `support_type ${shownType} is set while Kubernetes ${show(v.lookup)} is already in extended support${v.lookup.sensitive ? '' : ` (standard support ended ${info.endOfStandardSupport})`}: EKS cannot disable extended support once a cluster has entered it; upgrade to a version in standard support first`,
        },
      ];
    }
    if (phase !== 'standard') return [];
    const days = daysBetween(asOf, info.endOfStandardSupport);
    if (days > EKS_UPGRADE_WARN_DAYS) return [];
    // A sensitive version's dates would give it away.
    const when = v.lookup.sensitive
      ? `standard support for Kubernetes ${show(v.lookup)} ends within ${EKS_UPGRADE_WARN_DAYS} days`
      : `standard support for Kubernetes ${show(v.lookup)} ends on ${info.endOfStandardSupport} (in ${days} days)`;
    if (supportType === 'STANDARD') {
      return [
        {
          path: PATH,
          message: `${when}: with support_type ${shownType} EKS then upgrades the control plane to the next minor version by itself (node groups and add-ons are not upgraded); upgrade the cluster before that date`,
        },
      ];
    }
    return [
      {
        path: PATH,
        message: `${when}: with support_type ${shownType} the cluster then enters extended support and costs ${extendedSupportCost(cluster.region, ctx.prices)}; upgrade before that date, or set support_type STANDARD while still in standard support`,
      },
    ];
  },
};
