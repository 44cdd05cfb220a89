import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Attributes } from '../../src/plan/read.js';
import type { ConfigResource } from '../../src/plan/schema.js';
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

/**
 * `Attributes.knownValue` is the value of `Attributes.get` when it reads as known, found without
 * making the reading: the same for any values, masks, configuration and path, including the
 * attributes whose AWS defaults and not-sent-when-zero facts apply.
 */
describe('Attributes.knownValue', () => {
  const type = 'aws_ecs_task_definition';
  const keys = ['network_mode', 'requires_compatibilities', 'cpu', 'memory', 'runtime_platform', 'operating_system_family', 'family', 'x'];
  const leaf = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1, max: 2 }),
    fc.constantFrom('', 'awsvpc', '0', 'LINUX', 'FARGATE'),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 4 }),
    ),
  }));
  const { mask } = fc.letrec((tie) => ({
    mask: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(true, false, undefined),
      fc.array(tie('mask'), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom(...keys), tie('mask'), { maxKeys: 4 }),
    ),
  }));
  /** Expressions as Terraform writes them: constants, references, nested blocks, or nothing. */
  const { expr } = fc.letrec((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom({ constant_value: 'awsvpc' }, { constant_value: null }, { constant_value: [] }, { references: ['var.x'] }),
      fc.array(fc.dictionary(fc.constantFrom(...keys), tie('expr'), { maxKeys: 3 }), { maxLength: 2 }),
    ),
  }));
  const config = fc.option(fc.dictionary(fc.constantFrom(...keys), expr, { maxKeys: 4 }), { nil: undefined });
  const path = fc.array(fc.oneof(fc.constantFrom<PathStep>(...keys), fc.nat(2)), { minLength: 1, maxLength: 3 });

  it('is the known value get reads, or undefined', () => {
    fc.assert(
      fc.property(value, mask, mask, config, fc.constantFrom('before' as const, 'after' as const), path, (v, u, s, cfg, side, p) => {
        const resourceConfig =
          cfg === undefined ? undefined : ({ address: `${type}.a`, mode: 'managed', type, name: 'a', expressions: cfg } as ConfigResource);
        const attrs = new Attributes(new Values(v, u, s), type, resourceConfig, undefined, '', side);
        const want = attrs.get(p);
        expect(attrs.knownValue(p)).toBe(want.state === 'known' ? want.value : undefined);
      }),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 2000) },
    );
  });
});
