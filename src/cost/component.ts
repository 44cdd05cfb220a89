import type { CostSettings } from './settings-schema.js';
import type { PriceBook } from './prices.js';
import type { ResourceGraph } from '../plan/graph.js';
import type { PlanModel, Resource } from '../plan/model.js';
import type { CostComponent, Unpriced } from '../report/schema.js';
import type { Attributes } from '../plan/read.js';
import type { Path } from '../plan/values.js';

/** What is shown in place of a figure derived from a value the plan marks sensitive. */
export const SENSITIVE_TEXT = '(sensitive)';

export { HOURS_PER_MONTH } from '../aws/price-terms.js';

/** What an estimator gets: one side (before or after) of the plan, with prices for the resource's region. */
export interface CostEnv {
  side: 'before' | 'after';
  model: PlanModel;
  /** The graph of this side: linked resources carry this side's values in `current`. */
  graph: ResourceGraph;
  asOf: string;
  settings: CostSettings;
  prices: PriceBook;
  spotDiscountPercent: number;
  /** Where the prices used came from ("AWS Price List API, <date>", "snapshot <date>", "price file"), filled as components are priced. */
  priceOrigins?: Set<string>;
}

/** One side's estimate of one resource. `monthly`, `min`, `max` are null when unknown. */
export interface SideEstimate {
  description?: string;
  components: CostComponent[];
  monthly: number | null;
  min: number | null;
  max: number | null;
  unpriced: Unpriced[];
  notes: string[];
  advice: string[];
  usageBased?: boolean;
}

/**
 * The estimator of one priced type. `reads` declares what it reads besides the resource it
 * prices, as `Rule.reads` does (src/checks/types.ts): set it next to the estimator
 * (`estimateX.reads = ['aws_ecs_task_definition']`); tests/checks/reads.test.ts fails without it.
 */
export type Estimator = ((r: Resource, env: CostEnv) => SideEstimate) & { reads?: readonly string[] };

/**
 * Counts at the point figure and at the scaling bounds; null when unknown or not a whole number
 * of 0 or more. `sensitive`: one of them is marked sensitive by the plan, so no count, quantity
 * or bound derived from them is shown. `problems`: why a count read from the plan is not priced.
 */
export interface Counts {
  point: number | null;
  min: number | null;
  max: number | null;
  sensitive?: boolean;
  problems?: string[];
}

/**
 * A count read from the plan (desired_count, desired_size, min_size …): the number when it is a
 * whole number of 0 or more (at most 2^53 − 1). A negative, fractional, infinite (`1e309`) or non-number count is
 * never priced: it gives null (unknown) and a line in `into.problems` (without the value, which
 * may be sensitive). Not set gives null too.
 */
export function readCount(
  values: Attributes,
  path: Path | string,
  name: string,
  into: { sensitive?: boolean; problems?: string[] },
): number | null {
  const l = values.num(path);
  if (l.sensitive) into.sensitive = true;
  if (l.state === 'known' && Number.isSafeInteger(l.value) && l.value >= 0) return l.value;
  // `num` reads an infinite or non-number value as absent: the raw value tells it was set.
  if (l.state === 'known' || (l.state === 'absent' && values.get(path).state === 'known')) {
    (into.problems ??= []).push(`${name} is not a whole number of 0 or more, so it is not priced and the cost is unknown`);
  }
  return null;
}

/** The note on an estimate whose dollar figures are computed from values the plan marks sensitive. */
export function sensitiveNote(what: string): string {
  return `the figures are computed from ${what}, which the plan marks sensitive: the counts, sizes and quantities are not shown`;
}

/**
 * Builds priced components for one resource in one region. A missing price becomes an entry in
 * `unpriced` (with the reason and the fix) and a component with a null price: never $0, never
 * another region's price.
 */
export class Pricer {
  readonly unpriced: Unpriced[] = [];

  constructor(
    readonly env: CostEnv,
    readonly region: string,
  ) {}

  /** The unit price for a key, or undefined (recorded as unpriced under `item`). */
  price(key: string, item: string): { usd: number; source: string } | undefined {
    const p = this.env.prices.get(this.region, key);
    if (p) this.env.priceOrigins?.add(p.origin);
    else {
      const reason = this.env.prices.missingReason(this.region, key);
      if (!this.unpriced.some((u) => u.reason === reason)) {
        this.unpriced.push({
          item,
          reason,
          fix: this.env.prices.missingFix(this.region, key),
        });
      }
    }
    return p;
  }

