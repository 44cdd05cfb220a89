import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plain } from '../../src/report/escape.js';
import { decimal, usd } from '../../src/report/format.js';
import { FUZZ } from './arbitraries.js';

/**
 * The report's number formatting and plain text take shortcuts for the common case: each must
 * give exactly what the general way gives (the en-US formatter; the three replacements).
 */
const RUNS = { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 2000) };

/** Numbers as reports hold them: any double, prices and quantities with a few decimals, halves at the rounding digit. */
const figure = fc.oneof(
  fc.double(),
  fc.double({ min: 0, max: 1e16, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.tuple(fc.integer({ min: 0, max: 2 ** 52 }), fc.integer({ min: 0, max: 12 })).map(([m, k]) => m / 10 ** k),
  fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 9 })).map(([m, k]) => Number(`${m}.${'9'.repeat(k)}5`)),
  fc.tuple(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 9 })).map(([m, k]) => Number(`${m}.${'0'.repeat(k)}5`)),
  fc.constantFrom(0, -0, 1e-7, 5e-7, 0.005, 1.005, 2.675, 9.995, 0.995, 999999.995, 1e15 - 0.5, 1e15, 1e21, Infinity, -Infinity, NaN),
);

describe('decimal', () => {
  it.each([
    [2, 2],
    [2, 8],
    [0, 2],
    [0, 0],
    [0, 3],
  ])('gives what the en-US formatter gives (%i to %i fraction digits)', (min, max) => {
    const f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    fc.assert(
      fc.property(figure, (n) => {
        expect(decimal(n, min, max)).toBe(f.format(n));
      }),
      RUNS,
    );
  });

  it('rounds half away from zero on the shortest form, and carries into the whole part', () => {
    expect(decimal(1.005, 2, 2)).toBe('1.01');
    expect(decimal(999999.995, 2, 2)).toBe('1,000,000.00');
    expect(usd(-1234.5)).toBe('−$1,234.50');
  });
});

/** `plain` as the three replacements, always. */
function plainByReplacing(s: string, max = 500): string {
  let t = s
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ');
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  return t;
}

describe('plain', () => {
  it('gives what the replacements give, with or without characters to remove', () => {
    const special = fc.constantFrom(
      ...'\x1b[31m\x1b\t\r\n\r\n\u0000\u0008\u000b\u001f\u007f\u0084\u0085\u0086\u009f\u061c\u200b\u200f\u2028\u2029\u202a\u202e\u2060\u2069\ufeff'.split(
        '',
      ),
      '\x1b[0m',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: fc.oneof(fc.constantFrom(...'ab .:-_'.split('')), special), maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 50 }), (s, max) => {
        expect(plain(s, max)).toBe(plainByReplacing(s, max));
        expect(plain(s)).toBe(plainByReplacing(s));
      }),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 300) },
    );
  });
});
