import { emptyEstimate, HOURS_PER_MONTH, Pricer, SENSITIVE_TEXT, sumMonthly, type Estimator } from '../component.js';
import { CONTROL_PLANE, daysBetween, EXTENDED_SUPPORT } from '../../aws/price-terms.js';
import { eksSupportPhase, type SupportPhase } from '../../aws/facts.js';
import { autoModeCompute } from '../../aws/facts-eks.js';
import { usd } from '../../report/format.js';
import type { CostComponent } from '../../report/schema.js';

/** Days before the end of standard support from which the estimate warns of the coming price. */
const WARN_DAYS = 90;

/**
 * `aws_eks_cluster`: the control plane, per cluster-hour. The price follows the version's support
 * phase on the as-of date and `upgrade_policy.support_type`: extended support adds its hourly
 * surcharge; with STANDARD, EKS upgrades the cluster at the end of standard support instead. A
 * Provisioned Control Plane tier (`control_plane_scaling_config.tier` other than standard) is
 * priced per tier-hour in place of the standard cluster-hour. EKS Auto Mode compute and Hybrid
 * Nodes are usage-based and not in the plan: notes.
 */
export const estimateEksCluster: Estimator = (cluster, env) => {
  const p = new Pricer(env, cluster.region);
  const usage = usageNotes(cluster);
  const version = readVersion(cluster);
  if (version.state === 'unknown')
    return emptyEstimate({
      notes: ['its Kubernetes version is known only after apply, so its support phase (and price) is unknown', ...usage],
    });
  const st = cluster.current.str(['upgrade_policy', 0, 'support_type']);
  // Left unset, the reading gives EKS's default (EXTENDED, src/aws/data/provider-defaults.json).
  const supportType = st.state === 'known' ? st.value.toUpperCase() : null;
  const notes: string[] = [];
  const advice: string[] = [];
  const phase = version.state === 'default' ? { phase: 'standard' as SupportPhase } : eksSupportPhase(version.value, env.asOf);
  const label = cluster.current.hasSensitive('version')
    ? SENSITIVE_TEXT
    : version.state === 'default'
      ? 'the default (latest) version'
      : version.value;

  const tier = readTier(cluster);
  if (tier.state === 'unknown') return emptyEstimate({ notes: [tier.why, ...usage] });
  const controlPlane =
    tier.state === 'provisioned'
      ? p.component(
          `EKS Provisioned Control Plane (${tier.value})`,
          'tier-hours',
          HOURS_PER_MONTH,
          `eks/provisioned-control-plane/${tier.value}/hour`,
          {
            note: `control_plane_scaling_config.tier ${tier.value}: billed per hour of the tier in place of the standard control-plane hour`,
          },
        )
      : p.component(CONTROL_PLANE, 'cluster-hours', HOURS_PER_MONTH, 'eks/cluster-hour');

  const extended = () =>
    p.component(EXTENDED_SUPPORT, 'cluster-hours', HOURS_PER_MONTH, 'eks/extended-support-hour', {
      note: `Kubernetes ${label} is in extended support on ${env.asOf}`,
    });
  let components: CostComponent[] = [controlPlane];
  let description = `Kubernetes ${label}, standard support${tier.state === 'provisioned' ? `, Provisioned Control Plane ${tier.value}` : ''}`;
  if (phase.phase === 'unknown-version') {
    return emptyEstimate({
      notes: [
        `Kubernetes version ${label} is not in the EKS calendar (src/aws/data/eks-versions.json), so its support phase (and price) is unknown`,
      ],
      unpriced: p.unpriced,
    });
  } else if (phase.phase === 'extended' || phase.phase === 'unsupported') {
    if (supportType === null)
      return emptyEstimate({
        notes: ['upgrade_policy.support_type is known only after apply, so the price (standard or extended support) is unknown'],
      });
    if (supportType === 'STANDARD') {
      notes.push(
        `Kubernetes ${label} is past standard support on ${env.asOf}; with support_type STANDARD, EKS upgrades the cluster instead of billing extended support`,
      );
    } else {
      components = [controlPlane, extended()];
      description = `Kubernetes ${label}, extended support${tier.state === 'provisioned' ? `, Provisioned Control Plane ${tier.value}` : ''}`;
      if (phase.phase === 'unsupported')
        notes.push(`Kubernetes ${label} is past the end of extended support on ${env.asOf}; EKS upgrades such clusters automatically`);
    }
  } else if (phase.info) {
    const days = daysBetween(env.asOf, phase.info.endOfStandardSupport);
    if (days <= WARN_DAYS) {
      if (supportType === 'STANDARD') {
        notes.push(
          `Kubernetes ${label} leaves standard support on ${phase.info.endOfStandardSupport} (in ${days} days); with support_type STANDARD, EKS will upgrade the cluster then`,
        );
      } else {
        const later = sumMonthly([controlPlane, extended()]);
        const now = sumMonthly([controlPlane]);
        if (later !== null && now !== null) {
          notes.push(
            `Kubernetes ${label} leaves standard support on ${phase.info.endOfStandardSupport} (in ${days} days): from then the control plane costs ${usd(later)}/month (${usd(later - now, { sign: true })}) unless the cluster is upgraded`,
          );
        }
      }
    }
  }
  const monthly = sumMonthly(components);
  if (env.side === 'after' && cluster.action === 'create' && monthly !== null) {
    advice.push(`an ECS cluster has no control-plane charge: ${usd(0)}/month against ${usd(monthly)}/month for this EKS control plane`);
  }
  notes.push(...usage);
  return { components, monthly, min: monthly, max: monthly, description, unpriced: p.unpriced, notes, advice };
};

