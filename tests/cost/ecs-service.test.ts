import { constants, ref } from '../helpers/plan.js';
import { describe, expect, it } from 'vitest';
import { estimate, resource, scalingTarget, service, taskDef } from './helpers.js';

/*
 * Public us-east-1 prices (AmazonECS offer): Fargate Linux/x86 $0.04048 per vCPU-hour and
 * $0.004445 per GB-hour; Linux/ARM64 $0.03238 and $0.00356; Windows $0.046552 and $0.00511175
 * plus an OS licence of $0.046 per vCPU-hour; ephemeral storage above 20 GB $0.000111 per
 * GB-hour. A month is 730 hours.
 *
 * 0.5 vCPU / 1 GB x86 task-hour: 0.5 × 0.04048 + 1 × 0.004445 = 0.024685
 * per task-month: 0.024685 × 730 = 18.02005
 */

const fargate = (svc = service(), td = taskDef(), extra: Parameters<typeof estimate>[0] = []) => [
  { address: 'aws_ecs_task_definition.api', after: td },
  { address: 'aws_ecs_service.api', after: svc },
  ...extra,
];

describe('aws_ecs_service on Fargate', () => {
  it('prices 0.5 vCPU / 1 GB x86 × 2 tasks in us-east-1, with autoscaling 2..20', () => {
    const c = estimate(
      fargate(service({ desired: 2 }), taskDef(), [{ address: 'aws_appautoscaling_target.api', after: scalingTarget(2, 20) }]),
    );
    const r = resource(c, 'aws_ecs_service.api');
    // 2 × 18.02005 = 36.0401; min 2 tasks = 36.0401; max 20 × 18.02005 = 360.401
    expect(r.monthlyBefore).toBe(0);
    expect(r.monthlyAfter).toBeCloseTo(36.0401, 9);
    expect(r.monthlyDelta).toBeCloseTo(36.0401, 9);
    expect(r.min).toBeCloseTo(36.0401, 9);
    expect(r.max).toBeCloseTo(360.401, 9);
    // vCPU: 0.5 × 2 × 730 = 730 vCPU-hours × 0.04048 = 29.5504; memory: 1 × 2 × 730 = 1460 GB-hours × 0.004445 = 6.4897
    expect(r.components.map((k) => [k.name, k.unit, k.quantity, k.unitPrice])).toEqual([
      ['Fargate vCPU (Linux/x86)', 'vCPU-hours', 730, 0.04048],
      ['Fargate memory (Linux/x86)', 'GB-hours', 1460, 0.004445],
    ]);
    expect(r.components[0]!.monthly).toBeCloseTo(29.5504, 9);
    expect(r.components[1]!.monthly).toBeCloseTo(6.4897, 9);
    expect(r.description).toBe('Fargate Linux/x86, 0.5 vCPU / 1 GB × 2');
    expect(c.monthlyAfter).toBeCloseTo(36.0401, 9);
    expect(c.min).toBeCloseTo(36.0401, 9);
    expect(c.max).toBeCloseTo(360.401, 9);
    expect(c.snapshotDate).toBe('2026-11-22');
  });

  it('gives what-if advice for an x86 Linux service: ARM64 and Fargate Spot above a base of 1', () => {
    const r = resource(estimate(fargate()), 'aws_ecs_service.api');
    // ARM64: (0.5 × 0.03238 + 1 × 0.00356) × 730 × 2 = 0.01975 × 1460 = 28.835 (−7.2051)
    // Spot above a base of 1: 18.02005 + 18.02005 × 0.3 = 23.426065 (−12.614035)
    expect(r.advice).toEqual([
      'on ARM64 (Graviton): $28.84/month (−$7.21)',
      'with FARGATE_SPOT for tasks above a base of 1: about $23.43/month (−$12.61; estimate at a 70% Spot discount)',
    ]);
  });

  it('prices the same service on ARM64', () => {
    const c = estimate(
      fargate(service(), taskDef({ runtime: { cpu_architecture: 'ARM64', operating_system_family: 'LINUX' } }), [
        { address: 'aws_appautoscaling_target.api', after: scalingTarget(2, 20) },
      ]),
    );
    const r = resource(c, 'aws_ecs_service.api');
    // 0.01975 × 730 × 2 = 28.835; × 10 at max = 288.35
    expect(r.monthlyAfter).toBeCloseTo(28.835, 9);
    expect(r.max).toBeCloseTo(288.35, 9);
    expect(r.components.map((k) => k.name)).toEqual(['Fargate vCPU (Linux/ARM64)', 'Fargate memory (Linux/ARM64)']);
    expect(r.advice).toBeUndefined();
  });

  it('prices the same service on Windows, with the OS licence fee', () => {
    const r = resource(
      estimate(
        fargate(service(), taskDef({ runtime: { operating_system_family: 'WINDOWS_SERVER_2022_CORE', cpu_architecture: 'X86_64' } })),
      ),
      'aws_ecs_service.api',
    );
    // task-hour: 0.5 × 0.046552 + 1 × 0.00511175 + 0.5 × 0.046 = 0.023276 + 0.00511175 + 0.023 = 0.05138775
    // × 730 × 2 = 0.05138775 × 1460 = 73 + 2.026115 = 75.026115
    expect(r.monthlyAfter).toBeCloseTo(75.026115, 9);
    expect(r.components.map((k) => [k.name, k.quantity, k.unitPrice])).toEqual([
      ['Fargate vCPU (Windows)', 730, 0.046552],
      ['Fargate memory (Windows)', 1460, 0.00511175],
      ['Fargate Windows OS licence', 730, 0.046],
    ]);
  });

  it('charges ephemeral storage above the free 20 GB', () => {
    const r = resource(estimate(fargate(service(), taskDef({ ephemeralGiB: 50 }))), 'aws_ecs_service.api');
    // (50 − 20) GB × 2 tasks × 730 h = 43,800 GB-hours × 0.000111 = 4.8618; + 36.0401 = 40.9019
    expect(r.components.at(-1)).toMatchObject({ name: 'Fargate ephemeral storage above 20 GB', quantity: 43800, unitPrice: 0.000111 });
    expect(r.monthlyAfter).toBeCloseTo(40.9019, 9);
  });

  it('splits FARGATE base 1 weight 1 and FARGATE_SPOT weight 3 over 8 tasks, Spot at the 70% estimate', () => {
    const svc = service({
      desired: 8,
      strategy: [
        { capacity_provider: 'FARGATE', base: 1, weight: 1 },
        { capacity_provider: 'FARGATE_SPOT', weight: 3 },
      ],
    });
    const r = resource(estimate(fargate(svc)), 'aws_ecs_service.api');
    // base 1 on FARGATE, the other 7 by weight 1:3 → 1.75 FARGATE, 5.25 FARGATE_SPOT
    // FARGATE 2.75 × 18.02005 = 49.5551375; Spot 5.25 × 18.02005 × 0.3 = 28.38157875; total 77.93671625
    expect(r.monthlyAfter).toBeCloseTo(77.93671625, 9);
    const spotCpu = r.components.find((k) => k.name === 'Fargate Spot vCPU (Linux/x86)')!;
    expect(spotCpu.quantity).toBeCloseTo(5.25 * 0.5 * 730, 9);
    expect(spotCpu.unitPrice).toBeCloseTo(0.04048 * 0.3, 12);
    expect(r.notes).toContain(
      '8 tasks split by the capacity provider strategy (base first, then by weight): 2.75 on FARGATE, 5.25 on FARGATE_SPOT',
    );
    // no Spot advice for a service that already uses Spot
    expect(r.advice).toBeUndefined();
  });

  it('uses the configured Spot discount', () => {
    const svc = service({ desired: 2, strategy: [{ capacity_provider: 'FARGATE_SPOT', weight: 1 }] });
    const r = resource(estimate(fargate(svc), { cost: { spotDiscountPercent: 50 } }), 'aws_ecs_service.api');
    // 2 × 18.02005 × 0.5 = 18.02005
    expect(r.monthlyAfter).toBeCloseTo(18.02005, 9);
  });

  it('reads a FARGATE strategy from the cluster default when the service sets none', () => {
    const svc = { ...service(), launch_type: null, capacity_provider_strategy: [] };
    const r = resource(
      estimate([
        ...fargate(svc),
        { address: 'aws_ecs_cluster.prod', after: { name: 'prod' } },
        {
          address: 'aws_ecs_cluster_capacity_providers.prod',
          after: {
            cluster_name: 'prod',
            capacity_providers: ['FARGATE_SPOT'],
            default_capacity_provider_strategy: [{ capacity_provider: 'FARGATE_SPOT', base: 0, weight: 1 }],
          },
        },
      ]),
      'aws_ecs_service.api',
    );
    // all on Spot: 2 × 18.02005 × 0.3 = 10.81203
    expect(r.monthlyAfter).toBeCloseTo(10.81203, 9);
  });

  it('leaves the point figure unknown when desired_count is unknown, and still shows the range', () => {
    const c = estimate([
      { address: 'aws_ecs_task_definition.api', after: taskDef() },
      {
        address: 'aws_ecs_service.api',
        after: { ...service(), desired_count: null },
        unknown: { desired_count: true },
        expressions: { ...constants(service()), desired_count: ref('var.desired_count') },
      },
      { address: 'aws_appautoscaling_target.api', after: scalingTarget(2, 20) },
    ]);
    const r = resource(c, 'aws_ecs_service.api');
    expect(r.monthlyAfter).toBeNull();
    expect(r.monthlyDelta).toBeNull();
    expect(r.min).toBeCloseTo(36.0401, 9);
    expect(r.max).toBeCloseTo(360.401, 9);
    expect(r.components.every((k) => k.quantity === null && k.monthly === null && k.unitPrice !== null)).toBe(true);
    expect(c.monthlyAfter).toBeNull();
    expect(c.max).toBeCloseTo(360.401, 9);
  });

  it('leaves the figure unknown when the task size is known only after apply', () => {
    const r = resource(
      estimate([
        {
          address: 'aws_ecs_task_definition.api',
          after: { ...taskDef(), cpu: null },
          unknown: { cpu: true },
          expressions: { ...constants(taskDef()), cpu: ref('var.cpu') },
        },
        { address: 'aws_ecs_service.api', after: service() },
      ]),
      'aws_ecs_service.api',
    );
    expect(r.monthlyAfter).toBeNull();
    expect(r.notes?.[0]).toMatch(/cpu is known only after apply/);
  });

  it('shows $0 on EC2 capacity and points to the Auto Scaling group that is priced instead', () => {
    const c = estimate([
      { address: 'aws_ecs_task_definition.api', after: { ...taskDef(), requires_compatibilities: ['EC2'] } },
      { address: 'aws_ecs_service.api', after: service({ strategy: [{ capacity_provider: 'ec2-cp', weight: 1 }] }) },
      { address: 'aws_ecs_cluster.prod', after: { name: 'prod' } },
      {
        address: 'aws_ecs_cluster_capacity_providers.prod',
        after: { cluster_name: 'prod', capacity_providers: ['ec2-cp'], default_capacity_provider_strategy: [] },
      },
      {
        address: 'aws_ecs_capacity_provider.ec2',
        after: {
          name: 'ec2-cp',
          auto_scaling_group_provider: [
            { auto_scaling_group_arn: 'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:abc:autoScalingGroupName/ecs-nodes' },
          ],
        },
      },
      { address: 'aws_launch_template.ecs', after: { name: 'ecs', id: 'lt-0abc', instance_type: 't3.medium', block_device_mappings: [] } },
      {
        address: 'aws_autoscaling_group.ecs',
        after: {
          name: 'ecs-nodes',
          min_size: 1,
          max_size: 4,
          desired_capacity: 2,
          launch_template: [{ id: 'lt-0abc', name: null, version: '$Latest' }],
        },
      },
    ]);
    const svc = resource(c, 'aws_ecs_service.api');
    expect(svc.monthlyAfter).toBe(0);
    expect(svc.components).toEqual([]);
    expect(svc.notes).toEqual(['runs on EC2 capacity: see aws_autoscaling_group.ecs']);
    // the instances are counted once, on the ASG: 2 × 0.0416 × 730 = 60.736
    expect(resource(c, 'aws_autoscaling_group.ecs').monthlyAfter).toBeCloseTo(60.736, 9);
    expect(c.monthlyAfter).toBeCloseTo(60.736, 9);
  });
});

