import { HOURS_PER_MONTH, type CostEnv, type Pricer } from './component.js';
import { instanceComponent, type Market } from './ec2.js';
import { ecsInstanceOffer, type InstanceOffer } from '../aws/facts-placement.js';
import { instanceTypes } from '../aws/facts.js';
import type { Resource } from '../plan/model.js';
import type { Path } from '../plan/values.js';
import type { CostComponent } from '../report/schema.js';

/**
 * ECS Managed Instances (`aws_ecs_capacity_provider.managed_instances_provider`): ECS launches
 * EC2 instances that meet the provider's instance requirements and bills, per instance, the EC2
 * price (on-demand or Spot, `capacity_option_type`) plus a management fee per instance type
 * (AmazonECS offer, key `ecs-managed-instances/<type>/hour`). Which types ECS picks, and how many
 * tasks it packs on each, depends on usage: this module finds the cheapest and the priciest type
 * the requirements allow that fits one task, which give the bounds of the estimate.
 */

const LAUNCH_TEMPLATE = ['managed_instances_provider', 0, 'instance_launch_template', 0] as const;
const REQUIREMENTS = [...LAUNCH_TEMPLATE, 'instance_requirements', 0] as const;

/** What the provider allows, as read from the plan. */
export interface ManagedInstancesSpec {
  market: 'ON_DEMAND' | 'SPOT';
  /** The data volume of each instance (storage_size_gib), when set. */
  storageGiB?: number;
  /** Instance types that pass the requirements and fit one task, with their on-demand price per hour. */
  candidates: { type: string; usd: number }[];
  /** Allowed types that fit one task but have no EC2 price in the snapshot for the region. */
  unpricedTypes: string[];
  /** The requirements set an upper bound (a vCPU or memory maximum, or a list of allowed types). */
  bounded: boolean;
  /** Requirements this estimate cannot apply (no data for them), for the notes. */
  notApplied: string[];
}

export type SpecResult = ManagedInstancesSpec | { why: string };

/** `m6i.*`, `m6*.*`, `c7g.large`: the wildcard patterns of allowed_instance_types / excluded_instance_types. */
function matcher(patterns: string[]): (type: string) => boolean {
  const res = patterns.map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
  return (type) => res.some((re) => re.test(type));
}

/**
 * The CPU manufacturer of a type, from its name: Graviton (arm64) is `amazon-web-services`; an x86
 * family whose attribute letters start with `a` (m6a, c5ad, hpc7a) is `amd`; the others are `intel`.
 */
export function cpuManufacturer(type: string, arch: string | undefined): string {
  if (arch === 'arm64') return 'amazon-web-services';
  const family = type.split('.')[0] ?? '';
  const m = /^[a-z]+\d+([a-z-]*)$/.exec(family);
  return m && m[1]!.startsWith('a') ? 'amd' : 'intel';
}

/** Burstable types: the t families (t2, t3, t3a, t4g). */
const burstable = (type: string): boolean => /^t\d/.test(type);

