import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitsChangeHeader, fitsResourceChange } from '../../src/plan/load.js';
import { ResourceChangeHeaderSchema, ResourceChangeSchema } from '../../src/plan/schema.js';
import { FUZZ } from './arbitraries.js';

/**
 * The loader checks each change by hand first and calls the schema only when that check does
 * not pass: the hand check must never pass what the schema rejects.
 */
const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string(), fc.boolean(), fc.constant(null)), { maxKeys: 2 }),
);
/** A field: usually well-formed, sometimes anything at all, sometimes missing. */
const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 2, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant(undefined) });
const step = fc.oneof(fc.string({ maxLength: 5 }), fc.nat(5));
const change = fc.record(
  {
    actions: field(fc.array(fc.constantFrom('create', 'update', 'delete', 'no-op', 'read'), { maxLength: 2 })),
    before: anyValue,
    after: anyValue,
    replace_paths: field(fc.oneof(fc.constant(null), fc.array(fc.array(step, { maxLength: 3 }), { maxLength: 2 }))),
    importing: field(
      fc.oneof(fc.constant(null), fc.record({ id: field(fc.string()), unknown: field(fc.boolean()) }, { requiredKeys: [] })),
    ),
  },
  { requiredKeys: [] },
);
const resourceChange = fc.record(
  {
    address: field(fc.string()),
    previous_address: field(fc.string()),
    module_address: field(fc.string()),
    mode: field(fc.constantFrom('managed', 'data')),
    type: field(fc.constantFrom('aws_ecs_service', 'aws_s3_bucket')),
    name: field(fc.string()),
    index: field(fc.oneof(fc.constant(null), fc.nat(), fc.string())),
    provider_name: field(fc.string()),
    deposed: field(fc.string()),
    action_reason: field(fc.string()),
    change: fc.oneof({ weight: 8, arbitrary: change }, { weight: 1, arbitrary: anyValue }),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const item = fc.oneof({ weight: 12, arbitrary: resourceChange }, { weight: 1, arbitrary: anyValue });

describe('the hand checks of a resource change', () => {
  it('pass only what the schemas pass, and pass well-formed changes', () => {
    let passed = 0;
    fc.assert(
      fc.property(item, (x) => {
        // Through JSON, as a plan's change is read (no undefined members, no NaN).
        const v = x === undefined ? null : JSON.parse(JSON.stringify(x));
        if (fitsResourceChange(v)) {
          passed++;
          expect(ResourceChangeSchema.safeParse(v).success).toBe(true);
        }
        if (fitsChangeHeader(v)) expect(ResourceChangeHeaderSchema.safeParse(v).success).toBe(true);
        // Also as any value in memory (undefined members, NaN).
        if (fitsResourceChange(x)) expect(ResourceChangeSchema.safeParse(x).success).toBe(true);
        if (fitsChangeHeader(x)) expect(ResourceChangeHeaderSchema.safeParse(x).success).toBe(true);
      }),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 500) },
    );
    expect(passed).toBeGreaterThan(0);
    const good = {
      address: 'aws_ecs_service.s["a"]',
      mode: 'managed',
      type: 'aws_ecs_service',
      name: 's',
      index: 'a',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['delete', 'create'], before: {}, after: null, replace_paths: [['name'], ['tags', 0]], importing: null },
    };
    expect(fitsResourceChange(good)).toBe(true);
    expect(fitsChangeHeader(good)).toBe(true);
  });
});
