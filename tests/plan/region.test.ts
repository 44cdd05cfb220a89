import { describe, expect, it } from 'vitest';
import { EKS_VERSION_SUPPORT } from '../../src/checks/rules/eks/EKS_VERSION_SUPPORT.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel, UNKNOWN_REGION } from '../../src/plan/model.js';
import { check } from '../checks/helpers.js';
import { estimate, resource, service, taskDef } from '../cost/helpers.js';
import { buildPlan, constant, ref, writePlan, type PlanSpec, type ResSpec } from '../helpers/plan.js';
import { analyse } from '../../src/engine/analyse.js';
import { render } from '../../src/report/render.js';

/*
 * AWS provider v6 adds a top-level `region` argument to every regional resource: the resource's
 * own region if configured, else the provider configuration's. A v6 plan shows `region` in the
 * values (the provider's region, or unknown on create when the configuration leaves it unset); a
 * v5 plan has no such key.
 *
 * Fargate Linux/x86 per vCPU-hour: us-east-1 $0.04048, eu-central-1 $0.04656, eu-west-2 $0.04656.
 */
const model = (rs: ResSpec[], spec?: PlanSpec, region?: string) =>
  buildModel(validatePlan('t.json', JSON.parse(JSON.stringify(buildPlan(rs, spec)))), { region });

/** Constant expressions for every attribute of `values` but `region` (what the configuration writes). */
function written(values: Record<string, unknown>, except = ['region']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (!except.includes(k) && v !== null && !Array.isArray(v)) out[k] = constant(v);
  return out;
}

const td = taskDef();
const svc = service();
const vcpuPrice = (c: ReturnType<typeof estimate>, address = 'aws_ecs_service.api') =>
  resource(c, address).components.find((k) => k.unit === 'vCPU-hours')?.unitPrice;

describe('region of a resource (provider v5 and v6 plans)', () => {
  it('v5: no region key in the values, the provider configuration decides', () => {
    const m = model([{ address: 'aws_ecs_cluster.c', after: { name: 'c' } }], { region: 'eu-west-1' });
    expect(m.resources[0]).toMatchObject({ region: 'eu-west-1', regionSource: 'provider', regionKnown: true });
  });

  it('v6 create, region not written: the provider region shown in after, or an unknown region, both mean the provider', () => {
    const shown = model(
      [
        {
          address: 'aws_ecs_cluster.c',
          after: { name: 'c', region: 'eu-west-1' },
          expressions: { name: constant('c') },
          unknown: { arn: true, id: true },
        },
      ],
      { region: 'eu-west-1' },
    );
    expect(shown.resources[0]).toMatchObject({ region: 'eu-west-1', regionSource: 'provider', regionKnown: true });
    const unknown = model(
      [
        {
          address: 'aws_ecs_cluster.c',
          after: { name: 'c' },
          expressions: { name: constant('c') },
          unknown: { arn: true, id: true, region: true },
        },
      ],
      { region: 'eu-west-1' },
    );
    expect(unknown.resources[0]).toMatchObject({ region: 'eu-west-1', regionSource: 'provider', regionKnown: true });
  });

  it('v6, region not written and the provider configuration names none: the region the plan shows is used (no default note)', () => {
    const m = model(
      [
        {
          address: 'aws_ecs_cluster.c',
          after: { name: 'c', region: 'ap-south-1' },
          expressions: { name: constant('c') },
          unknown: { arn: true, id: true },
        },
      ],
      { region: null },
    );
    expect(m.resources[0]).toMatchObject({ region: 'ap-south-1', regionSource: 'resource' });
    expect(m.notes.join(' ')).not.toMatch(/region not found/);
  });

  it('v6, the resource writes a constant region: that region, from the resource', () => {
    const m = model([{ address: 'aws_ecs_cluster.c', after: { name: 'c', region: 'eu-central-1' }, unknown: { arn: true, id: true } }], {
      region: 'us-east-1',
    });
    expect(m.resources[0]!.resourceConfig?.expressions?.region).toEqual(constant('eu-central-1'));
    expect(m.resources[0]).toMatchObject({ region: 'eu-central-1', regionSource: 'resource', regionKnown: true });
  });

  it('v6, the resource writes var.x: resolved like the provider region, through module calls', () => {
    const m = model(
      [
        {
          address: 'aws_ecs_cluster.root',
          after: { name: 'root', region: 'eu-west-2' },
          expressions: { name: constant('root'), region: ref('var.cluster_region') },
        },
        {
          address: 'module.m.aws_ecs_cluster.child',
          after: { name: 'child', region: 'ap-northeast-1' },
          expressions: { name: constant('child'), region: ref('var.r') },
        },
      ],
      {
        region: 'us-east-1',
        variables: { cluster_region: { value: 'eu-west-2' } },
        moduleCalls: { 'module.m': { expressions: { r: constant('ap-northeast-1') } } },
      },
    );
    expect(m.resources.map((r) => [r.address, r.region, r.regionSource])).toEqual([
      ['aws_ecs_cluster.root', 'eu-west-2', 'resource'],
      ['module.m.aws_ecs_cluster.child', 'ap-northeast-1', 'resource'],
    ]);
  });

  it('v6, the resource writes its region from a value known only after apply: unknown, from the resource', () => {
    const m = model([
      {
        address: 'aws_ecs_cluster.c',
        after: { name: 'c' },
        expressions: { name: constant('c'), region: ref('aws_s3_bucket.logs.bucket_region', 'aws_s3_bucket.logs') },
        unknown: { arn: true, id: true, region: true },
      },
    ]);
    expect(m.resources[0]).toMatchObject({ region: UNKNOWN_REGION, regionSource: 'resource', regionKnown: false });
  });

  it('a delete reads before.region', () => {
    const m = model(
      [
        {
          address: 'aws_ecs_cluster.old',
          actions: ['delete'],
          before: { name: 'old', region: 'eu-west-1', arn: 'arn:aws:ecs:eu-west-1:1:cluster/old' },
        },
      ],
      { region: 'us-east-1' },
    );
    expect(m.resources[0]).toMatchObject({ action: 'delete', region: 'eu-west-1', regionSource: 'resource' });
  });
});

