import { HOURS_PER_MONTH, type Pricer } from './component.js';
import defaults from './data/defaults.json' with { type: 'json' };
import type { Resource } from '../plan/model.js';
import type { CostComponent } from '../report/schema.js';

/**
 * EC2 instances and their EBS volumes, shared by the node group and Auto Scaling group
 * estimators: instance-hours at the on-demand Linux price of the type (or an estimated Spot
 * discount), and per-volume GB-months, provisioned IOPS and throughput.
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

export function instanceComponent(p: Pricer, type: string, instances: number, market: Market, os: 'linux' | 'windows' = 'linux'): CostComponent {
  const key = os === 'windows' ? `ec2-windows/${type}/hour` : `ec2/${type}/hour`;
  const what = `${type}${os === 'windows' ? ' Windows' : ''}`;
  return market.spot
    ? p.component(`Instances ${what} (Spot)`, 'hours', instances * HOURS_PER_MONTH, key, {
        factor: 1 - market.discountPercent / 100,
        note: `estimate: ${market.discountPercent}% off the on-demand price`,
      })
    : p.component(`Instances ${what} (on-demand)`, 'hours', instances * HOURS_PER_MONTH, key);
}

/** Instances of one type with their volumes, all month. */
export function fleetComponents(p: Pricer, type: string, volumes: readonly Volume[], instances: number, market: Market, os: 'linux' | 'windows' = 'linux'): CostComponent[] {
  return [instanceComponent(p, type, instances, market, os), ...volumes.flatMap((v) => volumeComponents(p, v, instances))];
}

/** EBS baselines included in the gp3 price (IOPS, MB/s) and the io2 IOPS tier boundaries. */
const GP3_FREE_IOPS = 3000;
const GP3_FREE_THROUGHPUT = 125;
const IO2_TIERS = [32000, 64000];

export function volumeComponents(p: Pricer, v: Volume, instances: number): CostComponent[] {
  const out = [p.component(`EBS ${v.label} (${v.type}, ${v.sizeGiB} GB)`, 'GB-months', v.sizeGiB * instances, `ebs/${v.type}/gb-month`)];
  const iops = v.iops ?? 0;
  if (v.type === 'io1' && iops > 0) out.push(p.component(`EBS ${v.label} provisioned IOPS`, 'IOPS-months', iops * instances, 'ebs/io1/iops-month'));
  if (v.type === 'io2' && iops > 0) {
    const [t1, t2] = IO2_TIERS as [number, number];
    out.push(p.component(`EBS ${v.label} provisioned IOPS (up to ${t1})`, 'IOPS-months', Math.min(iops, t1) * instances, 'ebs/io2/iops-month'));
    if (iops > t1) out.push(p.component(`EBS ${v.label} provisioned IOPS (${t1}–${t2})`, 'IOPS-months', (Math.min(iops, t2) - t1) * instances, 'ebs/io2/iops-month-tier2'));
    if (iops > t2) out.push(p.component(`EBS ${v.label} provisioned IOPS (above ${t2})`, 'IOPS-months', (iops - t2) * instances, 'ebs/io2/iops-month-tier3'));
  }
  if (v.type === 'gp3' && iops > GP3_FREE_IOPS) {
    out.push(p.component(`EBS ${v.label} IOPS above ${GP3_FREE_IOPS}`, 'IOPS-months', (iops - GP3_FREE_IOPS) * instances, 'ebs/gp3/iops-month'));
  }
  if (v.type === 'gp3' && (v.throughput ?? 0) > GP3_FREE_THROUGHPUT) {
    out.push(p.component(`EBS ${v.label} throughput above ${GP3_FREE_THROUGHPUT} MB/s`, 'MB/s-months', (v.throughput! - GP3_FREE_THROUGHPUT) * instances, 'ebs/gp3/throughput-month'));
  }
  return out;
}

/** EC2's volume type when a block device mapping sets none. */
export const DEFAULT_VOLUME_TYPE = defaults.ebs.volumeType;

