import type { AnalysisContext } from '../../../engine/context.js';
import { fargateTaskRules } from '../../../aws/facts-fargate.js';
import { placementIsFargate, runnersOf, servicePlacement, taskDefinitionOnFargate } from '../../../plan/ecs.js';
import type { Resource } from '../../../plan/model.js';
import { parseContainers, platformOf, type Container, type OsFamily, type Size } from '../../../plan/taskdef.js';
import { formatPath, type PathStep } from '../../../plan/values.js';
import { literal, show } from '../../show.js';
import type { RuleResult } from '../../types.js';

/** Helpers shared by the Fargate task definition rules. */

export const onFargate = (td: Resource, ctx: AnalysisContext): boolean => taskDefinitionOnFargate(td, ctx.graph);

/** The task's operating system when known (LINUX when `runtime_platform` is absent). */
export function osOf(td: Resource): OsFamily | undefined {
  const os = platformOf(td.current).os;
  return os.state === 'known' ? os.value : undefined;
}

/** The containers of a task definition whose `container_definitions` is known and valid JSON. */
export interface TaskContainers {
  list: Container[];
  /** container_definitions is sensitive: nothing read from it may be printed. */
  sensitive: boolean;
}

export function containersOf(td: Resource): TaskContainers | undefined {
  const c = parseContainers(td.current);
  return c.state === 'known' ? { list: c.containers, sensitive: c.sensitive } : undefined;
}

/** A value read from container_definitions, rendered for a message ("(sensitive)" when it is). */
export function showIn(tc: TaskContainers, v: unknown): string {
  return show(
    v === undefined || v === null ? { state: 'absent', sensitive: tc.sensitive } : { state: 'known', value: v, sensitive: tc.sensitive },
  );
}

/** `container "web"`, or `container_definitions[1]` when the name is absent or sensitive. */
export function containerLabel(tc: TaskContainers, i: number): string {
  const name = tc.list[i]?.name;
  return !tc.sensitive && name ? `container ${literal(name)}` : `container_definitions[${i}]`;
}

export const containerPath = (i: number, ...rest: PathStep[]): string => formatPath(['container_definitions', i, ...rest]);

/** A container attribute by a dotted path split into its steps (`linuxParameters.maxSwap`: `['linuxParameters', 'maxSwap']`). */
export function containerValue(c: Container, steps: readonly string[]): unknown {
  let v: unknown = c;
  for (const k of steps) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Set to something that takes effect: not null/false/empty string, not an empty list or object. */
export function isSet(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** `cpu 1024`, `cpu "1 vCPU" (1024)`, `memory 2048 MiB`, `memory "2 GB" (2048 MiB)`, `cpu (sensitive)`. */
export function showSize(td: Resource, attr: 'cpu' | 'memory', size: Size & { state: 'known' }): string {
  const raw = td.current.get(attr);
  const unit = attr === 'memory' ? ' MiB' : '';
  if (size.sensitive || raw.sensitive) return `${attr} (sensitive)`;
  if (raw.state === 'known' && String(raw.value).trim() !== String(size.value))
    return `${attr} ${literal(raw.value)} (${size.value}${unit})`;
  return `${attr} ${size.value}${unit}`;
}

/** "a, b or c" (or "a, b and c"). */
export function orList(items: readonly (string | number)[], word: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.map(String).join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** `1.3.0` < `1.4.0`; undefined when either is not a dotted version number. */
export function versionBelow(v: string, min: string): boolean | undefined {
  const parse = (s: string) => (/^\d+(\.\d+)*$/.test(s.trim()) ? s.trim().split('.').map(Number) : undefined);
  const a = parse(v);
  const b = parse(min);
  if (!a || !b) return undefined;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

/**
 * A Linux feature that needs Fargate platform 1.4.0 or later: one error on each service or task set
 * that runs the task definition on Fargate and pins an older `platform_version` (LATEST and unset
 * are fine).
 */
export function linuxPlatformTooOld(td: Resource, ctx: AnalysisContext, feature: string): RuleResult[] {
  if (osOf(td) !== 'LINUX') return [];
  const min = fargateTaskRules.linuxPlatform.minimumVersion;
  const out: RuleResult[] = [];
  for (const s of runnersOf(td, ctx.graph)) {
    if (placementIsFargate(servicePlacement(s, ctx.graph)) !== true) continue;
    const pv = s.current.str('platform_version');
    if (pv.state !== 'known' || versionBelow(pv.value, min) !== true) continue;
    out.push({
      resource: s,
      path: 'platform_version',
      message: `platform_version ${show(pv)} is older than ${min}, but ${td.address} uses ${feature}, which needs Fargate platform ${min} or later; set platform_version to "${min}" or "LATEST"`,
    });
  }
  return out;
}
