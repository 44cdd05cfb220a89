import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitsChangeHeader, fitsPlanHeader, fitsResourceChange } from '../../src/plan/load.js';
import { planSchemas } from '../../src/plan/plan-schemas.js';
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

const { PlanHeaderSchema, ResourceChangeHeaderSchema, ResourceChangeSchema } = planSchemas();

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

const expressions = field(fc.dictionary(fc.string({ maxLength: 3 }), anyValue, { maxKeys: 2 }));
const configResource = fc.record(
  {
    address: field(fc.string()),
    mode: field(fc.constantFrom('managed', 'data')),
    type: field(fc.string({ maxLength: 5 })),
    name: field(fc.string()),
    provider_config_key: field(fc.string()),
    expressions,
  },
  { requiredKeys: [] },
);
const outputOrVariable = field(fc.record({ sensitive: field(fc.boolean()), default: anyValue }, { requiredKeys: [] }));
const { configModule } = fc.letrec((tie) => ({
  configModule: fc.record(
    {
      resources: field(fc.array(configResource, { maxLength: 2 })),
      module_calls: field(
        fc.dictionary(
          fc.string({ maxLength: 3 }),
          field(
            fc.record(
              { source: field(fc.string()), expressions, module: fc.option(tie('configModule'), { nil: undefined, depthSize: 'small' }) },
              { requiredKeys: [] },
            ),
          ),
          { maxKeys: 2 },
        ),
      ),
      outputs: field(fc.dictionary(fc.string({ maxLength: 3 }), outputOrVariable, { maxKeys: 2 })),
      variables: field(fc.dictionary(fc.string({ maxLength: 3 }), outputOrVariable, { maxKeys: 2 })),
    },
    { requiredKeys: [] },
  ),
}));
const providerConfig = fc.record(
  {
    name: field(fc.string()),
    full_name: field(fc.string()),
    alias: field(fc.string()),
    module_address: field(fc.string()),
    expressions,
  },
  { requiredKeys: [] },
);
const planHeader = fc.record(
  {
    format_version: field(fc.constantFrom('1.2', '0.1')),
    terraform_version: field(fc.string()),
    variables: field(
      fc.dictionary(fc.string({ maxLength: 3 }), field(fc.record({ value: anyValue }, { requiredKeys: [] })), { maxKeys: 2 }),
    ),
    planned_values: anyValue,
    configuration: field(
      fc.record(
        {
          provider_config: field(fc.dictionary(fc.string({ maxLength: 3 }), field(providerConfig), { maxKeys: 2 })),
          root_module: field(configModule),
        },
        { requiredKeys: [] },
      ),
    ),
    resource_drift: field(fc.array(anyValue, { maxLength: 2 })),
    errored: field(fc.boolean()),
    applyable: field(fc.boolean()),
    complete: field(fc.boolean()),
    timestamp: field(fc.string()),
    deferred_changes: anyValue,
    extra: anyValue,
  },
  { requiredKeys: [] },
);

describe('the hand check of a plan header', () => {
  it('passes only what the schema passes, and passes well-formed headers', () => {
    let passed = 0;
    fc.assert(
      fc.property(planHeader, (x) => {
        const v = JSON.parse(JSON.stringify(x)) as Record<string, unknown>;
        if (fitsPlanHeader(v)) {
          passed++;
          expect(PlanHeaderSchema.safeParse(v).success).toBe(true);
        }
        if (fitsPlanHeader(x)) expect(PlanHeaderSchema.safeParse(x).success).toBe(true);
      }),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 500) },
    );
    expect(passed).toBeGreaterThan(0);
    const good = {
      format_version: '1.2',
      terraform_version: '1.9.8',
      variables: { region: { value: 'us-east-1' } },
      configuration: {
        provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: {} } } },
        root_module: {
          resources: [{ address: 'aws_ecs_service.s', mode: 'managed', type: 'aws_ecs_service', name: 's', expressions: {} }],
          module_calls: { m: { source: './m', expressions: {}, module: { outputs: { o: { sensitive: true } }, variables: { v: {} } } } },
        },
      },
      resource_drift: [],
      errored: false,
      timestamp: '2026-11-30T00:00:00Z',
    };
    expect(fitsPlanHeader(good)).toBe(true);
    expect(fitsPlanHeader({ ...good, configuration: { root_module: { resources: [{ address: 'a', type: 't' }] } } })).toBe(false);
  });
});
