import {
  countText,
  emptyEstimate,
  Pricer,
  qty,
  readCount,
  scaled,
  sensitiveNote,
  sumMonthly,
  type Counts,
  type Estimator,
} from '../component.js';
import {
  capacityBlockUnpriced,
  fleetComponents,
  readTemplate,
  SENSITIVE_INSTANCE_TYPE,
  subnetDecidesNote,
  type FleetSpec,
  type Market,
  type Template,
} from '../ec2.js';
import { amiPlatform, AMI_UNKNOWN } from '../ami.js';
import type { Resource } from '../../plan/model.js';
import { usd } from '../../report/format.js';
import type { CostComponent } from '../../report/schema.js';

/**
 * `aws_autoscaling_group`: instances × the EC2 price of the launch template's or launch
 * configuration's instance type (at its tenancy), plus their EBS volumes and detailed
 * monitoring, at desired_capacity and at min_size/max_size. A mixed instances policy runs the
 * on-demand base, then the on-demand percentage of the capacity above it, and the rest on Spot;
 * capacity is in units of the override's weighted capacity. Settings the plan leaves out read as
 * AWS's defaults (desired_capacity starts at min_size; base 0, 100% on-demand above it). The
 * instances are priced at the Windows rate when the template's AMI is known to be Windows
 * (src/cost/ami.ts), as Linux with a note when its platform is not in the plan.
 */
export const estimateAutoscalingGroup: Estimator = (asg, env) => {
  const p = new Pricer(env, asg.region);
  const linked = env.graph.one(asg, 'launch-template') ?? env.graph.one(asg, 'launch-configuration');
  if (!linked)
    return emptyEstimate({ notes: ['its launch template or launch configuration is not in this plan, so the instance type is unknown'] });
  const template = readTemplate(linked);
  if (template.volumes.state === 'unknown') return emptyEstimate({ notes: [template.volumes.why] });
  const ami = amiPlatform(env.graph, linked);
  if (ami.os === 'licensed')
    return emptyEstimate({
      notes: [...template.volumes.notes, ...template.notes],
      unpriced: [{ item: 'Instances (licensed software in the AMI)', reason: `${template.address}: ${ami.why}` }],
    });
  const notes: string[] = [...(ami.os === 'unknown' ? [AMI_UNKNOWN] : []), ...template.volumes.notes, ...template.notes];
  if (template.tenancy === 'unknown')
    return emptyEstimate({
      notes: [
        ...notes,
        `${template.address}: its tenancy is known only after apply, so the instance price (shared or dedicated) is unknown`,
      ],
    });
  if (template.tenancy === 'host') {
    return emptyEstimate({
      notes,
      unpriced: [
        {
          item: 'Instances (Dedicated Host tenancy)',
          reason: `${template.address} places the instances on Dedicated Hosts, which are billed per host whatever runs on them; the hosts are not in the plan`,
        },
      ],
    });
  }
  if (template.capacityBlock) {
    return emptyEstimate({
      notes,
      unpriced: [capacityBlockUnpriced(`${template.address} (instance_market_options.market_type "capacity-block")`)],
    });
  }
  if (template.tenancy === 'dedicated') notes.push(`${template.address}: dedicated tenancy, priced at the Dedicated Instance rate`);
  const spec: FleetSpec = {
    volumes: template.volumes.volumes,
    tenancy: template.tenancy,
    monitoring: template.monitoring,
    os: ami.os === 'windows' ? 'windows' : 'linux',
    ...(ami.os === 'windows' ? { osNote: `Windows (${ami.why})` } : {}),
    publicIpv4: template.publicIpv4,
    ebsOptimized: template.ebsOptimized,
  };
  if (template.publicIpv4 === 'on') notes.push(`${template.address} associates a public IPv4 address with each instance`);
  if (template.publicIpv4 === 'subnet') notes.push(subnetDecidesNote(template.address));
  if (template.monitoring === 'on') notes.push(`${template.address} turns on detailed monitoring: CloudWatch metrics per instance`);

  const counts = capacityCounts(asg);
  notes.push(...(counts.problems ?? []));
  if (counts.sensitive) notes.push(sensitiveNote('the group size'));
  const spot: Market = { spot: true, discountPercent: env.spotDiscountPercent };
  const fleet = (type: string, n: number, market: Market) => fleetComponents(p, type, spec, n, market);

  const mip = asg.current.list('mixed_instances_policy');
  if (mip.state === 'unknown') return emptyEstimate({ notes: ['its mixed_instances_policy is known only after apply'] });
  if (mip.state !== 'known' || mip.value.length === 0) {
    const t = template.instanceType;
    if (t.state === 'sensitive') return emptyEstimate({ notes: [SENSITIVE_INSTANCE_TYPE] });
    if (t.state !== 'known')
      return emptyEstimate({
        notes: [`${template.address}: instance_type is ${t.state === 'unknown' ? 'known only after apply' : 'not set'}`],
      });
    const market: Market = template.spot ? spot : { spot: false };
    if (market.spot) notes.push(`Spot is estimated at ${env.spotDiscountPercent}% off on-demand (Spot prices vary)`);
    const est = scaled(counts, (n) => fleet(t.value, n, market));
    return {
      ...est,
      description: `${countText(counts.point, counts.sensitive)} × ${t.value}${market.spot ? ' Spot' : ''}${tenancyText(template)}${diskText(spec)}`,
      unpriced: p.unpriced,
      notes,
      advice: [],
    };
  }

  const policy = asg.current.at(['mixed_instances_policy', 0]);
  if (policy.hasSensitive(['launch_template', 0, 'override']) || policy.hasSensitive(['instances_distribution']))
    return emptyEstimate({ notes: ['its mixed_instances_policy is marked sensitive, so its cost is not shown'] });
  const dist = policy.at(['instances_distribution', 0]);
  const baseR = dist.num('on_demand_base_capacity');
  const pctR = dist.num('on_demand_percentage_above_base_capacity');
  if (baseR.state === 'unknown' || pctR.state === 'unknown')
    return emptyEstimate({ notes: [...notes, 'its on-demand base or percentage is known only after apply'] });
  const overrides = readOverrides(policy);
  if (overrides.state === 'unknown') return emptyEstimate({ notes: [...notes, overrides.why] });
  if (baseR.state !== 'known' || pctR.state !== 'known')
    return emptyEstimate({ notes: [...notes, 'its instances distribution has no on-demand base or percentage'] });
  const base = baseR.value;
  const pct = pctR.value;
  const ltType = template.instanceType;
  if (overrides.value.length === 0 && ltType.state === 'sensitive') return emptyEstimate({ notes: [SENSITIVE_INSTANCE_TYPE] });
  const first = overrides.value[0] ?? (ltType.state === 'known' ? { type: ltType.value, weight: 1 } : undefined);
  if (!first)
    return emptyEstimate({ notes: [...notes, 'no instance type in the mixed instances policy overrides or the launch template'] });

  const at = (units: number): CostComponent[] => {
    const onDemand = Math.min(units, base) + (Math.max(0, units - base) * pct) / 100;
    const onSpot = units - onDemand;
    return [
      ...fleet(first.type, onDemand / first.weight, { spot: false }),
      ...(onSpot > 0 ? fleet(first.type, onSpot / first.weight, spot) : []),
    ];
  };
  const est = scaled(counts, at);
  const how = (r: { origin: string }) => (r.origin === 'aws-default' ? ' (not set: the AWS default)' : '');
  notes.push(
    `mixed instances: on-demand base ${qty(base)}${how(baseR)}, then ${qty(pct)}% on-demand above it${how(pctR)}, the rest on Spot (estimated at ${env.spotDiscountPercent}% off); capacity in units of weighted capacity, priced with the first type, ${first.type} (weight ${qty(first.weight)})`,
  );
  if (overrides.value.length > 1) {
    const perUnit = overrides.value.map((o) => ({ t: o.type, m: sumMonthly(fleet(o.type, 1 / o.weight, { spot: false })) }));
    if (perUnit.every((x) => x.m !== null)) {
      const ms = perUnit.map((x) => x.m!);
      notes.push(
        `the ${overrides.value.length} override types cost ${usd(Math.min(...ms))}–${usd(Math.max(...ms))} per capacity unit-month on demand`,
      );
    }
  }
  if (counts.point !== null && !counts.sensitive) {
    const od = Math.min(counts.point, base) + (Math.max(0, counts.point - base) * pct) / 100;
    notes.push(`${qty(counts.point)} capacity units: ${qty(od)} on-demand, ${qty(counts.point - od)} Spot`);
  }
  return {
    ...est,
    description: `${countText(counts.point, counts.sensitive)} units, mixed on-demand/Spot, ${first.type}${tenancyText(template)}${diskText(spec)}`,
    unpriced: p.unpriced,
    notes,
    advice: [],
  };
};

