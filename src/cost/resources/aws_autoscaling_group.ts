import { countText, emptyEstimate, Pricer, qty, readCount, scaled, sensitiveNote, sumMonthly, type Counts, type Estimator } from '../component.js';
import { fleetComponents, launchConfigurationVolumes, launchTemplateVolumes, SENSITIVE_INSTANCE_TYPE, templateInstanceType, type Market, type Volumes } from '../ec2.js';
import type { Resource } from '../../plan/model.js';
import { usd } from '../../report/format.js';
import type { CostComponent } from '../../report/schema.js';

/**
 * `aws_autoscaling_group`: instances × the EC2 price of the launch template's or launch
 * configuration's instance type, plus their EBS volumes, at desired_capacity and at
 * min_size/max_size. A mixed instances policy runs the on-demand base, then the on-demand
 * percentage of the capacity above it, and the rest on Spot; capacity is in units of the
 * override's weighted capacity.
 */
export const estimateAutoscalingGroup: Estimator = (asg, env) => {
  const p = new Pricer(env, asg.region);
  const lt = env.graph.one(asg, 'launch-template');
  const lc = env.graph.one(asg, 'launch-configuration');
  const template = lt ?? lc;
  if (!template) return emptyEstimate({ notes: ['its launch template or launch configuration is not in this plan, so the instance type is unknown'] });
  const volumes: Volumes = lt ? launchTemplateVolumes(lt) : launchConfigurationVolumes(lc!);
  if (volumes.state === 'unknown') return emptyEstimate({ notes: [volumes.why] });
  const notes: string[] = ["priced as Linux: the AMI's platform is not in the plan"];
  if (volumes.volumes.length === 0) notes.push(`the root volume is the AMI's (${template.address} maps no block device with a size): not priced`);

  const counts = capacityCounts(asg);
  notes.push(...(counts.problems ?? []));
  if (counts.sensitive) notes.push(sensitiveNote('the group size'));
  const spot: Market = { spot: true, discountPercent: env.spotDiscountPercent };
  const fleet = (type: string, n: number, market: Market) => fleetComponents(p, type, volumes.volumes, n, market);

  const mixed = asg.current.get(['mixed_instances_policy', 0]).state !== 'absent';
  if (!mixed) {
    const t = templateInstanceType(template);
    if (t.state === 'sensitive') return emptyEstimate({ notes: [SENSITIVE_INSTANCE_TYPE] });
    if (t.state !== 'known') return emptyEstimate({ notes: [`${template.address}: instance_type is ${t.state === 'unknown' ? 'known only after apply' : 'not set'}`] });
    const market: Market = templateIsSpot(template) ? spot : { spot: false };
    if (market.spot) notes.push(`Spot is estimated at ${env.spotDiscountPercent}% off on-demand (Spot prices vary)`);
    const est = scaled(counts, (n) => fleet(t.value, n, market));
    return { ...est, description: `${countText(counts.point, counts.sensitive)} × ${t.value}${market.spot ? ' Spot' : ''}${diskText(volumes)}`, unpriced: p.unpriced, notes, advice: [] };
  }

  const mip = asg.current.at(['mixed_instances_policy', 0]);
  if (mip.hasUnknown(['instances_distribution']) || mip.hasUnknown(['launch_template', 0, 'override'])) {
    return emptyEstimate({ notes: ['its mixed_instances_policy is known only after apply'] });
  }
  if (mip.hasSensitive(['launch_template', 0, 'override']) || mip.hasSensitive(['instances_distribution'])) return emptyEstimate({ notes: ['its mixed_instances_policy is marked sensitive, so its cost is not shown'] });
  const dist = mip.at(['instances_distribution', 0]);
  const base = known(dist.num('on_demand_base_capacity'), 0);
  const pct = known(dist.num('on_demand_percentage_above_base_capacity'), 100);
  const overrides = readOverrides(mip);
  const ltType = templateInstanceType(template);
  if (overrides.length === 0 && ltType.state === 'sensitive') return emptyEstimate({ notes: [SENSITIVE_INSTANCE_TYPE] });
  const first = overrides[0] ?? (ltType.state === 'known' ? { type: ltType.value, weight: 1 } : undefined);
  if (!first) return emptyEstimate({ notes: ['no instance type in the mixed instances policy overrides or the launch template'] });

  const at = (units: number): CostComponent[] => {
    const onDemand = Math.min(units, base) + (Math.max(0, units - base) * pct) / 100;
    const onSpot = units - onDemand;
    return [...fleet(first.type, onDemand / first.weight, { spot: false }), ...(onSpot > 0 ? fleet(first.type, onSpot / first.weight, spot) : [])];
  };
  const est = scaled(counts, at);
  notes.push(
    `mixed instances: on-demand base ${qty(base)}, then ${qty(pct)}% on-demand above it, the rest on Spot (estimated at ${env.spotDiscountPercent}% off); capacity in units of weighted capacity, priced with the first type, ${first.type} (weight ${qty(first.weight)})`,
  );
  if (overrides.length > 1) {
    const perUnit = overrides.map((o) => ({ t: o.type, m: sumMonthly(fleet(o.type, 1 / o.weight, { spot: false })) }));
    if (perUnit.every((x) => x.m !== null)) {
      const ms = perUnit.map((x) => x.m!);
      notes.push(`the ${overrides.length} override types cost ${usd(Math.min(...ms))}–${usd(Math.max(...ms))} per capacity unit-month on demand`);
    }
  }
  if (counts.point !== null && !counts.sensitive) {
    const od = Math.min(counts.point, base) + (Math.max(0, counts.point - base) * pct) / 100;
    notes.push(`${qty(counts.point)} capacity units: ${qty(od)} on-demand, ${qty(counts.point - od)} Spot`);
  }
  return {
    ...est,
    description: `${countText(counts.point, counts.sensitive)} units, mixed on-demand/Spot, ${first.type}${diskText(volumes)}`,
    unpriced: p.unpriced,
    notes,
    advice: [],
  };
};

function known(l: { state: string; value?: number }, dflt: number): number {
  return l.state === 'known' ? l.value! : dflt;
}

function diskText(v: Extract<Volumes, { state: 'known' }>): string {
  return v.volumes.length ? ` + ${v.volumes.map((x) => `${x.sizeGiB} GB ${x.type}`).join(' + ')}` : '';
}

/** desired_capacity (the reading gives min_size when it is not set, as AWS does), min_size and max_size. */
function capacityCounts(asg: Resource): Counts {
  const out: Counts = { point: null, min: null, max: null };
  const n = (a: string) => readCount(asg.current, a, a, out);
  const point = n('desired_capacity');
  const min = n('min_size');
  const max = n('max_size');
  return { ...out, point, min, max };
}

function templateIsSpot(t: Resource): boolean {
  const lt = t.current.str(['instance_market_options', 0, 'market_type']);
  const lc = t.current.str('spot_price');
  return (lt.state === 'known' && lt.value === 'spot') || (lc.state === 'known' && lc.value !== '');
}

function readOverrides(mip: Resource['current']): { type: string; weight: number }[] {
  const l = mip.list(['launch_template', 0, 'override']);
  const n = l.state === 'known' ? l.value.length : 0;
  const out: { type: string; weight: number }[] = [];
  for (let i = 0; i < n; i++) {
    const t = mip.str(['launch_template', 0, 'override', i, 'instance_type']);
    if (t.state !== 'known' || t.value === '') continue;
    const w = mip.num(['launch_template', 0, 'override', i, 'weighted_capacity']);
    out.push({ type: t.value, weight: w.state === 'known' && w.value > 0 ? w.value : 1 });
  }
  return out;
}
