import type { PlanReport, Report } from '../report/schema.js';

/** Totals across plans. A null (unknown) figure in any plan makes that total unknown. */
export function totalCost(plans: readonly PlanReport[]): Report['cost'] {
  const costs = plans.map((p) => p.cost).filter((c): c is NonNullable<typeof c> => c !== null);
  if (costs.length === 0) return null;
  const sum = (k: 'monthlyBefore' | 'monthlyAfter' | 'monthlyDelta' | 'min' | 'max') =>
    costs.some((c) => c[k] === null) ? null : costs.reduce((a, c) => a + (c[k] as number), 0);
  return {
    currency: 'USD',
    monthlyBefore: sum('monthlyBefore'),
    monthlyAfter: sum('monthlyAfter'),
    monthlyDelta: sum('monthlyDelta'),
    min: sum('min'),
    max: sum('max'),
    snapshotDate: costs
      .map((c) => c.snapshotDate)
      .sort()
      .at(-1)!,
    ...(costs.some((c) => c.partial) ? { partial: true } : {}),
    ...unique(
      'priceOrigins',
      costs.flatMap((c) => c.priceOrigins ?? []),
    ),
    ...unique(
      'priceNotes',
      costs.flatMap((c) => c.priceNotes ?? []),
    ),
  };
}

function unique<K extends string>(key: K, list: string[]): { [k in K]?: string[] } {
  return (list.length > 0 ? { [key]: [...new Set(list)].sort() } : {}) as { [k in K]?: string[] };
}
