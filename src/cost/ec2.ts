import { HOURS_PER_MONTH, type Pricer } from './component.js';
import { ebsOptimizationOptional } from '../aws/facts.js';
import type { Resource } from '../plan/model.js';
import type { Attributes, Reading } from '../plan/read.js';
import type { CostComponent } from '../report/schema.js';

/**
 * EC2 instances and their EBS volumes, shared by the node group and Auto Scaling group
 * estimators: instance-hours at the on-demand Linux price of the type (shared or dedicated
 * tenancy, or an estimated Spot discount), per-volume GB-months, provisioned IOPS and throughput,
 * and the CloudWatch metrics of detailed monitoring. Every value comes from the one reading
 * (src/plan/read.ts): a setting the plan leaves out reads as AWS's default
 * (src/aws/data/provider-defaults.json), as absent, or as unknown with its reason.
 */
export interface Volume {
  type: string;
  sizeGiB: number;
  iops?: number;
  throughput?: number;
  /** Where the volume comes from, for the component name (`root volume`, `/dev/xvdb`). */
  label: string;
}

export type Market = { spot: false } | { spot: true; discountPercent: number };

/** Shared (default) or Dedicated Instance tenancy; Dedicated Hosts are billed per host, not here. */
export type Tenancy = 'shared' | 'dedicated';

/** What every instance of a fleet carries beside its type. */
export interface FleetSpec {
  volumes: readonly Volume[];
  tenancy: Tenancy;
  /** Detailed monitoring: CloudWatch metrics per instance; unknown leaves the monthly unknown. */
  monitoring: 'on' | 'off' | 'unknown';
  os: 'linux' | 'windows';
  /** Why the instances run Windows (the instance component's note), when the plan tells it through their AMI. */
  osNote?: string;
  /** A public IPv4 address per instance (billed per address-hour); unknown leaves the monthly unknown. */
  publicIpv4?: PublicIpv4;
  /** EBS optimization as the launch template or configuration sets it; billed only on types where it is optional. */
  ebsOptimized?: EbsOptimized;
}

/** EBS optimization turned on, off (or not set), or known only after apply. */
export type EbsOptimized = 'on' | 'off' | 'unknown';

/** The snapshot key of the EBS-optimized fee of an instance type, per instance-hour (AmazonEC2 `EBSOptimized:<type>`). */
export function ebsOptimizedKey(type: string): string {
  return `ec2-ebs-optimized/${type}/hour`;
}

/** Whether instances get a public IPv4 address: yes, no, unknown, or as their subnet decides (not set). */
export type PublicIpv4 = 'on' | 'off' | 'unknown' | 'subnet';

/** The snapshot key of a public IPv4 address in use, per hour (AmazonVPC `PublicIPv4:InUseAddress`). */
export const PUBLIC_IPV4_KEY = 'vpc/public-ipv4/hour';

/** Public IPv4 addresses, one per instance or task, all month; null count or unknown use leaves the monthly unknown. */
export function publicIpv4Component(p: Pricer, addresses: number | null, note?: string): CostComponent {
  return p.component('Public IPv4 addresses', 'address-hours', addresses === null ? null : addresses * HOURS_PER_MONTH, PUBLIC_IPV4_KEY, {
    ...(note ? { note } : {}),
  });
}

/** CloudWatch metrics an instance with detailed monitoring publishes (the usual figure; AWS bills them per metric-month). */
export const DETAILED_MONITORING_METRICS = 7;

export function instanceComponent(
  p: Pricer,
  type: string,
  instances: number,
  market: Market,
  os: 'linux' | 'windows' = 'linux',
  tenancy: Tenancy = 'shared',
  osNote?: string,
): CostComponent {
  const dedicated = tenancy === 'dedicated';
  const key = `ec2${dedicated ? '-dedicated' : ''}${os === 'windows' ? '-windows' : ''}/${type}/hour`;
  const what = `${type}${os === 'windows' ? ' Windows' : ''}`;
  const kind = `${market.spot ? 'Spot' : 'on-demand'}${dedicated ? ', dedicated' : ''}`;
  const spotNote = market.spot ? `estimate: ${market.discountPercent}% off the on-demand price` : undefined;
  const note = [osNote, spotNote].filter((x) => x !== undefined).join('; ');
  return p.component(`Instances ${what} (${kind})`, 'hours', instances * HOURS_PER_MONTH, key, {
    ...(market.spot ? { factor: 1 - market.discountPercent / 100 } : {}),
    ...(note ? { note } : {}),
  });
}

