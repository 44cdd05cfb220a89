import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { computeGate } from '../../src/engine/gate.js';
import { buildPlan, writePlan } from '../helpers/plan.js';
import { estimate, resource, scalingTarget, service, taskDef } from './helpers.js';

const fargate = (
  svc: Record<string, unknown>,
  td: Record<string, unknown>,
  sens: { svc?: Record<string, unknown>; td?: Record<string, unknown> } = {},
  extra: Parameters<typeof estimate>[0] = [],
) => [
  { address: 'aws_ecs_task_definition.api', after: td, ...(sens.td ? { sensitive: sens.td } : {}) },
  { address: 'aws_ecs_service.api', after: svc, ...(sens.svc ? { sensitive: sens.svc } : {}) },
  ...extra,
];

const nodeGroup = (scaling: Record<string, unknown>, sensitive?: Record<string, unknown>) => ({
  address: 'aws_eks_node_group.general',
  after: {
    cluster_name: 'prod',
    node_group_name: 'general',
    ami_type: 'AL2023_x86_64_STANDARD',
    capacity_type: 'ON_DEMAND',
    instance_types: ['m5.large'],
    disk_size: null,
    launch_template: [],
    scaling_config: [scaling],
  },
  unknown: { disk_size: true },
  ...(sensitive ? { sensitive } : {}),
  expressions: { cluster_name: { constant_value: 'prod' }, instance_types: { constant_value: ['m5.large'] }, scaling_config: [{}] },
});

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

describe('figures derived from sensitive values are not shown', () => {
  it('a sensitive desired_count hides the count and the quantities, keeps the dollar figures with a note', () => {
    const r = resource(estimate(fargate(service({ desired: 7 }), taskDef(), { svc: { desired_count: true } })), 'aws_ecs_service.api');
    // 7 × 18.02005 = 126.14035: the dollars are still computed
    expect(r.monthlyAfter).toBeCloseTo(126.14035, 9);
    expect(r.description).toBe('Fargate Linux/x86, 0.5 vCPU / 1 GB × (sensitive)');
    expect(r.components.map((k) => [k.quantity, k.quantitySensitive])).toEqual([
      [null, true],
      [null, true],
    ]);
    expect(r.notes?.some((n) => n.includes('marks sensitive'))).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/2,?555|5,?110|× 7/);
  });

  it('a sensitive task cpu and memory hide the task size and the quantities', () => {
    const r = resource(
      estimate(fargate(service({ desired: 5 }), taskDef({ cpu: '512', memory: '3072' }), { td: { cpu: true, memory: true } })),
      'aws_ecs_service.api',
    );
    expect(r.description).toBe('Fargate Linux/x86, (sensitive) vCPU / (sensitive) memory × 5');
    expect(r.components.every((k) => k.quantity === null && k.quantitySensitive === true)).toBe(true);
    expect(r.monthlyAfter).not.toBeNull();
    expect(JSON.stringify(r)).not.toContain('3 GB');
  });

  it('a sensitive scaling_config hides the node count and its bounds', () => {
    const r = resource(
      estimate([nodeGroup({ desired_size: 7, min_size: 2, max_size: 9 }, { scaling_config: true })]),
      'aws_eks_node_group.general',
    );
    expect(r.description).toBe('(sensitive) × m5.large + 20 GB gp2');
    expect(r.components.every((k) => k.quantity === null && k.quantitySensitive)).toBe(true);
    expect(r.monthlyAfter).toBeCloseTo(7 * 72.08, 9);
  });

  it('the built reports (text, markdown, json, sarif) show (sensitive) and never the derived numbers', async () => {
    const plan = buildPlan([
      ...fargate(
        service({ desired: 7 }),
        taskDef({ cpu: '512', memory: '3072' }),
        { svc: { desired_count: true }, td: { cpu: true, memory: true } },
        [{ address: 'aws_appautoscaling_target.api', after: scalingTarget(3, 11), sensitive: { min_capacity: true, max_capacity: true } }],
      ),
    ]);
    const file = writePlan('sensitive-counts.json', plan);
    for (const format of ['text', 'markdown', 'json', 'sarif']) {
      const { out } = await cli('--format', format, file);
      // 7 tasks × 730 h × 0.5 vCPU = 2,555 vCPU-hours; × 3 GB = 15,330 GB-hours
      expect(out, format).not.toMatch(/2,?555|15,?330|× 7|0\.5 vCPU|3 GB|7 tasks|3 on |11 on /);
      if (format === 'json') {
        const json = JSON.parse(out);
        const comps = json.plans[0].cost.resources.find((r: { address: string }) => r.address === 'aws_ecs_service.api').components;
        expect(
          comps.every((k: { quantity: unknown; quantitySensitive: unknown }) => k.quantity === null && k.quantitySensitive === true),
        ).toBe(true);
      }
      if (format === 'text' || format === 'markdown') expect(out).toContain('(sensitive)');
    }
  });
});