type Tier = { state: 'standard' } | { state: 'provisioned'; value: string } | { state: 'unknown'; why: string };

/** The control-plane scaling tier: standard when not set (EKS's default), a provisioned tier, or unknown. */
function readTier(cluster: Parameters<Estimator>[0]): Tier {
  const t = cluster.current.str(['control_plane_scaling_config', 0, 'tier']);
  if (t.state === 'absent') return { state: 'standard' };
  if (t.state === 'unknown')
    return {
      state: 'unknown',
      why: 'control_plane_scaling_config.tier is known only after apply, so the control-plane price (standard or a Provisioned Control Plane tier) is unknown',
    };
  if (t.sensitive)
    return { state: 'unknown', why: 'control_plane_scaling_config.tier is marked sensitive, so the control-plane price is not shown' };
  const v = t.value.toLowerCase();
  if (v === 'standard' || v === '') return { state: 'standard' };
  if (!/^tier-[0-9]*xl$/.test(v))
    return {
      state: 'unknown',
      why: 'control_plane_scaling_config.tier is not a tier EKS lists (standard, tier-xl, tier-2xl, tier-4xl, tier-8xl)',
    };
  return { state: 'provisioned', value: v };
}

/** Usage-based charges a cluster brings that the plan cannot size: EKS Auto Mode compute and Hybrid Nodes. */
function usageNotes(cluster: Parameters<Estimator>[0]): string[] {
  const notes: string[] = [];
  if (autoModeCompute(cluster.current) === true) {
    notes.push(
      'EKS Auto Mode compute is usage-based and not priced here: the EC2 instances Auto Mode launches are billed at EC2 rates, plus an Auto Mode management fee per instance-hour that depends on the instance type (price key eks-auto/<instance type>/hour); how many and which instances run is decided by the node pools at run time',
    );
  }
  const remote = cluster.current.list('remote_network_config');
  if (remote.state === 'known' && remote.value.length > 0) {
    notes.push(
      'EKS Hybrid Nodes (remote_network_config) are usage-based and not priced here: each hybrid node is billed per vCPU-hour while it is attached to the cluster, at tiered monthly rates; the nodes run outside AWS and are not in the plan',
    );
  }
  return notes;
}

type Version = { state: 'known'; value: string } | { state: 'default' } | { state: 'unknown' };

/** The cluster's version; a version left unset (computed) is EKS's default, the latest in standard support. */
function readVersion(cluster: Parameters<Estimator>[0]): Version {
  const v = cluster.current.str('version');
  if (v.state === 'known' && v.value !== '') return { state: 'known', value: v.value };
  if (v.state === 'absent') return { state: 'default' };
  return { state: 'unknown' };
}

estimateEksCluster.reads = [];
