import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factFor, providerDefaults } from '../../src/plan/provider-facts.js';
import type { PathStep } from '../../src/plan/values.js';
import { FUZZ } from './arbitraries.js';

/** The fact of a path as its key names it: the steps joined by dots, every list index a `*`. */
function factByKey(type: string, path: readonly PathStep[]) {
  const facts = providerDefaults.types[type];
  if (!facts) return undefined;
  let key = '';
  for (const s of path) key += key ? (typeof s === 'number' ? '.*' : `.${s}`) : typeof s === 'number' ? '*' : s;
  return facts[key];
}

describe('factFor', () => {
  const types = Object.keys(providerDefaults.types);
  const parts = [...new Set(types.flatMap((t) => Object.keys(providerDefaults.types[t]!).flatMap((k) => k.split('.'))))];
  const step: fc.Arbitrary<PathStep> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...parts.filter((p) => p !== '*')) },
    { weight: 3, arbitrary: fc.nat(3) },
    { weight: 1, arbitrary: fc.constantFrom('', '*', 'a.b', 'constructor', '__proto__', 'toString', 'hasOwnProperty') },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  );
  /** Paths to recorded facts (indexes in place of `*`), then changed a little. */
  const recorded = fc
    .tuple(fc.constantFrom(...types), fc.nat(1000))
    .map(([type, i]) => {
      const keys = Object.keys(providerDefaults.types[type]!);
      const path = keys[i % keys.length]!.split('.').map((p, j) => (p === '*' ? j : p));
      return [type, path] as [string, PathStep[]];
    })
    .chain(([type, path]) =>
      fc.tuple(
        fc.constant(type),
        fc.oneof(
          fc.constant(path),
          fc.tuple(fc.nat(path.length), step).map(([j, s]) => path.with(j % path.length, s)),
        ),
      ),
    );

  it('finds what the key of the path names, for any path', () => {
    fc.assert(
      fc.property(
        fc.oneof(recorded, fc.tuple(fc.constantFrom(...types, 'aws_unknown_type'), fc.array(step, { maxLength: 5 }))),
        ([type, path]) => {
          expect(factFor(type, path)).toBe(factByKey(type, path));
          for (let n = 0; n <= path.length; n++) expect(factFor(type, path, n)).toBe(factByKey(type, path.slice(0, n)));
        },
      ),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 2000) },
    );
  });

  it('finds recorded facts (the property above is not only about misses)', () => {
    const type = types.find((t) => Object.keys(providerDefaults.types[t]!).some((k) => k.includes('*')))!;
    const key = Object.keys(providerDefaults.types[type]!).find((k) => k.includes('*'))!;
    const path = key.split('.').map((p) => (p === '*' ? 0 : p));
    expect(factFor(type, path)).toBeDefined();
    expect(factFor(type, path)).toBe(providerDefaults.types[type]![key]);
  });
});