/** What AWS applies when the plan leaves a setting out (data/defaults.json). */
export const DEFAULTS = defaults;

export type Volumes = { state: 'known'; volumes: Volume[] } | { state: 'unknown'; why: string };

/** Block devices the plan marks sensitive: their names and sizes would be in the report, so they are not priced. */
const SENSITIVE_VOLUMES = (r: Resource) => `${r.address}: its block devices are marked sensitive, so their cost is not shown`;

/** The note on an estimate whose instance type the plan marks sensitive. */
export const SENSITIVE_INSTANCE_TYPE = 'the instance type is marked sensitive: its name and its price would give it away, so the cost is not shown';

/** EBS volumes of a launch template's `block_device_mappings`. */
export function launchTemplateVolumes(lt: Resource): Volumes {
  if (lt.current.hasUnknown('block_device_mappings')) return { state: 'unknown', why: `${lt.address}: block_device_mappings are known only after apply` };
  if (lt.current.hasSensitive('block_device_mappings')) return { state: 'unknown', why: SENSITIVE_VOLUMES(lt) };
  const l = lt.current.list('block_device_mappings');
  const out: Volume[] = [];
  const n = l.state === 'known' ? l.value.length : 0;
  for (let i = 0; i < n; i++) {
    const ebs = lt.current.at(['block_device_mappings', i, 'ebs', 0]);
    const size = ebs.num('volume_size');
    if (size.state !== 'known') continue;
    const dev = lt.current.str(['block_device_mappings', i, 'device_name']);
    out.push(volumeOf(ebs, size.value, dev.state === 'known' ? dev.value : `volume ${i + 1}`));
  }
  return { state: 'known', volumes: out };
}

/** EBS volumes of a launch configuration: `root_block_device` and `ebs_block_device`. */
export function launchConfigurationVolumes(lc: Resource): Volumes {
  if (lc.current.hasUnknown('root_block_device') || lc.current.hasUnknown('ebs_block_device')) {
    return { state: 'unknown', why: `${lc.address}: its block devices are known only after apply` };
  }
  if (lc.current.hasSensitive('root_block_device') || lc.current.hasSensitive('ebs_block_device')) return { state: 'unknown', why: SENSITIVE_VOLUMES(lc) };
  const out: Volume[] = [];
  for (const attr of ['root_block_device', 'ebs_block_device']) {
    const l = lc.current.list(attr);
    const n = l.state === 'known' ? l.value.length : 0;
    for (let i = 0; i < n; i++) {
      const v = lc.current.at([attr, i]);
      const size = v.num('volume_size');
      if (size.state !== 'known' || size.value === 0) continue;
      const dev = v.str('device_name');
      out.push(volumeOf(v, size.value, attr === 'root_block_device' ? 'root volume' : dev.state === 'known' ? dev.value : `volume ${i + 1}`));
    }
  }
  return { state: 'known', volumes: out };
}

function volumeOf(v: Resource['current'], size: number, label: string): Volume {
  const type = v.str('volume_type');
  const iops = v.num('iops');
  const tp = v.num('throughput');
  return {
    type: type.state === 'known' && type.value !== '' ? type.value : DEFAULT_VOLUME_TYPE,
    sizeGiB: size,
    ...(iops.state === 'known' ? { iops: iops.value } : {}),
    ...(tp.state === 'known' ? { throughput: tp.value } : {}),
    label,
  };
}

/** The instance type set on a launch template or launch configuration. */
export function templateInstanceType(t: Resource): { state: 'known'; value: string } | { state: 'unknown' | 'absent' | 'sensitive' } {
  const l = t.current.str('instance_type');
  // Its name would be in the report, and its price gives it away: not priced.
  if (l.sensitive) return { state: 'sensitive' };
  if (l.state === 'known' && l.value !== '') return { state: 'known', value: l.value };
  return { state: l.state === 'unknown' ? 'unknown' : 'absent' };
}