/** Instances of one type with their volumes and monitoring, all month. */
export function fleetComponents(p: Pricer, type: string, spec: FleetSpec, instances: number, market: Market): CostComponent[] {
  const out = [
    instanceComponent(p, type, instances, market, spec.os, spec.tenancy, spec.osNote),
    ...spec.volumes.flatMap((v) => volumeComponents(p, v, instances)),
  ];
  if (spec.publicIpv4 === 'on') out.push(publicIpv4Component(p, instances));
  // Only types where EBS optimization is optional bill it (src/aws/data/ebs-optimized.json); on the others it is included.
  if (spec.ebsOptimized !== undefined && spec.ebsOptimized !== 'off' && ebsOptimizationOptional(type)) {
    const on = spec.ebsOptimized === 'on';
    out.push(
      p.component(`EBS-optimized ${type}`, 'hours', on ? instances * HOURS_PER_MONTH : null, ebsOptimizedKey(type), {
        note: on
          ? 'an hourly fee per instance: EBS optimization is optional on this type'
          : 'whether EBS optimization is on is not known (known only after apply, or sensitive)',
      }),
    );
  }
  if (spec.publicIpv4 === 'unknown')
    out.push(publicIpv4Component(p, null, 'whether the instances get a public IPv4 address is known only after apply'));
  if (spec.monitoring !== 'off') {
    const metrics = spec.monitoring === 'on' ? DETAILED_MONITORING_METRICS * instances : null;
    out.push(
      p.component(
        `CloudWatch detailed monitoring (${DETAILED_MONITORING_METRICS} metrics per instance)`,
        'metric-months',
        metrics,
        'cloudwatch/metric-month',
        {
          note:
            spec.monitoring === 'on'
              ? `${DETAILED_MONITORING_METRICS} per instance is the usual figure; the free tier's 10 metrics per account are not subtracted`
              : 'whether detailed monitoring is on is known only after apply',
        },
      ),
    );
  }
  return out;
}

/** EBS baselines included in the gp3 price (IOPS, MB/s) and the io2 IOPS tier boundaries. */
const GP3_FREE_IOPS = 3000;
const GP3_FREE_THROUGHPUT = 125;
const IO2_TIERS = [32000, 64000];

export function volumeComponents(p: Pricer, v: Volume, instances: number): CostComponent[] {
  const out = [p.component(`EBS ${v.label} (${v.type}, ${v.sizeGiB} GB)`, 'GB-months', v.sizeGiB * instances, `ebs/${v.type}/gb-month`)];
  const iops = v.iops ?? 0;
  if (v.type === 'io1' && iops > 0)
    out.push(p.component(`EBS ${v.label} provisioned IOPS`, 'IOPS-months', iops * instances, 'ebs/io1/iops-month'));
  if (v.type === 'io2' && iops > 0) {
    const [t1, t2] = IO2_TIERS as [number, number];
    out.push(
      p.component(`EBS ${v.label} provisioned IOPS (up to ${t1})`, 'IOPS-months', Math.min(iops, t1) * instances, 'ebs/io2/iops-month'),
    );
    if (iops > t1)
      out.push(
        p.component(
          `EBS ${v.label} provisioned IOPS (${t1}–${t2})`,
          'IOPS-months',
          (Math.min(iops, t2) - t1) * instances,
          'ebs/io2/iops-month-tier2',
        ),
      );
    if (iops > t2)
      out.push(
        p.component(`EBS ${v.label} provisioned IOPS (above ${t2})`, 'IOPS-months', (iops - t2) * instances, 'ebs/io2/iops-month-tier3'),
      );
  }
  if (v.type === 'gp3' && iops > GP3_FREE_IOPS) {
    out.push(
      p.component(`EBS ${v.label} IOPS above ${GP3_FREE_IOPS}`, 'IOPS-months', (iops - GP3_FREE_IOPS) * instances, 'ebs/gp3/iops-month'),
    );
  }
  if (v.type === 'gp3' && (v.throughput ?? 0) > GP3_FREE_THROUGHPUT) {
    out.push(
      p.component(
        `EBS ${v.label} throughput above ${GP3_FREE_THROUGHPUT} MB/s`,
        'MB/s-months',
        (v.throughput! - GP3_FREE_THROUGHPUT) * instances,
        'ebs/gp3/throughput-month',
      ),
    );
  }
  return out;
}

/** Volumes priced, with notes on those the plan cannot size or type (the AMI's). */
export type Volumes = { state: 'known'; volumes: Volume[]; notes: string[] } | { state: 'unknown'; why: string };

/** A launch template or launch configuration, as the instances it launches cost. */
export interface Template {
  address: string;
  instanceType: { state: 'known'; value: string } | { state: 'unknown' | 'absent' | 'sensitive' };
  volumes: Volumes;
  tenancy: Tenancy | 'host' | 'unknown';
  monitoring: FleetSpec['monitoring'];
  spot: boolean;
  publicIpv4: PublicIpv4;
  ebsOptimized: EbsOptimized;
  /** The launch template targets a Capacity Block (`instance_market_options.market_type = "capacity-block"`). */
  capacityBlock: boolean;
  notes: string[];
}

