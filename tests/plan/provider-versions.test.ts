import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/checks/registry.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel } from '../../src/plan/model.js';
import { check } from '../checks/helpers.js';
import { estimate, resource, service, taskDef } from '../cost/helpers.js';
import { buildPlan, constant, ref, type PlanSpec, type ResSpec } from '../helpers/plan.js';

/*
 * The same resources as AWS provider v5 and v6 write them, where the two differ
 * (src/aws/data/provider-defaults.json schema {v5, v6}; v6 adds `region` to every resource).
 * Fargate Linux/x86 per vCPU-hour in the snapshot: us-east-1 $0.04048, eu-central-1 $0.04656,
 * ap-northeast-1 $0.05056.
 */
const td = taskDef();
const svc = service();
const fargate = (extra: Partial<ResSpec> = {}): ResSpec[] => [
  { address: 'aws_ecs_task_definition.api', after: td, unknown: { arn: true } },
  { address: 'aws_ecs_service.api', after: svc, unknown: { id: true }, ...extra },
];
const changeOf = (plan: Record<string, unknown>, address: string) =>
  (plan.resource_changes as { address: string; change: { before: any; after: any; after_unknown: any } }[]).find(
    (c) => c.address === address,
  )!.change;
const vcpuPrice = (resources: ResSpec[], spec: PlanSpec) =>
  resource(estimate(resources, { spec }), 'aws_ecs_service.api').components.find((k) => k.unit === 'vCPU-hours')?.unitPrice;
const model = (resources: ResSpec[], spec: PlanSpec) =>
  buildModel(validatePlan('t.json', JSON.parse(JSON.stringify(buildPlan(resources, spec)))));

describe('provider v5 and v6 plans of the same configuration', () => {
  it('v6 writes the provider region into after (create) and before (update); v5 has no region key', () => {
    const v6 = buildPlan(fargate(), { provider: 'v6', region: 'eu-central-1' });
    expect(changeOf(v6, 'aws_ecs_service.api').after.region).toBe('eu-central-1');
    expect(changeOf(v6, 'aws_ecs_service.api').after_unknown.region).toBeUndefined();
    const update = buildPlan([{ address: 'aws_ecs_cluster.c', actions: ['update'], before: { name: 'c' }, after: { name: 'c' } }], {
      provider: 'v6',
      region: 'eu-central-1',
    });
    expect(changeOf(update, 'aws_ecs_cluster.c').before.region).toBe('eu-central-1');
    const v5 = buildPlan(fargate(), { provider: 'v5', region: 'eu-central-1' });
    expect('region' in changeOf(v5, 'aws_ecs_service.api').after).toBe(false);
  });

  it('region not written: read and priced in the provider region in either version', () => {
    for (const provider of ['v5', 'v6'] as const) {
      const spec: PlanSpec = { provider, region: 'eu-central-1' };
      expect(model(fargate(), spec).resources.map((r) => [r.region, r.regionSource])).toEqual([
        ['eu-central-1', 'provider'],
        ['eu-central-1', 'provider'],
      ]);
      expect(vcpuPrice(fargate(), spec)).toBe(0.04656);
    }
  });

  it('v6: a region the resource writes decides where it is read and priced, and the model says it came from the resource', () => {
    const own: ResSpec[] = [
      { address: 'aws_ecs_task_definition.api', after: { ...td, region: 'ap-northeast-1' }, unknown: { arn: true } },
      { address: 'aws_ecs_service.api', after: { ...svc, region: 'ap-northeast-1' }, unknown: { id: true } },
    ];
    const spec: PlanSpec = { provider: 'v6', region: 'us-east-1' };
    expect(model(own, spec).resources.map((r) => [r.region, r.regionSource])).toEqual([
      ['ap-northeast-1', 'resource'],
      ['ap-northeast-1', 'resource'],
    ]);
    expect(vcpuPrice(own, spec)).toBe(0.05056);
    // The same resources with no region of their own are priced where the provider is.
    expect(vcpuPrice(fargate(), spec)).toBe(0.04048);
  });

  it('v6: a region written from a value known only after apply stays unknown (not the provider region), so the cost is unknown', () => {
    const later = fargate({
      after: svc,
      expressions: {
        ...Object.fromEntries(Object.entries(svc).flatMap(([k, v]) => (v === null || Array.isArray(v) ? [] : [[k, constant(v)]]))),
        region: ref('aws_s3_bucket.logs.bucket_region', 'aws_s3_bucket.logs'),
      },
      unknown: { id: true, region: true },
    });
    const plan = buildPlan(later, { provider: 'v6', region: 'us-east-1' });
    expect(changeOf(plan, 'aws_ecs_service.api').after.region).toBeUndefined();
    const r = resource(estimate(later, { spec: { provider: 'v6', region: 'us-east-1' } }), 'aws_ecs_service.api');
    expect(r.monthlyAfter).toBeNull();
    expect(r.notes?.join(' ')).toMatch(/region is known only after apply/);
  });

  it('a v5 plan cannot carry a resource region', () => {
    expect(() =>
      buildPlan([{ address: 'aws_ecs_cluster.c', after: { name: 'c', region: 'eu-west-1' } }], { provider: 'v5', region: 'us-east-1' }),
    ).toThrow(/region is an argument of provider v6/);
  });
});