  /**
   * A component: `quantity` units a month at the price of `key`, times `factor` (a Spot
   * discount). A null quantity (unknown count) keeps the unit price and leaves the monthly unknown.
   */
  component(
    name: string,
    unit: string,
    quantity: number | null,
    key: string,
    opts: { factor?: number; note?: string; sensitive?: boolean } = {},
  ): CostComponent {
    const p = this.price(key, name);
    const unitPrice = p ? p.usd * (opts.factor ?? 1) : null;
    return costComponent(
      name,
      unit,
      // A quantity derived from a sensitive value is never in the report, only its dollar figure.
      opts.sensitive || (quantity !== null && !Number.isFinite(quantity)) ? null : quantity,
      opts.sensitive ? true : undefined,
      unitPrice,
      unitPrice === null || quantity === null || !Number.isFinite(unitPrice * quantity) ? null : unitPrice * quantity,
      p ? p.source : undefined,
      opts.note ? opts.note : undefined,
    );
  }
}

/**
 * A component with every field in the schema's order, the optional ones undefined when not set
 * (the reports leave them out, as if absent). All components then share one object shape, so the
 * renderers that read thousands of them stay on one fast path.
 */
function costComponent(
  name: string,
  unit: string,
  quantity: number | null,
  quantitySensitive: true | undefined,
  unitPrice: number | null,
  monthly: number | null,
  priceSource: string | undefined,
  note: string | undefined,
): CostComponent {
  return { name, unit, quantity, quantitySensitive, unitPrice, monthly, priceSource, note };
}

/** Sum of monthly figures; null when any is unknown or the sum is not a finite number. */
export function sumMonthly(components: readonly CostComponent[]): number | null {
  let total = 0;
  for (const c of components) {
    if (c.monthly === null) return null;
    total += c.monthly;
  }
  return Number.isFinite(total) ? total : null;
}

/**
 * A resource whose cost scales with a count (tasks, instances): components at the point count,
 * and totals at the point and at both scaling bounds. `at(n)` prices n units. An unknown point
 * count keeps unit prices (from one unit) with unknown quantities; the range is still computed
 * when its bounds are known.
 */
export function scaled(counts: Counts, at: (n: number) => CostComponent[]): Pick<SideEstimate, 'components' | 'monthly' | 'min' | 'max'> {
  // The point count is priced once: its components and its total come from the same pricing.
  const atPoint = counts.point !== null ? at(counts.point) : null;
  let components: CostComponent[];
  if (atPoint === null) components = at(1).map((c) => withoutQuantity(c, counts.sensitive === true, true));
  else if (counts.sensitive) components = atPoint.map((c) => withoutQuantity(c, true, false));
  else components = atPoint;
  return {
    components,
    monthly: atPoint === null ? null : sumMonthly(atPoint),
    min: counts.min === null ? null : sumMonthly(at(counts.min)),
    max: counts.max === null ? null : sumMonthly(at(counts.max)),
  };
}

/**
 * The component with its quantity hidden: `unknown` (an unknown count: no monthly either), and/or
 * derived from a sensitive count (`sensitive`: marked so). A component not yet marked sensitive
 * gets the mark after its other fields, where the reports have always written it.
 */
function withoutQuantity(c: CostComponent, sensitive: boolean, unknown: boolean): CostComponent {
  const monthly = unknown ? null : c.monthly;
  if (!sensitive || c.quantitySensitive) return { ...c, quantity: null, monthly };
  const { name, unit, unitPrice, priceSource, note } = c;
  return { name, unit, quantity: null, unitPrice, monthly, priceSource, note, quantitySensitive: true };
}

/** An estimate with nothing priced (`partial` sets what it has). Every field is set, in the order the estimators return them. */
export function emptyEstimate(partial: Partial<SideEstimate> = {}): SideEstimate {
  return {
    description: undefined,
    components: [],
    monthly: null,
    min: null,
    max: null,
    unpriced: [],
    notes: [],
    advice: [],
    usageBased: undefined,
    ...partial,
  };
}

/** `2`, `0.5`, `1.75`: a quantity for descriptions (at most 4 decimals, no trailing zeros). */
export function qty(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** A count for descriptions: the number, "unknown" (known only after apply), or "(sensitive)". */
export function countText(n: number | null, sensitive = false): string {
  return sensitive ? SENSITIVE_TEXT : n === null ? 'unknown' : qty(n);
}
