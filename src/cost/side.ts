import { ResourceGraph, type Edge, type EdgeKind } from '../plan/graph.js';
import type { Resource } from '../plan/model.js';
import type { Path } from '../plan/values.js';

/**
 * One side of the plan, before or after, seen through the shared model: each resource is
 * presented with that side's values as `current`, and the graph links resources of the same
 * side. The helpers shared with the checks (placement, task sizes, platform) read `current`, so
 * they work unchanged on the before side of an update or a delete.
 */
export class PlanSide {
  readonly graph: ResourceGraph;
  private readonly views = new Map<Resource, Resource>();
  private readonly originals = new WeakMap<Resource, Resource>();

  constructor(
    readonly base: ResourceGraph,
    readonly side: 'before' | 'after',
  ) {
    this.graph = new SideGraph(this);
  }

  /** The resource as it is on this side (its `current` is `before` or `after`). */
  of(r: Resource): Resource {
    const orig = this.originals.get(r) ?? r;
    // Most resources already read as this side (a create or an update seen after, an unchanged
    // one seen before): they are their own view, and no copy is made.
    const values = orig[this.side];
    // The before side of a resource that moves to another region is read in its old region.
    const moved = this.side === 'before' && orig.beforeRegion !== undefined;
    if (orig.current === values && (this.side === 'after' || orig.after === values) && !moved) return orig;
    let v = this.views.get(orig);
    if (!v) {
      v = { ...orig, current: values, after: this.side === 'before' ? orig.before : orig.after };
      if (moved) v = { ...v, region: orig.beforeRegion!, regionKnown: true };
      this.views.set(orig, v);
      this.originals.set(v, orig);
    }
    return v;
  }

  original(r: Resource): Resource {
    return this.originals.get(r) ?? r;
  }

  /** Does the resource exist on this side? */
  exists(r: Resource): boolean {
    return !this.original(r)[this.side].isNull;
  }
}

class SideGraph extends ResourceGraph {
  constructor(private readonly plan: PlanSide) {
    super();
  }

  override out(r: Resource, kind: EdgeKind, path?: Path): Resource[] {
    return this.plan.base
      .out(this.plan.original(r), kind, path)
      .filter((x) => this.plan.exists(x))
      .map((x) => this.plan.of(x));
  }

  override one(r: Resource, kind: EdgeKind): Resource | undefined {
    const l = this.out(r, kind);
    return l.length === 1 ? l[0] : undefined;
  }

  override in(r: Resource, kind: EdgeKind, fromType?: string): Resource[] {
    return this.plan.base
      .in(this.plan.original(r), kind, fromType)
      .filter((x) => this.plan.exists(x))
      .map((x) => this.plan.of(x));
  }

  override edgesFrom(r: Resource): Edge[] {
    return this.plan.base
      .edgesFrom(this.plan.original(r))
      .filter((e) => this.plan.exists(e.to))
      .map((e) => ({ ...e, from: this.plan.of(e.from), to: this.plan.of(e.to) }));
  }
}
