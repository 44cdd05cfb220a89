import { Interner, settle } from '../plan/compact.js';
import type { CostComponent, Finding, ResourceCost } from './schema.js';

/**
 * How the report model holds its texts, applied where findings and cost lines are collected (the
 * rule runner and the cost estimate), so that rules and estimators build plain strings.
 *
 * A text built from pieces (a template literal) is held by the engine as a tree of those pieces
 * until it is read: `settle` makes it one flat string. The cost lines of services of one size and
 * count repeat their component names, units, descriptions, notes and advice: those are shared
 * through one interner per run, so a large plan holds one copy of each.
 */
export class ReportTexts {
  private readonly shared = new Interner(400);

  /** One flat string equal to `s`, shared with the equal texts of the run. */
  text(s: string): string {
    return this.shared.intern(settle(s));
  }

  /** The finding, with its message settled (in place). */
  finding(f: Finding): Finding {
    f.message = settle(f.message);
    return f;
  }

  /** The resource's cost line, with its texts settled and shared (in place). */
  resourceCost(rc: ResourceCost): ResourceCost {
    if (rc.description !== undefined) rc.description = this.text(rc.description);
    for (const c of rc.components) this.component(c);
    if (rc.beforeComponents) for (const c of rc.beforeComponents) this.component(c);
    if (rc.notes) rc.notes = rc.notes.map((n) => this.text(n));
    if (rc.advice) rc.advice = rc.advice.map((a) => this.text(a));
    return rc;
  }

  private component(c: CostComponent): void {
    c.name = this.text(c.name);
    c.unit = this.text(c.unit);
    // The price book gives one source text per source: settling it once settles every component's.
    if (c.priceSource !== undefined) c.priceSource = settle(c.priceSource);
  }
}