function diskText(spec: FleetSpec): string {
  return spec.volumes.length ? ` + ${spec.volumes.map((x) => `${x.sizeGiB} GB ${x.type}`).join(' + ')}` : '';
}

function tenancyText(t: Template): string {
  return t.tenancy === 'dedicated' ? ' (dedicated)' : '';
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

type Overrides = { state: 'known'; value: { type: string; weight: number }[] } | { state: 'unknown'; why: string };

function readOverrides(policy: Resource['current']): Overrides {
  const l = policy.list(['launch_template', 0, 'override']);
  if (l.state === 'unknown') return { state: 'unknown', why: 'its mixed instances policy overrides are known only after apply' };
  const n = l.state === 'known' ? l.value.length : 0;
  const out: { type: string; weight: number }[] = [];
  for (let i = 0; i < n; i++) {
    const o = policy.at(['launch_template', 0, 'override', i]);
    const t = o.str('instance_type');
    if (t.state === 'unknown') return { state: 'unknown', why: `override ${i + 1}'s instance_type is known only after apply` };
    if (t.state !== 'known' || t.value === '') continue;
    const w = o.num('weighted_capacity');
    if (w.state === 'unknown') return { state: 'unknown', why: `override ${i + 1}'s weighted_capacity is known only after apply` };
    // Without weights (absent) the group is unweighted: each instance is one unit of capacity.
    if (w.state === 'known' && w.value <= 0)
      return { state: 'unknown', why: `override ${i + 1}'s weighted_capacity is not a positive number` };
    out.push({ type: t.value, weight: w.state === 'known' ? w.value : 1 });
  }
  return { state: 'known', value: out };
}

estimateAutoscalingGroup.reads = [
  'aws_launch_configuration',
  'aws_launch_template',
  'aws_ami linked',
  'aws_ami_copy linked',
  'aws_ssm_parameter linked',
];
