import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Values, type PathStep, type Scratch } from '../../src/plan/values.js';
import { FUZZ } from './arbitraries.js';

/**
 * `Values.lookInto` is `Values.get` written into a reused object (the attribute reading's hot
 * path): the same state, value and sensitivity for any value, masks and path.
 */
describe('Values.lookInto', () => {
  const keys = ['a', 'b', 'c'];
  const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.constantFrom('', 'x', '0'));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 3 }),
    ),
  }));
  /** Masks as Terraform writes them (true, false, absent, or the value's shape), and odd ones. */
  const { mask } = fc.letrec((tie) => ({
    mask: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(true, false, null, undefined, 'true', 1),
      fc.array(tie('mask'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...keys), tie('mask'), { maxKeys: 3 }),
    ),
  }));
  const path = fc.array(fc.oneof(fc.constantFrom<PathStep>(...keys, '0', 'length'), fc.nat(3)), { maxLength: 4 });

  it('reads what get reads', () => {
    const out: Scratch = { state: 'absent', value: 'left over', sensitive: true };
    fc.assert(
      fc.property(value, mask, mask, path, (v, u, s, p) => {
        const values = new Values(v, u, s);
        const want = values.get(p);
        const got = values.lookInto(p, out);
        expect(got).toBe(out);
        expect({ state: got.state, sensitive: got.sensitive }).toEqual({ state: want.state, sensitive: want.sensitive });
        expect(got.value).toBe(want.state === 'known' ? want.value : undefined);
      }),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 2000) },
    );
  });
});