/** Reads the provider's requirements and finds the instance types that can run one task of the given size. */
export function managedInstancesSpec(
  cp: Resource,
  env: CostEnv,
  region: string,
  task: { cpu: number; memoryMiB: number; arch: 'x86_64' | 'arm64' },
): SpecResult {
  const v = cp.current;
  const at = (...p: (string | number)[]): Path => [...REQUIREMENTS, ...p];
  const market = v.str([...LAUNCH_TEMPLATE, 'capacity_option_type']);
  if (market.state === 'unknown') return { why: `capacity_option_type of ${cp.address} is known only after apply` };
  const spot = market.state === 'known' && market.value === 'SPOT';
  const storage = v.num([...LAUNCH_TEMPLATE, 'storage_configuration', 0, 'storage_size_gib']);

  const reqs = v.list([...REQUIREMENTS.slice(0, -1)]);
  if (reqs.state === 'unknown' || v.hasUnknown([...REQUIREMENTS.slice(0, -1)]))
    return { why: `the instance requirements of ${cp.address} are known only after apply` };
  const strings = (p: Path): string[] | undefined => {
    const l = v.list(p);
    return l.state === 'known' && l.value.length > 0 ? l.value.filter((x): x is string => typeof x === 'string') : undefined;
  };
  const num = (p: Path): number | undefined => {
    const n = v.num(p);
    return n.state === 'known' ? n.value : undefined;
  };
  const vcpuMin = num(at('vcpu_count', 0, 'min'));
  const vcpuMax = num(at('vcpu_count', 0, 'max'));
  const memMin = num(at('memory_mib', 0, 'min'));
  const memMax = num(at('memory_mib', 0, 'max'));
  const allowed = strings(at('allowed_instance_types'));
  const excluded = strings(at('excluded_instance_types'));
  const makers = strings(at('cpu_manufacturers'));
  const generations = strings(at('instance_generations'));
  const bareMetal = v.str(at('bare_metal'));
  const burst = v.str(at('burstable_performance'));
  const accMax = num(at('accelerator_count', 0, 'max'));
  const accMin = num(at('accelerator_count', 0, 'min'));

  const isAllowed = allowed ? matcher(allowed) : () => true;
  const isExcluded = excluded ? matcher(excluded) : () => false;
  // Not set, EC2 attribute-based selection excludes bare metal and burstable types (provider facts).
  const metal = bareMetal.state === 'known' ? bareMetal.value : 'excluded';
  const burstMode = burst.state === 'known' ? burst.value : 'excluded';
  const notApplied: string[] = [];
  if (generations && !(generations.includes('current') && generations.includes('previous')))
    notApplied.push('instance_generations (the instance data does not record generations)');
  if (reqs.state === 'absent' || reqs.value.length === 0) notApplied.push('no instance_requirements: ECS chooses general-purpose types');

  const fits = (o: InstanceOffer) => o.arch === task.arch && o.cpu >= task.cpu && o.memoryMiB > task.memoryMiB;
  const candidates: { type: string; usd: number }[] = [];
  const unpricedTypes: string[] = [];
  for (const [type, info] of Object.entries(instanceTypes.types)) {
    if (info.status === 'unlisted' || info.macOS) continue;
    const o = ecsInstanceOffer(type);
    if (!o || !fits(o) || !isAllowed(type) || isExcluded(type)) continue;
    const vcpu = o.cpu / 1024;
    if ((vcpuMin !== undefined && vcpu < vcpuMin) || (vcpuMax !== undefined && vcpu > vcpuMax)) continue;
    if ((memMin !== undefined && o.memoryMiB < memMin) || (memMax !== undefined && o.memoryMiB > memMax)) continue;
    if (makers && !makers.includes(cpuManufacturer(type, o.arch))) continue;
    if ((metal === 'excluded' && info.bareMetal) || (metal === 'required' && !info.bareMetal)) continue;
    if ((burstMode === 'excluded' && burstable(type)) || (burstMode === 'required' && !burstable(type))) continue;
    const acc = o.gpus + o.neuronDevices;
    if ((accMax !== undefined && acc > accMax) || (accMin !== undefined && acc < accMin)) continue;
    // The snapshot's price, read without recording a lookup: only the chosen types are priced (and looked up live).
    const usd = env.prices.snapshot.prices(region)?.[`ec2/${type}/hour`]?.usd;
    if (usd === undefined) unpricedTypes.push(type);
    else candidates.push({ type, usd });
  }
  candidates.sort((a, b) => a.usd - b.usd || a.type.localeCompare(b.type));
  return {
    market: spot ? 'SPOT' : 'ON_DEMAND',
    ...(storage.state === 'known' && storage.value > 0 ? { storageGiB: storage.value } : {}),
    candidates,
    unpricedTypes,
    bounded: vcpuMax !== undefined || memMax !== undefined || allowed !== undefined,
    notApplied,
  };
}

/** `instances` instances of one type all month: EC2 (on-demand or Spot) and the Managed Instances management fee. */
export function managedInstanceComponents(p: Pricer, type: string, instances: number, market: Market): CostComponent[] {
  return [
    instanceComponent(p, type, instances, market),
    p.component(
      `ECS Managed Instances management fee (${type})`,
      'hours',
      instances * HOURS_PER_MONTH,
      `ecs-managed-instances/${type}/hour`,
      { note: 'per instance-hour, on top of the EC2 price' },
    ),
  ];
}