/** Reads a linked `aws_launch_template` or `aws_launch_configuration`. */
export function readTemplate(t: Resource): Template {
  const lt = t.type === 'aws_launch_template';
  const c = t.current;
  const notes: string[] = [];
  const tenancy = tenancyOf(lt ? c.str(['placement', 0, 'tenancy']) : c.str('placement_tenancy'));
  const mon = lt ? c.bool(['monitoring', 0, 'enabled']) : c.bool('enable_monitoring');
  const monitoring = mon.state === 'known' ? (mon.value ? 'on' : 'off') : mon.state === 'unknown' ? 'unknown' : 'off';
  // A launch template writes it as "true"/"false"/"" (not set), a launch configuration as a bool.
  const ebsOpt = c.str('ebs_optimized');
  // A sensitive value is not shown, nor the fee that would give it away: it reads as not known.
  const ebsOptimized: EbsOptimized =
    ebsOpt.state === 'unknown' || ebsOpt.sensitive ? 'unknown' : ebsOpt.state === 'known' && ebsOpt.value === 'true' ? 'on' : 'off';
  const market = lt ? c.str(['instance_market_options', 0, 'market_type']) : c.str('spot_price');
  const spot = market.state === 'known' && (lt ? market.value === 'spot' : market.value !== '');
  const capacityBlock = lt && market.state === 'known' && market.value === 'capacity-block';
  const type = c.str('instance_type');
  return {
    address: t.address,
    // A sensitive type: its name would be in the report, and its price gives it away: not priced.
    instanceType: type.sensitive
      ? { state: 'sensitive' }
      : type.state === 'known' && type.value !== ''
        ? { state: 'known', value: type.value }
        : { state: type.state === 'unknown' ? 'unknown' : 'absent' },
    volumes: lt ? launchTemplateVolumes(t) : launchConfigurationVolumes(t),
    tenancy,
    monitoring,
    spot,
    publicIpv4: lt ? launchTemplatePublicIpv4(c) : publicIpv4Of(c.bool('associate_public_ip_address')),
    ebsOptimized,
    capacityBlock,
    notes,
  };
}

/** `true`/`false` as written; not set: the subnet decides (`map_public_ip_on_launch`). */
function publicIpv4Of(r: Reading<boolean>): PublicIpv4 {
  if (r.state === 'unknown') return 'unknown';
  if (r.state !== 'known') return 'subnet';
  return r.value ? 'on' : 'off';
}

/**
 * A launch template's network interfaces: whether one of them (AWS takes it on the primary one
 * only) associates a public address; none set: the subnet decides.
 */
function launchTemplatePublicIpv4(c: Attributes): PublicIpv4 {
  const l = c.list('network_interfaces');
  if (l.state === 'unknown') return 'unknown';
  const n = l.state === 'known' ? l.value.length : 0;
  const each = Array.from({ length: n }, (_, i) => publicIpv4Of(c.bool(['network_interfaces', i, 'associate_public_ip_address'])));
  if (each.includes('on')) return 'on';
  if (each.includes('unknown')) return 'unknown';
  return each.includes('off') ? 'off' : 'subnet';
}

/** The note on instances whose public IPv4 address their subnet decides. */
export function subnetDecidesNote(what: string): string {
  return `${what} does not say whether the instances get a public IPv4 address: their subnet's map_public_ip_on_launch decides (a public address is billed per hour; not priced here)`;
}

function tenancyOf(r: Reading<string>): Template['tenancy'] {
  if (r.state === 'unknown') return 'unknown';
  if (r.state !== 'known' || r.value === 'default' || r.value === '') return 'shared';
  return r.value === 'dedicated' ? 'dedicated' : r.value === 'host' ? 'host' : 'unknown';
}

/** Block devices the plan marks sensitive: their names and sizes would be in the report, so they are not priced. */
const SENSITIVE_VOLUMES = (r: Resource) => `${r.address}: its block devices are marked sensitive, so their cost is not shown`;

/** The note on an estimate whose instance type the plan marks sensitive. */
export const SENSITIVE_INSTANCE_TYPE =
  'the instance type is marked sensitive: its name and its price would give it away, so the cost is not shown';

