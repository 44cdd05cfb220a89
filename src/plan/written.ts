import { expressionAt } from './config.js';
import type { Resource } from './model.js';
import { parsePath, type Path } from './values.js';

/**
 * Whether a resource's configuration writes an attribute. The plan cannot tell a value the user
 * set from one the provider computes: at create, an attribute left out of the configuration is
 * shown as unknown (AWS will apply its default), and on later plans state holds what AWS
 * returned. The `configuration` block tells them apart.
 */
export type ConfigSetting = 'set' | 'unset' | 'no-config';

export function configSetting(r: Resource, path: Path | string): ConfigSetting {
  if (!r.config) return 'no-config';
  const e = expressionAt(r.config, typeof path === 'string' ? parsePath(path) : path);
  if (e === undefined || e === null) return 'unset';
  if (Array.isArray(e) && e.length === 0) return 'unset';
  if (typeof e === 'object' && !Array.isArray(e) && 'constant_value' in e) {
    const v = (e as { constant_value: unknown }).constant_value;
    if (v === null || (Array.isArray(v) && v.length === 0)) return 'unset';
  }
  return 'set';
}

/**
 * The value at `path` is unknown only because the provider computes it: the configuration leaves
 * it unset, so AWS applies its default. Such a value may be read as that default; an unknown
 * value the configuration does set stays unknown.
 */
export function computedDefault(r: Resource, path: Path | string): boolean {
  return r.current.get(path).state === 'unknown' && configSetting(r, path) === 'unset';
}