describe('pricing in the resource region', () => {
  it('prices a Fargate service in the region its own region argument names', () => {
    const v5 = estimate([
      { address: 'aws_ecs_task_definition.api', after: td },
      { address: 'aws_ecs_service.api', after: svc },
    ]);
    expect(vcpuPrice(v5)).toBe(0.04048);
    const v6 = estimate([
      { address: 'aws_ecs_task_definition.api', after: { ...td, region: 'eu-central-1' } },
      { address: 'aws_ecs_service.api', after: { ...svc, region: 'eu-central-1' } },
    ]);
    expect(vcpuPrice(v6)).toBe(0.04656);
  });

  it('an unknown resource region makes that resource cost unknown, with a note; the others are still priced', () => {
    const c = estimate([
      { address: 'aws_ecs_task_definition.api', after: td, expressions: written(td), unknown: { arn: true, region: true } },
      {
        address: 'aws_ecs_service.api',
        after: svc,
        expressions: { ...written(svc), region: ref('aws_s3_bucket.logs.bucket_region', 'aws_s3_bucket.logs') },
        unknown: { id: true, region: true },
      },
      {
        address: 'aws_ecs_task_definition.web',
        after: taskDef({ family: 'web' }),
        expressions: written(taskDef({ family: 'web' })),
        unknown: { arn: true, region: true },
      },
      {
        address: 'aws_ecs_service.web',
        after: { ...service({ name: 'web' }), task_definition: 'web' },
        expressions: written({ ...service({ name: 'web' }), task_definition: 'web' }),
        unknown: { id: true, region: true },
      },
    ]);
    const api = resource(c, 'aws_ecs_service.api');
    expect([api.monthlyAfter, api.monthlyDelta, api.min, api.max]).toEqual([null, null, null, null]);
    expect(api.components).toEqual([]);
    expect(api.notes?.join(' ')).toMatch(/region is known only after apply/);
    expect(resource(c, 'aws_ecs_service.web').monthlyAfter).toBeGreaterThan(0);
    expect(c.monthlyAfter).toBeNull();
  });

  it('a delete is priced in before.region; a replace that moves region prices each side in its own region', () => {
    const del = estimate(
      [
        { address: 'aws_ecs_task_definition.api', actions: ['delete'], before: { ...td, region: 'eu-central-1' } },
        { address: 'aws_ecs_service.api', actions: ['delete'], before: { ...svc, region: 'eu-central-1' } },
      ],
      { spec: { region: 'us-east-1' } },
    );
    expect(resource(del, 'aws_ecs_service.api').monthlyAfter).toBe(0);
    expect(vcpuPrice(del)).toBe(0.04656);
    // 0.5 vCPU × 2 tasks × 730 h = 730 vCPU-hours; 1 GB × 2 × 730 = 1460 GB-hours
    // eu-central-1: 730 × 0.04656 + 1460 × 0.00511 = 33.9888 + 7.4606 = 41.4494; us-east-1: 36.0401
    const moved = estimate(
      [
        {
          address: 'aws_ecs_task_definition.api',
          actions: ['delete', 'create'],
          before: { ...td, region: 'eu-central-1' },
          after: { ...td, region: 'us-east-1' },
        },
        {
          address: 'aws_ecs_service.api',
          actions: ['delete', 'create'],
          before: { ...svc, region: 'eu-central-1' },
          after: { ...svc, region: 'us-east-1' },
        },
      ],
      { spec: { region: 'us-east-1' } },
    );
    const r = resource(moved, 'aws_ecs_service.api');
    expect(r.monthlyBefore).toBeCloseTo(41.4494, 6);
    expect(r.monthlyAfter).toBeCloseTo(36.0401, 6);
  });
});

