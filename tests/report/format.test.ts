import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, decimal, usd } from '../../src/report/format.js';
import { FUZZ } from '../fuzz/arbitraries.js';

/** The formats the reports use: dollars, unit prices, quantities, whole dollars, counts. */
const FORMATS = [
  [2, 2],
  [2, 8],
  [0, 2],
  [0, 0],
  [0, 3],
] as const;
const intl = (min: number, max: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });

describe('decimal: the Intl en-US number format, written out', () => {
  it('rounds the shortest decimal form half up, as Intl does (not the binary value, as toFixed does)', () => {
    expect(decimal(1.005, 2, 2)).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(decimal(2.675, 2, 2)).toBe('2.68');
    expect(decimal(999999.995, 2, 2)).toBe('1,000,000.00');
    expect(decimal(0.999, 0, 2)).toBe('1');
    expect(decimal(1460, 0, 2)).toBe('1,460');
    expect(decimal(0.00511175, 2, 8)).toBe('0.00511175');
    expect(usd(-1234.5)).toBe('−$1,234.50');
    expect(count(65536)).toBe('65,536');
  });

  it('matches Intl.NumberFormat on edge values, including those it hands to Intl', () => {
    const values = [0, -0, 0.005, 0.0049, 1e-6, 9.99e-7, 1e21, 1e21 - 65536, 123456789.125, -1.5, -0.001, Infinity, -Infinity, NaN];
    for (const [min, max] of FORMATS)
      for (const v of values) expect(decimal(v, min, max), `${v} ${min}-${max}`).toBe(intl(min, max).format(v));
  });

  it('matches Intl.NumberFormat on any number', () => {
    const formats = FORMATS.map(([min, max]) => ({ min, max, f: intl(min, max) }));
    const amounts = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: 0, max: 1e7, noNaN: true }),
      // Three decimals, so that half-way cases come up.
      fc.integer({ min: 0, max: 2 ** 40 }).map((n) => n / 1000),
      fc.integer({ min: 0, max: 1e9 }).map((n) => n / 1e8),
    );
    fc.assert(
      fc.property(amounts, (v) => {
        for (const { min, max, f } of formats) expect(decimal(v, min, max)).toBe(f.format(v));
      }),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 2000) },
    );
  });
});
