import { describe, expect, it } from 'vitest';
import { ASG_ON_LAUNCH_TEMPLATE, estimate, resource } from './helpers.js';

/*
 * EC2 us-east-1 on-demand Linux: m5.large $0.096/h (70.08 a month), m5.xlarge $0.192/h,
 * t3.medium $0.0416/h (30.368 a month); EBS gp3 $0.08, gp2 $0.10 per GB-month. Spot is
 * estimated at 70% off: m5.large Spot 0.096 × 0.3 × 730 = 21.024 a month.
 */
const lt = {
  address: 'aws_launch_template.nodes',
  after: {
    name: 'nodes',
    id: 'lt-0mixed',
    instance_type: null,
    block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 50, volume_type: 'gp3' }] }],
  },
};

const mixedAsg = (desired: number | null) => ({
  address: 'aws_autoscaling_group.mixed',
  after: {
    name: 'mixed',
    min_size: 4,
    max_size: 20,
    desired_capacity: desired,
    launch_template: [],
    mixed_instances_policy: [
      {
        instances_distribution: [
          {
            on_demand_base_capacity: 2,
            on_demand_percentage_above_base_capacity: 25,
            spot_allocation_strategy: 'price-capacity-optimized',
          },
        ],
        launch_template: [
          {
            launch_template_specification: [{ launch_template_id: 'lt-0mixed', launch_template_name: null, version: '$Latest' }],
            override: [
              { instance_type: 'm5.large', weighted_capacity: '1' },
              { instance_type: 'm5.xlarge', weighted_capacity: '2' },
            ],
          },
        ],
      },
    ],
  },
  ...(desired === null ? { unknown: { desired_capacity: true } } : {}),
});