describe('before and after', () => {
  it('prices an update that changes task size and count: before → after', () => {
    const c = estimate([
      {
        address: 'aws_ecs_task_definition.api',
        actions: ['delete', 'create'],
        before: taskDef(),
        after: taskDef({ cpu: '1024', memory: '2048' }),
      },
      { address: 'aws_ecs_service.api', actions: ['update'], before: service({ desired: 2 }), after: service({ desired: 3 }) },
    ]);
    const r = resource(c, 'aws_ecs_service.api');
    // before: 2 × 18.02005 = 36.0401
    // after: 1 vCPU / 2 GB = 0.04048 + 2 × 0.004445 = 0.04937 per task-hour × 730 = 36.0401 per task-month × 3 = 108.1203
    expect(r.action).toBe('update');
    expect(r.monthlyBefore).toBeCloseTo(36.0401, 9);
    expect(r.monthlyAfter).toBeCloseTo(108.1203, 9);
    expect(r.monthlyDelta).toBeCloseTo(72.0802, 9);
    expect(r.beforeComponents?.map((k) => k.quantity)).toEqual([730, 1460]);
    expect(r.components.map((k) => k.quantity)).toEqual([2190, 4380]);
    expect(c.monthlyDelta).toBeCloseTo(72.0802, 9);
  });

  it('prices a delete: before → 0', () => {
    const c = estimate([
      { address: 'aws_ecs_task_definition.api', actions: ['delete'], before: taskDef() },
      { address: 'aws_ecs_service.api', actions: ['delete'], before: service({ desired: 2 }) },
    ]);
    const r = resource(c, 'aws_ecs_service.api');
    expect(r.monthlyBefore).toBeCloseTo(36.0401, 9);
    expect(r.monthlyAfter).toBe(0);
    expect(r.monthlyDelta).toBeCloseTo(-36.0401, 9);
    expect(r.min).toBe(0);
    expect(r.max).toBe(0);
    expect(r.advice).toBeUndefined();
    expect(c.monthlyDelta).toBeCloseTo(-36.0401, 9);
  });

  it('reads the scaling bounds of each side from the linked target', () => {
    const c = estimate([
      { address: 'aws_ecs_task_definition.api', actions: ['no-op'], before: taskDef(), after: taskDef() },
      { address: 'aws_ecs_service.api', actions: ['no-op'], before: service(), after: service() },
      { address: 'aws_appautoscaling_target.api', actions: ['update'], before: scalingTarget(2, 10), after: scalingTarget(2, 20) },
    ]);
    const r = resource(c, 'aws_ecs_service.api');
    expect(r.monthlyDelta).toBe(0);
    expect(r.max).toBeCloseTo(360.401, 9);
  });
});