describe('counts that are not whole numbers of 0 or more are never priced', () => {
  for (const [label, desired] of [
    ['negative', -5],
    ['fractional', 2.5],
  ] as const) {
    it(`a ${label} desired_count gives an unknown cost and a note`, () => {
      const c = estimate(fargate(service({ desired: desired }), taskDef()));
      const r = resource(c, 'aws_ecs_service.api');
      expect(r.monthlyAfter).toBeNull();
      expect(r.monthlyDelta).toBeNull();
      expect(c.monthlyDelta).toBeNull();
      expect(r.notes).toContain('desired_count is not a whole number of 0 or more, so it is not priced and the cost is unknown');
      expect(r.components.every((k) => k.quantity === null && k.monthly === null)).toBe(true);
    });
  }

  it('a negative scaling bound gives an unknown range bound', () => {
    const r = resource(estimate([nodeGroup({ desired_size: 3, min_size: -1, max_size: 5 })]), 'aws_eks_node_group.general');
    expect(r.monthlyAfter).toBeCloseTo(216.24, 9);
    expect(r.min).toBeNull();
    expect(r.notes).toContain('scaling_config.min_size is not a whole number of 0 or more, so it is not priced and the cost is unknown');
  });

  it('a task cpu that is not a positive number is not priced', () => {
    const r = resource(estimate(fargate(service(), taskDef({ cpu: '-512' }))), 'aws_ecs_service.api');
    expect(r.monthlyAfter).toBeNull();
  });

  it('a plan with desired_count 1e309 fails a max-increase gate instead of passing with $∞', async () => {
    // JSON has no Infinity: 1e309 parses to it.
    const text = JSON.stringify(buildPlan(fargate(service({ desired: 123456789 }), taskDef()))).replaceAll('123456789', '1e309');
    const file = writePlan('infinite-count.json', text);
    const r = await cli('--format', 'json', '--fail-on', 'never', '--max-increase', '100', file);
    expect(r.out).not.toContain('Infinity');
    const json = JSON.parse(r.out);
    const svc = json.plans[0].cost.resources.find((x: { address: string }) => x.address === 'aws_ecs_service.api');
    expect(svc.monthlyAfter).toBeNull();
    expect(svc.notes).toContain('desired_count is not a whole number of 0 or more, so it is not priced and the cost is unknown');
    expect(json.cost.monthlyDelta).toBeNull();
    expect(json.gate.passed).toBe(false);
    const md = await cli('--format', 'markdown', '--fail-on', 'never', '--max-increase', '100', file);
    expect(md.out).not.toMatch(/∞|× 0\b|−\$/);
    expect(md.code).toBe(1);
  });
});

describe('the gate fails closed on a cost delta that is not a finite number', () => {
  const cost = (monthlyDelta: number) => ({
    currency: 'USD' as const,
    monthlyBefore: 0,
    monthlyAfter: monthlyDelta,
    monthlyDelta,
    min: null,
    max: null,
    snapshotDate: '2026-11-22',
  });
  for (const d of [Infinity, -Infinity, NaN]) {
    it(`fails on a delta of ${d}, with no cost limit set`, () => {
      const g = computeGate([], cost(d), { asOf: '2026-11-22', failOn: 'never' });
      expect(g.passed).toBe(false);
      expect(g.reasons).toEqual(['the monthly cost delta is not a finite number, so the cost cannot be checked']);
    });
  }

  it('a desired_count of 1e300 (a whole number no service can run) is not priced', () => {
    const r = resource(estimate(fargate(service({ desired: 1e300 }), taskDef())), 'aws_ecs_service.api');
    expect(r.monthlyAfter).toBeNull();
    expect(r.notes).toContain('desired_count is not a whole number of 0 or more, so it is not priced and the cost is unknown');
  });
});

describe('plan strings the estimators would quote are never shown when sensitive', () => {
  const template = (sensitive: Record<string, unknown>) => ({
    address: 'aws_launch_template.db',
    after: {
      name: 'db',
      id: 'lt-0db',
      instance_type: 'x2iedn.metal',
      block_device_mappings: [{ device_name: '/dev/secret-disk', ebs: [{ volume_size: 777, volume_type: 'gp3' }] }],
    },
    sensitive,
  });
  const asg = {
    address: 'aws_autoscaling_group.db',
    after: {
      name: 'db',
      min_size: 1,
      max_size: 1,
      desired_capacity: 1,
      launch_template: [{ id: 'lt-0db', name: null, version: '$Latest' }],
    },
  };

  it('a sensitive instance type: no name, no price, a note', () => {
    const r = resource(estimate([template({ instance_type: true }), asg]), 'aws_autoscaling_group.db');
    expect(JSON.stringify(r)).not.toContain('x2iedn');
    expect(r.monthlyAfter).toBeNull();
    expect(r.notes?.join(' ')).toContain('instance type is marked sensitive');
  });

  it('sensitive block devices: no device name or size', () => {
    const r = resource(estimate([template({ block_device_mappings: [{ device_name: true }] }), asg]), 'aws_autoscaling_group.db');
    expect(JSON.stringify(r)).not.toMatch(/secret-disk|777/);
    expect(r.notes?.join(' ')).toContain('block devices are marked sensitive');
  });

  it('a sensitive node group instance_types list', () => {
    const ng = { ...nodeGroup({ desired_size: 3, min_size: 1, max_size: 5 }, { instance_types: [true] }) };
    const r = resource(estimate([ng]), 'aws_eks_node_group.general');
    expect(JSON.stringify(r)).not.toContain('m5.large');
  });

  it('a sensitive capacity provider strategy: no provider names or split', () => {
    const svc = service({
      desired: 4,
      strategy: [
        { capacity_provider: 'FARGATE', base: 1, weight: 1 },
        { capacity_provider: 'secret-provider', weight: 3 },
      ],
    });
    const r = resource(estimate(fargate(svc, taskDef(), { svc: { capacity_provider_strategy: true } })), 'aws_ecs_service.api');
    expect(JSON.stringify(r)).not.toMatch(/secret-provider|base first/);
  });
});

describe('a sensitive EKS version is not quoted by the cost estimate', () => {
  it('says (sensitive) where the version would be', () => {
    const r = resource(
      estimate([
        { address: 'aws_eks_cluster.prod', after: { name: 'prod', version: '1.33', upgrade_policy: [] }, sensitive: { version: true } },
      ]),
      'aws_eks_cluster.prod',
    );
    expect(JSON.stringify(r)).not.toContain('1.33');
    expect(r.description).toContain('Kubernetes (sensitive)');
  });
});