describe('aws_autoscaling_group', () => {
  it('prices a mixed instances policy: on-demand base and percentage, the rest on Spot', () => {
    const r = resource(estimate([lt, mixedAsg(10)]), 'aws_autoscaling_group.mixed');
    // 10 units: on-demand 2 + (10 − 2) × 25% = 4; Spot 6 (m5.large, weight 1: one instance per unit)
    // 4 × 70.08 = 280.32; 6 × 21.024 = 126.144; EBS 10 × 50 GB × 0.08 = 40 → 446.464
    expect(r.monthlyAfter).toBeCloseTo(446.464, 9);
    // min 4: on-demand 2 + 2 × 25% = 2.5, Spot 1.5: 175.2 + 31.536 + 4 × 4 = 222.736
    expect(r.min).toBeCloseTo(222.736, 9);
    // max 20: on-demand 2 + 18 × 25% = 6.5, Spot 13.5: 455.52 + 283.824 + 20 × 4 = 819.344
    expect(r.max).toBeCloseTo(819.344, 9);
    expect(r.components.map((k) => [k.name, k.quantity])).toEqual([
      ['Instances m5.large (on-demand)', 2920],
      ['EBS /dev/xvda (gp3, 50 GB)', 200],
      ['Instances m5.large (Spot)', 4380],
      ['EBS /dev/xvda (gp3, 50 GB)', 300],
    ]);
    expect(r.notes).toContain('10 capacity units: 4 on-demand, 6 Spot');
    // per capacity unit on demand: m5.large 70.08 + 4 = 74.08; m5.xlarge (weight 2) (140.16 + 4) / 2 = 72.08
    expect(r.notes).toContain('the 2 override types cost $72.08–$74.08 per capacity unit-month on demand');
  });

  it('keeps the range when desired_capacity is known only after apply', () => {
    const c = estimate([
      lt,
      {
        ...mixedAsg(null),
        expressions: {
          desired_capacity: { references: ['var.desired'] },
          min_size: { constant_value: 4 },
          max_size: { constant_value: 20 },
        },
      },
    ]);
    const r = resource(c, 'aws_autoscaling_group.mixed');
    expect(r.monthlyAfter).toBeNull();
    expect(r.min).toBeCloseTo(222.736, 9);
    expect(r.max).toBeCloseTo(819.344, 9);
  });

  it('uses min_size when desired_capacity is left out of the configuration', () => {
    const c = estimate([lt, { ...mixedAsg(null), expressions: { min_size: { constant_value: 4 }, max_size: { constant_value: 20 } } }]);
    expect(resource(c, 'aws_autoscaling_group.mixed').monthlyAfter).toBeCloseTo(222.736, 9);
  });

  it('prices a launch configuration with detailed monitoring off: instance type and root volume', () => {
    const c = estimate([
      {
        address: 'aws_launch_configuration.old',
        after: {
          name: 'old',
          instance_type: 't3.medium',
          enable_monitoring: false,
          root_block_device: [{ volume_size: 20, volume_type: 'gp2' }],
          ebs_block_device: [],
        },
      },
      {
        address: 'aws_autoscaling_group.old',
        after: { name: 'old', min_size: 1, max_size: 3, desired_capacity: 2, launch_configuration: 'old', launch_template: [] },
      },
    ]);
    const r = resource(c, 'aws_autoscaling_group.old');
    // 2 × (30.368 + 20 × 0.10) = 2 × 32.368 = 64.736; min 32.368; max 97.104
    expect(r.monthlyAfter).toBeCloseTo(64.736, 9);
    expect(r.min).toBeCloseTo(32.368, 9);
    expect(r.max).toBeCloseTo(97.104, 9);
  });

  it('prices io2 IOPS by tier and gp3 IOPS and throughput above the baseline', () => {
    const c = estimate([
      {
        address: 'aws_launch_template.db',
        after: {
          name: 'db',
          id: 'lt-0db',
          instance_type: 'm5.large',
          block_device_mappings: [
            { device_name: '/dev/xvda', ebs: [{ volume_size: 100, volume_type: 'gp3', iops: 4000, throughput: 250 }] },
            { device_name: '/dev/xvdb', ebs: [{ volume_size: 200, volume_type: 'io2', iops: 40000 }] },
          ],
        },
      },
      {
        address: 'aws_autoscaling_group.db',
        after: {
          name: 'db',
          min_size: 1,
          max_size: 1,
          desired_capacity: 1,
          launch_template: [{ id: 'lt-0db', name: null, version: '$Latest' }],
        },
      },
    ]);
    const r = resource(c, 'aws_autoscaling_group.db');
    // instance 70.08
    // gp3: 100 × 0.08 = 8; IOPS above 3000: 1000 × 0.005 = 5; throughput above 125: 125 × 0.04 = 5
    // io2: 200 × 0.125 = 25; IOPS 32000 × 0.065 = 2080; 8000 × 0.0455 = 364
    // total 70.08 + 8 + 5 + 5 + 25 + 2080 + 364 = 2557.08
    expect(r.monthlyAfter).toBeCloseTo(2557.08, 9);
    expect(r.components.map((k) => k.name)).toEqual([
      'Instances m5.large (on-demand)',
      'EBS /dev/xvda (gp3, 100 GB)',
      'EBS /dev/xvda IOPS above 3000',
      'EBS /dev/xvda throughput above 125 MB/s',
      'EBS /dev/xvdb (io2, 200 GB)',
      'EBS /dev/xvdb provisioned IOPS (up to 32000)',
      'EBS /dev/xvdb provisioned IOPS (32000–64000)',
    ]);
  });
  const ltAsg = (lt: Record<string, unknown>, ltUnknown: Record<string, unknown> = {}) => [
    {
      address: 'aws_launch_template.app',
      after: { name: 'app', instance_type: 'm5.large', block_device_mappings: [], monitoring: [], placement: [], ...lt },
      unknown: { id: true, ...ltUnknown },
    },
    ASG_ON_LAUNCH_TEMPLATE,
  ];

  it('leaves Dedicated Host tenancy unpriced: billed per host, never at the shared price', () => {
    const r = resource(estimate(ltAsg({ placement: [{ tenancy: 'host', host_id: null }] })), 'aws_autoscaling_group.app');
    expect(r.monthlyAfter).toBeNull();
    expect(r.components).toEqual([]);
    expect(r.unpriced).toEqual([
      {
        item: 'Instances (Dedicated Host tenancy)',
        reason:
          'aws_launch_template.app places the instances on Dedicated Hosts, which are billed per host whatever runs on them; the hosts are not in the plan',
      },
    ]);
  });

  it('prices default tenancy at the shared rate', () => {
    const r = resource(estimate(ltAsg({ placement: [{ tenancy: 'default', host_id: null }] })), 'aws_autoscaling_group.app');
    // 2 × 0.096 × 730 = 140.16
    expect(r.monthlyAfter).toBeCloseTo(140.16, 9);
  });

  it("bills a launch template's detailed monitoring only when monitoring.enabled is true: 7 metrics per instance at the metric price, over the group's range", () => {
    const on = resource(estimate(ltAsg({ monitoring: [{ enabled: true }] })), 'aws_autoscaling_group.app');
    expect(on.components.map((k) => [k.name, k.unit, k.quantity, k.unitPrice])).toEqual([
      ['Instances m5.large (on-demand)', 'hours', 1460, 0.096],
      // the snapshot's first-tier CloudWatch metric price in us-east-1: $0.30 per metric-month
      ['CloudWatch detailed monitoring (7 metrics per instance)', 'metric-months', 14, 0.3],
    ]);
    expect(on.components[1]!.priceSource).toMatch(/^snapshot 2026-11-22: Amazon CloudWatch custom metrics/);
    // per instance 0.096 × 730 + 7 × 0.30 = 70.08 + 2.10 = 72.18; desired 2, min 1, max 3
    expect(on.monthlyAfter).toBeCloseTo(2 * 72.18, 9);
    expect(on.min).toBeCloseTo(72.18, 9);
    expect(on.max).toBeCloseTo(3 * 72.18, 9);
    expect(on.unpriced).toEqual([]);
    const off = resource(estimate(ltAsg({})), 'aws_autoscaling_group.app');
    expect(off.components.map((k) => k.name)).toEqual(['Instances m5.large (on-demand)']);
    expect(off.monthlyAfter).toBeCloseTo(140.16, 9);
  });

  it('leaves detailed monitoring unpriced in a region the snapshot has no CloudWatch price for, never $0', () => {
    const r = resource(
      estimate(ltAsg({ monitoring: [{ enabled: true }] }), { spec: { region: 'eu-west-1' } }),
      'aws_autoscaling_group.app',
    );
    const cw = r.components.find((k) => k.name.startsWith('CloudWatch'));
    expect(cw).toMatchObject({ quantity: 14, unitPrice: null, monthly: null });
    expect(r.monthlyAfter).toBeNull();
    expect(r.unpriced.map((u) => u.reason)).toContain(
      'no price for cloudwatch/metric-month in eu-west-1 in the price snapshot of 2026-11-22',
    );
  });

  it('adds no EBS-optimized fee on m5.large, EBS-optimized by default (tests/cost/ebs-optimized.test.ts covers the optional types)', () => {
    const r = resource(estimate(ltAsg({ ebs_optimized: 'true' })), 'aws_autoscaling_group.app');
    expect(r.monthlyAfter).toBeCloseTo(140.16, 9);
    expect(r.components.map((k) => k.name)).toEqual(['Instances m5.large (on-demand)']);
  });

  it('keeps a tenancy written as an expression known only after apply unknown', () => {
    const [lt, asg] = ltAsg({ placement: [{ host_id: null }] }, { placement: [{ tenancy: true }] });
    const c = estimate([
      {
        ...lt!,
        expressions: {
          name: { constant_value: 'app' },
          instance_type: { constant_value: 'm5.large' },
          placement: [{ tenancy: { references: ['var.tenancy'] } }],
        },
      },
      asg!,
    ]);
    const r = resource(c, 'aws_autoscaling_group.app');
    expect(r.monthlyAfter).toBeNull();
    expect(r.notes).toContain(
      'aws_launch_template.app: its tenancy is known only after apply, so the instance price (shared or dedicated) is unknown',
    );
  });

  it("notes a launch configuration's root volume that sets a size but no type (the AMI's), and still prices the instances", () => {
    const c = estimate([
      {
        address: 'aws_launch_configuration.lc',
        after: {
          name: 'lc',
          image_id: 'ami-1',
          instance_type: 't3.medium',
          enable_monitoring: false,
          root_block_device: [{ volume_size: 30, delete_on_termination: true }],
        },
        unknown: { ebs_block_device: true, root_block_device: [{ volume_type: true, iops: true, throughput: true, encrypted: true }] },
        expressions: {
          name: { constant_value: 'lc' },
          image_id: { constant_value: 'ami-1' },
          instance_type: { constant_value: 't3.medium' },
          enable_monitoring: { constant_value: false },
          root_block_device: [{ volume_size: { constant_value: 30 } }],
        },
      },
      {
        address: 'aws_autoscaling_group.lc',
        after: {
          name: 'lc',
          min_size: 1,
          max_size: 1,
          desired_capacity: 1,
          launch_configuration: 'lc',
          launch_template: [],
          mixed_instances_policy: [],
        },
      },
    ]);
    const r = resource(c, 'aws_autoscaling_group.lc');
    // 0.0416 × 730 = 30.368
    expect(r.monthlyAfter).toBeCloseTo(30.368, 9);
    expect(r.components.map((k) => k.name)).toEqual(['Instances t3.medium (on-demand)']);
    expect(r.notes).toContain(
      "aws_launch_configuration.lc: root volume (30 GB) sets no type, so it keeps its snapshot's (the AMI's): not in the plan, not priced",
    );
  });
});