describe('unpriced and discounted', () => {
  it("reports a region without prices as unpriced, never $0 and never another region's price", () => {
    const c = estimate(fargate(), { spec: { region: 'ap-southeast-4' } });
    const r = resource(c, 'aws_ecs_service.api');
    expect(r.monthlyAfter).toBeNull();
    expect(r.monthlyDelta).toBeNull();
    expect(r.components.every((k) => k.unitPrice === null && k.monthly === null)).toBe(true);
    expect(r.unpriced).toEqual([
      {
        item: 'Fargate vCPU (Linux/x86)',
        reason: 'no price for fargate/x86/vcpu-hour in ap-southeast-4 in the price snapshot of 2026-11-22',
        fix: 'run `container-plan-check pricing update`, or add regions["ap-southeast-4"]["fargate/x86/vcpu-hour"] to a price file (cost.priceFile in the configuration)',
      },
      {
        item: 'Fargate memory (Linux/x86)',
        reason: 'no price for fargate/x86/gb-hour in ap-southeast-4 in the price snapshot of 2026-11-22',
        fix: 'run `container-plan-check pricing update`, or add regions["ap-southeast-4"]["fargate/x86/gb-hour"] to a price file (cost.priceFile in the configuration)',
      },
    ]);
    expect(c.monthlyAfter).toBeNull();
  });

  it('applies the EDP discount to every price', () => {
    const r = resource(estimate(fargate(), { cost: { edpDiscountPercent: 10 } }), 'aws_ecs_service.api');
    // 36.0401 × 0.9 = 32.43609
    expect(r.monthlyAfter).toBeCloseTo(32.43609, 9);
    expect(r.components[0]!.priceSource).toMatch(/less 10% discount$/);
  });
});
