import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plain } from '../../src/report/escape.js';
import { FUZZ } from './arbitraries.js';

/** `plain` takes a shortcut for the common case: it must give exactly what the replacements give. */

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
