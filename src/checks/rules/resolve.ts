/**
 * Finding plan resources by value, for rules; links between resources are edges of the
 * resource graph (src/plan/graph.ts).
 */
import type { AnalysisContext } from '../../engine/context.js';
import { referencedInstances } from '../../plan/graph.js';
import type { Resource } from '../../plan/model.js';
import type { Path } from '../../plan/values.js';

/** The plan creates this resource now (a create, or the create half of a replace). */
export const isNew = (r: Resource) => r.action === 'create' || r.action === 'replace';

/** A known string attribute, else undefined. */
export function knownStr(r: Resource, path: Path | string): string | undefined {
  const l = r.current.str(path);
  return l.state === 'known' ? l.value : undefined;
}

/** Managed, not deleted plan resources of a type. */
export function live(ctx: AnalysisContext, type: string): Resource[] {
  return (ctx.model.byType.get(type) ?? []).filter(
    (r) => r.mode === 'managed' && !r.deposed && r.action !== 'delete' && r.action !== 'forget',
  );
}

/** Plan resources of `type` whose known `attrs` equal `value`. */
export function byValue(ctx: AnalysisContext, type: string, attrs: readonly string[], value: string): Resource[] {
  return live(ctx, type).filter((r) => attrs.some((a) => knownStr(r, a) === value));
}

/**
 * Plan resources of `types` that the expression at `path` of `from` refers to (see
 * referencedInstances in the resource graph, which reads the configuration).
 */
export function referenced(ctx: AnalysisContext, from: Resource, path: Path, types: readonly string[]): Resource[] {
  return referencedInstances(ctx.model, from, path, types);
}
