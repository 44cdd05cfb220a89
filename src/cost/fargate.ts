import { HOURS_PER_MONTH, type Pricer } from './component.js';
import { fargateTaskRules } from '../aws/facts-fargate.js';
import type { StrategyItem } from '../plan/ecs.js';
import type { CostComponent } from '../report/schema.js';

/**
 * Fargate task pricing shared by the ECS service estimator and its what-if advice: vCPU-hours
 * and GB-hours at the platform's rates (Linux/x86, Linux/ARM64, Windows plus its OS licence per
 * vCPU-hour), ephemeral storage above the free 20 GB, and Fargate Spot as an estimated discount.
 */
export type FargatePlatform = 'x86' | 'arm' | 'windows';

export const PLATFORM_LABEL: Record<FargatePlatform, string> = { x86: 'Linux/x86', arm: 'Linux/ARM64', windows: 'Windows' };

export interface TaskShape {
  /** CPU units (1024 per vCPU). */
  cpu: number;
  memoryMiB: number;
  platform: FargatePlatform;
  ephemeralGiB: number;
  /** The plan marks cpu, memory or the ephemeral storage size sensitive: no quantity is shown. */
  sensitive?: boolean;
}

/** The free ephemeral storage of every Fargate task, from the Fargate facts. */
export const FREE_EPHEMERAL_GIB = fargateTaskRules.ephemeralStorageGiB.default;

/** The components' names and price keys of one platform, on demand or on Spot (built once, not per task count). */
function namesOf(kind: 'Fargate' | 'Fargate Spot', platform: FargatePlatform) {
  const label = PLATFORM_LABEL[platform];
  return {
    vcpu: `${kind} vCPU (${label})`,
    memory: `${kind} memory (${label})`,
    licence: `${kind} Windows OS licence`,
    ephemeral: `${kind} ephemeral storage above ${FREE_EPHEMERAL_GIB} GB`,
    vcpuKey: `fargate/${platform}/vcpu-hour`,
    gbKey: `fargate/${platform}/gb-hour`,
  };
}
const PLATFORMS = Object.keys(PLATFORM_LABEL) as FargatePlatform[];
const NAMES = {
  onDemand: Object.fromEntries(PLATFORMS.map((pl) => [pl, namesOf('Fargate', pl)])) as Record<FargatePlatform, ReturnType<typeof namesOf>>,
  spot: Object.fromEntries(PLATFORMS.map((pl) => [pl, namesOf('Fargate Spot', pl)])) as Record<FargatePlatform, ReturnType<typeof namesOf>>,
};

/** Components for `tasks` tasks of one shape running all month, on demand or on Spot, added to `into` (a new list by default). */
export function fargateTaskComponents(
  p: Pricer,
  shape: TaskShape,
  tasks: number,
  spot: { discountPercent: number } | undefined,
  into: CostComponent[] = [],
): CostComponent[] {
  const vcpu = shape.cpu / 1024;
  const gb = shape.memoryMiB / 1024;
  const hours = tasks * HOURS_PER_MONTH;
  const names = (spot ? NAMES.spot : NAMES.onDemand)[shape.platform];
  const sensitive = shape.sensitive ? SENSITIVE : NOT_SENSITIVE;
  const opts = spot
    ? { factor: 1 - spot.discountPercent / 100, note: `estimate: ${spot.discountPercent}% off the on-demand price`, ...sensitive }
    : sensitive;
  into.push(
    p.component(names.vcpu, 'vCPU-hours', vcpu * hours, names.vcpuKey, opts),
    p.component(names.memory, 'GB-hours', gb * hours, names.gbKey, opts),
  );
  if (shape.platform === 'windows')
    into.push(p.component(names.licence, 'vCPU-hours', vcpu * hours, 'fargate/windows/os-vcpu-hour', sensitive));
  const extra = shape.ephemeralGiB - FREE_EPHEMERAL_GIB;
  if (extra > 0) into.push(p.component(names.ephemeral, 'GB-hours', extra * hours, 'fargate/ephemeral/gb-hour', sensitive));
  return into;
}
const SENSITIVE = { sensitive: true };
const NOT_SENSITIVE = {};

/**
 * How ECS spreads `n` tasks over a capacity provider strategy: each provider's `base` first (in
 * order, while tasks remain), then the rest in proportion to `weight`. The weighted share is kept
 * fractional: it is the long-run average of ECS's placement.
 */
export function splitTasks(strategy: readonly StrategyItem[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string, v: number) => out.set(k, (out.get(k) ?? 0) + v);
  let left = n;
  for (const s of strategy) {
    const b = Math.min(s.base, left);
    add(s.capacityProvider, b);
    left -= b;
  }
  const weights = strategy.reduce((a, s) => a + s.weight, 0);
  for (const s of strategy) {
    if (weights > 0) add(s.capacityProvider, (left * s.weight) / weights);
    else add(s.capacityProvider, 0);
  }
  return out;
}
