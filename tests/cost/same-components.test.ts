import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameComponents } from '../../src/cost/index.js';
import type { CostComponent } from '../../src/report/schema.js';
import { FUZZ } from '../fuzz/arbitraries.js';

/** Few values each, so that equal lists come up often; numbers with the ones JSON writes alike (-0 and 0, null and NaN). */
const num = fc.constantFrom(null, 0, -0, 1, 1.5, 730, NaN, Infinity, -Infinity);
const text = (...values: string[]) => fc.constantFrom(...values);
const optionalText = (...values: string[]) => fc.constantFrom<string | undefined>(undefined, ...values);

/** A component as the estimators build it: the sensitive mark after the quantity, or (hidden by a sensitive count) after every field. */
const component: fc.Arbitrary<CostComponent> = fc
  .record({
    name: text('Fargate vCPU (Linux/x86)', 'Fargate memory (Linux/x86)'),
    unit: text('vCPU-hours', 'GB-hours'),
    quantity: num,
    marked: fc.constantFrom('none', 'after-quantity', 'last'),
    unitPrice: num,
    monthly: num,
    priceSource: optionalText('aws-price-list', 'price file'),
    note: optionalText('estimate: 70% off the on-demand price'),
  })
  .map(({ name, unit, quantity, marked, unitPrice, monthly, priceSource, note }) => {
    if (marked === 'last') return { name, unit, quantity, unitPrice, monthly, priceSource, note, quantitySensitive: true };
    return { name, unit, quantity, quantitySensitive: marked === 'none' ? undefined : true, unitPrice, monthly, priceSource, note };
  });

describe('sameComponents: two sides compared without printing them', () => {
  it('says two lists are the same exactly when their JSON texts are', () => {
    const lists = fc.array(component, { maxLength: 3 });
    fc.assert(
      fc.property(lists, lists, (a, b) => {
        expect(sameComponents(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        // A list and a copy of it: always the same.
        expect(
          sameComponents(
            a,
            a.map((c) => ({ ...c })),
          ),
        ).toBe(true);
      }),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 3000) },
    );
  });

  it('tells a sensitive mark in another place apart, as the JSON text does', () => {
    const base = { name: 'n', unit: 'u', quantity: null, unitPrice: 1, monthly: 730 };
    const early: CostComponent = { ...base, quantitySensitive: true, priceSource: 's' };
    const late: CostComponent = { ...base, priceSource: 's', quantitySensitive: true };
    expect(sameComponents([early], [late])).toBe(false);
    expect(sameComponents([{ ...base, priceSource: 's' }], [{ ...base, priceSource: 's', note: undefined }])).toBe(true);
  });
});
