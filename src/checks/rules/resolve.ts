/**
 * Finding the plan resources a rule's resource points to, by value or through configuration
 * references, for links the resource graph does not model (IAM roles, subnets, route tables,
 * scaling policies).
 */
import type { AnalysisContext } from '../../context.js';
import { resolveRefs } from '../../plan/graph.js';
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
  return (ctx.model.byType.get(type) ?? []).filter((r) => r.mode === 'managed' && !r.deposed && r.action !== 'delete' && r.action !== 'forget');
}

/** Plan resources of `type` whose known `attrs` equal `value`. */
export function byValue(ctx: AnalysisContext, type: string, attrs: readonly string[], value: string): Resource[] {
  return live(ctx, type).filter((r) => attrs.some((a) => knownStr(r, a) === value));
}

/**
 * Plan resources of `types` that the expression at `path` of `from` refers to. A reference
 * without an instance key that stands for several instances (`aws_subnet.private[*].id`) gives
 * every instance in the same module instance, unless `from`'s own index picks one.
 */
export function referenced(ctx: AnalysisContext, from: Resource, path: Path, types: readonly string[]): Resource[] {
  const out: Resource[] = [];
  for (const ref of ctx.model.config.references(from.moduleConfigPath, from.config, path)) {
    if (!types.includes(ref.type) || ref.mode !== 'managed') continue;
    let hits = resolveRefs(ctx.model, from, [ref], [...types]);
    if (hits.length === 0 && ref.key === undefined) {
      hits = live(ctx, ref.type).filter((r) => r.configAddress === ref.configAddress && (r.moduleConfigPath !== from.moduleConfigPath || r.moduleAddress === from.moduleAddress));
    }
    for (const h of hits) if (!out.includes(h)) out.push(h);
  }
  return out;
}