/** EBS volumes of a launch template's `block_device_mappings`. */
export function launchTemplateVolumes(lt: Resource): Volumes {
  const l = lt.current.list('block_device_mappings');
  if (l.state === 'unknown') return { state: 'unknown', why: `${lt.address}: block_device_mappings are known only after apply` };
  if (lt.current.hasSensitive('block_device_mappings')) return { state: 'unknown', why: SENSITIVE_VOLUMES(lt) };
  const out: Volume[] = [];
  const notes: string[] = [];
  const n = l.state === 'known' ? l.value.length : 0;
  for (let i = 0; i < n; i++) {
    const m = lt.current.at(['block_device_mappings', i]);
    const ebs = m.list('ebs');
    if (ebs.state === 'unknown')
      return { state: 'unknown', why: `${lt.address}: block_device_mappings[${i}].ebs is known only after apply` };
    if (ebs.state !== 'known' || ebs.value.length === 0) continue;
    const dev = m.str('device_name');
    const v = readVolume(
      lt.address,
      m.at(['ebs', 0]),
      dev.state === 'known' ? dev.value : `volume ${i + 1}`,
      `block_device_mappings[${i}].ebs`,
    );
    if (v.state === 'unknown') return v;
    if (v.state === 'volume') out.push(v.volume);
    else notes.push(v.note);
  }
  if (out.length === 0 && notes.length === 0)
    notes.push(
      `${lt.address} maps no EBS block device: the instances use the AMI's root volume, whose size and type are not in the plan (not priced)`,
    );
  return { state: 'known', volumes: out, notes };
}

/** EBS volumes of a launch configuration: `root_block_device` (else the AMI's root volume) and `ebs_block_device`. */
export function launchConfigurationVolumes(lc: Resource): Volumes {
  if (lc.current.hasSensitive('root_block_device') || lc.current.hasSensitive('ebs_block_device'))
    return { state: 'unknown', why: SENSITIVE_VOLUMES(lc) };
  const out: Volume[] = [];
  const notes: string[] = [];
  for (const attr of ['root_block_device', 'ebs_block_device']) {
    const l = lc.current.list(attr);
    if (l.state === 'unknown') return { state: 'unknown', why: `${lc.address}: ${attr} is known only after apply` };
    const n = l.state === 'known' ? l.value.length : 0;
    if (attr === 'root_block_device' && n === 0)
      notes.push(
        `${lc.address} sets no root_block_device: the instances use the AMI's root volume, whose size and type are not in the plan (not priced)`,
      );
    for (let i = 0; i < n; i++) {
      const v = lc.current.at([attr, i]);
      const dev = v.str('device_name');
      const label = attr === 'root_block_device' ? 'root volume' : dev.state === 'known' ? dev.value : `volume ${i + 1}`;
      const r = readVolume(lc.address, v, label, `${attr}[${i}]`);
      if (r.state === 'unknown') return r;
      if (r.state === 'volume') out.push(r.volume);
      else notes.push(r.note);
    }
  }
  return { state: 'known', volumes: out, notes };
}

type VolumeReading = { state: 'volume'; volume: Volume } | { state: 'not-priced'; note: string } | { state: 'unknown'; why: string };

/** One EBS volume: size and type as written or as AWS's default; the AMI's or snapshot's when the plan cannot tell. */
function readVolume(address: string, v: Attributes, label: string, where: string): VolumeReading {
  const unknown = (attr: string): VolumeReading => ({ state: 'unknown', why: `${address}: ${where}.${attr} is known only after apply` });
  const size = v.num('volume_size');
  if (size.state === 'unknown') return unknown('volume_size');
  const type = v.str('volume_type');
  if (type.state === 'unknown') return unknown('volume_type');
  if (size.state !== 'known' || size.value === 0) {
    return {
      state: 'not-priced',
      note: `${address}: ${label} sets no size, so it takes its snapshot's (the AMI's): not in the plan, not priced`,
    };
  }
  if (type.state !== 'known' || type.value === '') {
    return {
      state: 'not-priced',
      note: `${address}: ${label} (${size.value} GB) sets no type, so it keeps its snapshot's (the AMI's): not in the plan, not priced`,
    };
  }
  const iops = v.num('iops');
  if (iops.state === 'unknown') return unknown('iops');
  const tp = v.num('throughput');
  if (tp.state === 'unknown') return unknown('throughput');
  return {
    state: 'volume',
    volume: {
      type: type.value,
      sizeGiB: size.value,
      ...(iops.state === 'known' ? { iops: iops.value } : {}),
      ...(tp.state === 'known' ? { throughput: tp.value } : {}),
      label,
    },
  };
}

/**
 * Instances in a Capacity Block for ML: the reservation is paid up front when it is purchased
 * (not in the plan), so the instances are not priced at on-demand rates.
 */
export function capacityBlockUnpriced(where: string): { item: string; reason: string } {
  return {
    item: 'Instances (Capacity Block)',
    reason: `${where} runs the instances in an EC2 Capacity Block, a reservation paid up front when it is purchased (not part of this plan); they are not priced at on-demand rates`,
  };
}