describe('a region the plan marks sensitive', () => {
  it('is neither shown nor priced (its prices would give it away)', async () => {
    const file = writePlan(
      'sensitive-region.json',
      buildPlan(
        [
          { address: 'aws_ecs_task_definition.api', after: { ...td, region: 'eu-central-1' }, sensitive: { region: true } },
          {
            address: 'aws_ecs_service.api',
            after: { ...svc, region: 'eu-central-1' },
            expressions: { ...written(svc), region: ref('var.secret_region') },
            sensitive: { region: true },
          },
        ],
        { variables: { secret_region: { value: 'eu-central-1' } }, variableDecls: { secret_region: { sensitive: true } } },
      ),
    );
    const { report } = await analyse([file], { asOf: '2026-11-22', failOn: 'never' });
    const p = report.plans[0]!;
    expect(p.resources.map((r) => [r.region, r.regionSource, r.regionUnknown])).toEqual([
      ['(sensitive)', 'resource', undefined],
      ['(sensitive)', 'resource', undefined],
    ]);
    const api = p.cost!.resources.find((r) => r.address === 'aws_ecs_service.api')!;
    expect(api).toMatchObject({
      monthlyAfter: null,
      components: [],
      notes: ['the plan marks the region sensitive, so its cost is not shown'],
    });
    for (const format of ['json', 'text', 'markdown', 'sarif'] as const) {
      const out = render(report, format);
      expect(out).not.toContain('eu-central-1');
      expect(out).not.toContain('0.04656');
    }
  });
});

describe('checks that quote a regional price', () => {
  const cluster = (region: Record<string, unknown>, unknown: Record<string, unknown> = {}): ResSpec => ({
    address: 'aws_eks_cluster.main',
    after: { name: 'main', version: '1.32', role_arn: 'arn:aws:iam::1:role/eks', vpc_config: [{ subnet_ids: ['subnet-1', 'subnet-2'] }] },
    expressions: {
      name: constant('main'),
      version: constant('1.32'),
      role_arn: constant('arn:aws:iam::1:role/eks'),
      vpc_config: [{ subnet_ids: constant(['subnet-1', 'subnet-2']) }],
      ...region,
    },
    unknown: { arn: true, id: true, ...unknown },
  });

  it('EKS_VERSION_SUPPORT gives the extended-support price of a known region, and no price for an unknown one', () => {
    const known = check(EKS_VERSION_SUPPORT, [cluster({ region: constant('eu-west-1') })]);
    expect(known[0]!.message).toContain('$0.60/hr instead of $0.10/hr');
    const unknown = check(EKS_VERSION_SUPPORT, [
      cluster({ region: ref('aws_s3_bucket.logs.bucket_region', 'aws_s3_bucket.logs') }, { region: true }),
    ]);
    expect(unknown[0]!.message).toContain("extended-support rates (the cluster's region is known only after apply)");
    expect(unknown[0]!.message).not.toContain('$');
  });
});

describe('a region from a sensitive variable', () => {
  const spec = (): PlanSpec => ({
    region: null,
    providers: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: ref('var.region') } } },
    variables: { region: { value: 'ap-southeast-2' } },
    variableDecls: { region: { sensitive: true } },
  });

  it('the provider region is (sensitive): not shown, not priced, never another region', () => {
    const m = model([{ address: 'aws_ecs_cluster.c', after: { name: 'c' } }], spec());
    expect(m.resources[0]).toMatchObject({ region: '(sensitive)', regionKnown: false });
    const r = resource(
      estimate(
        [
          { address: 'aws_ecs_task_definition.api', after: td },
          { address: 'aws_ecs_service.api', after: svc },
        ],
        { spec: spec() },
      ),
      'aws_ecs_service.api',
    );
    expect(r.monthlyAfter).toBeNull();
    expect(r.notes).toContain('the plan marks the region sensitive, so its cost is not shown');
  });

  it('the report never shows it', async () => {
    const file = writePlan(
      'sensitive-region-var.json',
      buildPlan(
        [
          { address: 'aws_ecs_task_definition.api', after: td },
          { address: 'aws_ecs_service.api', after: svc },
        ],
        spec(),
      ),
    );
    const { report } = await analyse([file], { asOf: '2026-11-22', failOn: 'error', prices: 'snapshot' });
    expect(JSON.stringify(report)).not.toContain('ap-southeast-2');
    for (const format of ['text', 'markdown'] as const) expect(render(report, format)).not.toContain('ap-southeast-2');
  });
});