describe('capacity providers: auto_scaling_group_provider is required in v5, optional in v6', () => {
  const managed = {
    name: 'mi',
    auto_scaling_group_provider: [],
    managed_instances_provider: [{ infrastructure_role_arn: 'arn:aws:iam::111122223333:role/ecs-infra' }],
  };

  it('v5 refuses a capacity provider without one; v6 builds it', () => {
    expect(() => buildPlan([{ address: 'aws_ecs_capacity_provider.mi', after: managed }], { provider: 'v5' })).toThrow(
      /provider v5 requires auto_scaling_group_provider/,
    );
    expect(() => buildPlan([{ address: 'aws_ecs_capacity_provider.mi', after: managed }], { provider: 'v6' })).not.toThrow();
  });

  it('v6: a managed-instances capacity provider (no Auto Scaling group) draws no finding about a group it does not have', () => {
    const findings = check([...RULES], [{ address: 'aws_ecs_capacity_provider.mi', after: managed, unknown: { arn: true, id: true } }], {
      spec: { provider: 'v6' },
    });
    expect(findings.filter((f) => f.address === 'aws_ecs_capacity_provider.mi')).toEqual([]);
  });

  it('v5: managed termination protection read from the Auto Scaling group provider as before', () => {
    const findings = check(
      RULES.filter((r) => r.id === 'ECS_CP_TERMINATION_PROTECTION'),
      [
        {
          address: 'aws_autoscaling_group.g',
          after: { name: 'g', min_size: 0, max_size: 2, protect_from_scale_in: false },
          unknown: { arn: true },
        },
        {
          address: 'aws_ecs_capacity_provider.cp',
          after: {
            name: 'cp',
            auto_scaling_group_provider: [{ auto_scaling_group_arn: null, managed_termination_protection: 'ENABLED' }],
          },
          expressions: {
            name: constant('cp'),
            auto_scaling_group_provider: [
              {
                auto_scaling_group_arn: ref('aws_autoscaling_group.g.arn', 'aws_autoscaling_group.g'),
                managed_termination_protection: constant('ENABLED'),
              },
            ],
          },
          unknown: { arn: true, id: true, auto_scaling_group_provider: [{ auto_scaling_group_arn: true }] },
        },
      ],
      { spec: { provider: 'v5' } },
    );
    expect(findings.map((f) => [f.rule, f.address])).toEqual([['ECS_CP_TERMINATION_PROTECTION', 'aws_ecs_capacity_provider.cp']]);
  });
});

describe('task definitions: inference_accelerator is v5 only', () => {
  const accel = { ...td, inference_accelerator: [{ device_name: 'device_1', device_type: 'eia2.medium' }] };
  it('v5 builds it; v6 refuses it (removed from the v6 schema)', () => {
    expect(() => buildPlan([{ address: 'aws_ecs_task_definition.api', after: accel }], { provider: 'v5' })).not.toThrow();
    expect(() => buildPlan([{ address: 'aws_ecs_task_definition.api', after: accel }], { provider: 'v6' })).toThrow(
      /inference_accelerator is not in provider v6/,
    );
  });
});
