import type { Resource } from '../../../plan/model.js';
import type { Lookup } from '../../../plan/values.js';

/** What identifies a scalable target, on a target or a policy: (service_namespace, resource_id, scalable_dimension). */
export interface ScalingKey {
  ns: Lookup<string>;
  id: Lookup<string>;
  dim: Lookup<string>;
}

export const KEY_ATTRS = { ns: 'service_namespace', id: 'resource_id', dim: 'scalable_dimension' } as const;

export function scalingKey(r: Resource): ScalingKey {
  return { ns: r.current.str(KEY_ATTRS.ns), id: r.current.str(KEY_ATTRS.id), dim: r.current.str(KEY_ATTRS.dim) };
}

/** The three parts when all are known. */
export function knownKey(k: ScalingKey): { ns: string; id: string; dim: string } | undefined {
  return k.ns.state === 'known' && k.id.state === 'known' && k.dim.state === 'known'
    ? { ns: k.ns.value, id: k.id.value, dim: k.dim.value }
    : undefined;
}

/** Parts that are known on both sides and differ. */
export function keyConflicts(a: ScalingKey, b: ScalingKey): (keyof ScalingKey)[] {
  return (Object.keys(KEY_ATTRS) as (keyof ScalingKey)[]).filter(
    (k) => a[k].state === 'known' && b[k].state === 'known' && (a[k] as { value: string }).value !== (b[k] as { value: string }).value,
  );
}
