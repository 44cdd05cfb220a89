import { describe, expect, it } from 'vitest';
import { eksControlPlaneHourly } from '../../src/aws/price-terms.js';
import { priceBook } from '../../src/cost/prices.js';
import { estimate, resource } from './helpers.js';

/*
 * EKS control plane: $0.10 per cluster-hour in standard support → 0.10 × 730 = $73.00 a month;
 * extended support adds $0.50 per cluster-hour → (0.10 + 0.50) × 730 = $438.00 a month.
 * Calendar (src/aws/data/eks-versions.json): 1.33 left standard support on 2026-07-29 (extended to
 * 2027-07-29); 1.34 leaves it on 2026-12-02; 1.35 on 2027-03-27.
 * EC2 us-east-1 on-demand Linux: m5.large $0.096/h, m5.xlarge $0.192/h, t3.medium $0.0416/h;
 * EBS gp2 $0.10 and gp3 $0.08 per GB-month.
 */
const cluster = (version: string, extra: Record<string, unknown> = {}) => ({
  address: 'aws_eks_cluster.prod',
  after: { name: 'prod', version, upgrade_policy: [], ...extra },
});

describe('aws_eks_cluster', () => {
  it('prices a version in standard support at $0.10/h', () => {
    const r = resource(estimate([cluster('1.35')]), 'aws_eks_cluster.prod');
    expect(r.monthlyAfter).toBeCloseTo(73, 9);
    expect(r.min).toBeCloseTo(73, 9);
    expect(r.max).toBeCloseTo(73, 9);
    expect(r.components.map((k) => [k.name, k.quantity, k.unitPrice])).toEqual([['EKS control plane', 730, 0.1]]);
    expect(r.notes).toBeUndefined();
  });

  it('prices a version in extended support at $0.60/h', () => {
    const r = resource(estimate([cluster('1.33')]), 'aws_eks_cluster.prod');
    // 730 × 0.10 + 730 × 0.50 = 73 + 365 = 438
    expect(r.monthlyAfter).toBeCloseTo(438, 9);
    expect(r.description).toBe('Kubernetes 1.33, extended support');
    expect(r.components.map((k) => [k.name, k.unitPrice])).toEqual([
      ['EKS control plane', 0.1],
      ['EKS extended support', 0.5],
    ]);
  });

  it('prices extended support when upgrade_policy is left out (EKS applies EXTENDED) and the version is past standard support', () => {
    const c = estimate([{ address: 'aws_eks_cluster.prod', after: { name: 'prod', version: '1.33' }, unknown: { upgrade_policy: true } }]);
    const r = resource(c, 'aws_eks_cluster.prod');
    // 730 × 0.10 + 730 × 0.50 = 438
    expect(r.monthlyAfter).toBeCloseTo(438, 9);
    expect(r.description).toBe('Kubernetes 1.33, extended support');
  });

  it('keeps the price unknown when support_type is an expression known only after apply', () => {
    const c = estimate([
      {
        address: 'aws_eks_cluster.prod',
        after: { name: 'prod', version: '1.33', upgrade_policy: [{}] },
        unknown: { upgrade_policy: [{ support_type: true }] },
        expressions: {
          name: { constant_value: 'prod' },
          version: { constant_value: '1.33' },
          upgrade_policy: [{ support_type: { references: ['var.support'] } }],
        },
      },
    ]);
    const r = resource(c, 'aws_eks_cluster.prod');
    expect(r.monthlyAfter).toBeNull();
    expect(r.notes).toEqual([
      'upgrade_policy.support_type is known only after apply, so the price (standard or extended support) is unknown',
    ]);
  });

  it('prices standard support when support_type is STANDARD (EKS upgrades instead)', () => {
    const r = resource(estimate([cluster('1.33', { upgrade_policy: [{ support_type: 'STANDARD' }] })]), 'aws_eks_cluster.prod');
    expect(r.monthlyAfter).toBeCloseTo(73, 9);
    expect(r.notes?.[0]).toMatch(/support_type STANDARD, EKS upgrades the cluster/);
  });

  it('says when the version leaves standard support within 90 days, with the date and the new price', () => {
    // as of 2026-11-02, 1.34 leaves standard support on 2026-12-02: 30 days
    const r = resource(estimate([cluster('1.34')], { asOf: '2026-11-02' }), 'aws_eks_cluster.prod');
    expect(r.monthlyAfter).toBeCloseTo(73, 9);
    // 438 − 73 = +365
    expect(r.notes).toEqual([
      'Kubernetes 1.34 leaves standard support on 2026-12-02 (in 30 days): from then the control plane costs $438.00/month (+$365.00) unless the cluster is upgraded',
    ]);
  });

  it('follows the as-of date, not the clock', () => {
    expect(resource(estimate([cluster('1.34')], { asOf: '2026-12-02' }), 'aws_eks_cluster.prod').monthlyAfter).toBeCloseTo(438, 9);
    expect(resource(estimate([cluster('1.34')], { asOf: '2026-12-01' }), 'aws_eks_cluster.prod').monthlyAfter).toBeCloseTo(73, 9);
  });

  it('uses the default (latest, standard) version when none is configured, and is unknown for a computed one', () => {
    const unset = estimate([
      {
        address: 'aws_eks_cluster.prod',
        after: { name: 'prod', version: null },
        unknown: { version: true },
        expressions: { name: { constant_value: 'prod' } },
      },
    ]);
    expect(resource(unset, 'aws_eks_cluster.prod').monthlyAfter).toBeCloseTo(73, 9);
    const computed = estimate([
      {
        address: 'aws_eks_cluster.prod',
        after: { name: 'prod', version: null },
        unknown: { version: true },
        expressions: { name: { constant_value: 'prod' }, version: { references: ['var.k8s'] } },
      },
    ]);
    expect(resource(computed, 'aws_eks_cluster.prod').monthlyAfter).toBeNull();
  });

  it("puts the control-plane cost of a new cluster next to ECS's $0", () => {
    const r = resource(estimate([cluster('1.35')]), 'aws_eks_cluster.prod');
    expect(r.advice).toEqual(['an ECS cluster has no control-plane charge: $0.00/month against $73.00/month for this EKS control plane']);
  });

  it('drops that what-if beside node groups that make the control plane under a quarter of the increase', () => {
    // 73 of 73 + 10 × 72.08: about 9%, the choice of EKS does not hang on it
    const big = estimate([cluster('1.35'), nodeGroup({ scaling_config: [{ desired_size: 10, min_size: 10, max_size: 10 }] })]);
    expect(resource(big, 'aws_eks_cluster.prod').advice).toBeUndefined();
    // 73 of 73 + 72.08 (one node): about half, it does
    const small = estimate([cluster('1.35'), nodeGroup({ scaling_config: [{ desired_size: 1, min_size: 1, max_size: 1 }] })]);
    expect(resource(small, 'aws_eks_cluster.prod').advice).toHaveLength(1);
  });

  it('is the source of the control-plane prices for other readers', () => {
    expect(eksControlPlaneHourly('us-east-1', priceBook(undefined))).toEqual({ standard: 0.1, extended: 0.6 });
    expect(eksControlPlaneHourly('ap-southeast-4', priceBook(undefined))).toBeUndefined();
  });
});

const nodeGroup = (extra: Record<string, unknown> = {}) => ({
  address: 'aws_eks_node_group.general',
  after: {
    cluster_name: 'prod',
    node_group_name: 'general',
    ami_type: 'AL2023_x86_64_STANDARD',
    capacity_type: 'ON_DEMAND',
    instance_types: ['m5.large'],
    disk_size: null,
    launch_template: [],
    scaling_config: [{ desired_size: 3, min_size: 1, max_size: 5 }],
    ...extra,
  },
  unknown: extra.disk_size === undefined ? { disk_size: true } : {},
  expressions: { cluster_name: { constant_value: 'prod' }, instance_types: { constant_value: ['m5.large'] }, scaling_config: [{}] },
});

describe('aws_eks_node_group', () => {
  it('prices 3 × m5.large with the default 20 GB gp2 disk, and its scaling range', () => {
    const r = resource(estimate([nodeGroup()]), 'aws_eks_node_group.general');
    // per node: 0.096 × 730 = 70.08 + 20 GB × 0.10 = 2.00 → 72.08; × 3 = 216.24; min 1 = 72.08; max 5 = 360.40
    expect(r.monthlyAfter).toBeCloseTo(216.24, 9);
    expect(r.min).toBeCloseTo(72.08, 9);
    expect(r.max).toBeCloseTo(360.4, 9);
    expect(r.components.map((k) => [k.name, k.unit, k.quantity, k.unitPrice])).toEqual([
      ['Instances m5.large (on-demand)', 'hours', 2190, 0.096],
      ['EBS root volume (gp2, 20 GB)', 'GB-months', 60, 0.1],
    ]);
    expect(r.description).toBe('3 × m5.large + 20 GB gp2');
  });

  it('shows the cheapest..dearest range for several instance types and says the first is used', () => {
    const r = resource(estimate([nodeGroup({ instance_types: ['m5.xlarge', 'm5.large'] })]), 'aws_eks_node_group.general');
    // point: first type m5.xlarge: 0.192 × 730 = 140.16 + 2 = 142.16 per node × 3 = 426.48
    // min: cheapest (m5.large) × 1 = 72.08; max: dearest (m5.xlarge) × 5 = 710.80
    expect(r.monthlyAfter).toBeCloseTo(426.48, 9);
    expect(r.min).toBeCloseTo(72.08, 9);
    expect(r.max).toBeCloseTo(710.8, 9);
    expect(r.notes?.join('\n')).toMatch(
      /instance_types lists 2 types, \$72\.08–\$142\.16 per node-month \(m5\.large\.\.m5\.xlarge\); the first, m5\.xlarge, is used for the figure/,
    );
  });

  it('prices capacity_type SPOT at the Spot discount estimate', () => {
    const r = resource(estimate([nodeGroup({ capacity_type: 'SPOT', disk_size: 20 })]), 'aws_eks_node_group.general');
    // 3 × 0.096 × 0.3 × 730 = 63.072 + 3 × 20 × 0.10 = 6 → 69.072
    expect(r.monthlyAfter).toBeCloseTo(69.072, 9);
    expect(r.components[0]!.name).toBe('Instances m5.large (Spot)');
  });

  it("takes the launch template's instance type and block devices when the node group sets none", () => {
    const c = estimate([
      {
        address: 'aws_launch_template.nodes',
        after: {
          name: 'nodes',
          id: 'lt-0123',
          instance_type: 't3.medium',
          block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 30, volume_type: 'gp3' }] }],
        },
      },
      {
        address: 'aws_eks_node_group.general',
        after: {
          cluster_name: 'prod',
          capacity_type: 'ON_DEMAND',
          instance_types: null,
          disk_size: null,
          launch_template: [{ id: 'lt-0123', name: null, version: '1' }],
          scaling_config: [{ desired_size: 2, min_size: 2, max_size: 2 }],
        },
        unknown: { instance_types: true, disk_size: true },
        expressions: {
          cluster_name: { constant_value: 'prod' },
          launch_template: [{ id: { references: ['aws_launch_template.nodes.id', 'aws_launch_template.nodes'] } }],
          scaling_config: [{}],
        },
      },
    ]);
    const r = resource(c, 'aws_eks_node_group.general');
    // 2 × (0.0416 × 730 = 30.368 + 30 × 0.08 = 2.4) = 65.536
    expect(r.monthlyAfter).toBeCloseTo(65.536, 9);
    expect(r.description).toBe('2 × t3.medium + 30 GB gp3');
  });

  it('assumes no 20 GB disk when the launch_template block is set but the launch template is not in the plan; instances still priced', () => {
    const c = estimate([
      {
        address: 'aws_eks_node_group.general',
        after: {
          cluster_name: 'prod',
          capacity_type: 'ON_DEMAND',
          instance_types: ['m5.large'],
          launch_template: [{ id: 'lt-0elsewhere', name: null, version: '3' }],
          scaling_config: [{ desired_size: 2, min_size: 2, max_size: 2 }],
        },
        unknown: { disk_size: true, ami_type: true },
        expressions: {
          cluster_name: { constant_value: 'prod' },
          capacity_type: { constant_value: 'ON_DEMAND' },
          instance_types: { constant_value: ['m5.large'] },
          launch_template: [{ id: { constant_value: 'lt-0elsewhere' }, version: { constant_value: '3' } }],
          scaling_config: [{ desired_size: { constant_value: 2 }, min_size: { constant_value: 2 }, max_size: { constant_value: 2 } }],
        },
      },
    ]);
    const r = resource(c, 'aws_eks_node_group.general');
    // 2 × 0.096 × 730 = 140.16, no disk
    expect(r.components.map((k) => k.name)).toEqual(['Instances m5.large (on-demand)']);
    expect(r.monthlyAfter).toBeCloseTo(140.16, 9);
    expect(r.notes).toContain(
      'its launch_template block is set but the launch template is not in this plan: the disk (set in the launch template) is not priced',
    );
  });

  it('reads disk_size 0 beside a launch template as not set: the template decides the disk', () => {
    const c = estimate([
      {
        address: 'aws_launch_template.nodes',
        after: {
          name: 'nodes',
          id: 'lt-0123',
          instance_type: 't3.medium',
          block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 40, volume_type: 'gp3' }] }],
        },
      },
      {
        address: 'aws_eks_node_group.general',
        after: {
          cluster_name: 'prod',
          capacity_type: 'ON_DEMAND',
          disk_size: 0,
          launch_template: [{ id: 'lt-0123', name: null, version: '1' }],
          scaling_config: [{ desired_size: 1, min_size: 1, max_size: 1 }],
        },
        unknown: { instance_types: true },
        expressions: {
          cluster_name: { constant_value: 'prod' },
          disk_size: { constant_value: 0 },
          launch_template: [{ id: { references: ['aws_launch_template.nodes.id', 'aws_launch_template.nodes'] } }],
          scaling_config: [{}],
        },
      },
    ]);
    const r = resource(c, 'aws_eks_node_group.general');
    // 0.0416 × 730 = 30.368 + 40 × 0.08 = 3.2 → 33.568
    expect(r.monthlyAfter).toBeCloseTo(33.568, 9);
    expect(r.description).toBe('1 × t3.medium + 40 GB gp3');
  });

  it('lists an instance type without a price in the region as unpriced', () => {
    const r = resource(
      estimate([nodeGroup({ instance_types: ['m5.large'] })], { spec: { region: 'eu-west-1' } }),
      'aws_eks_node_group.general',
    );
    expect(r.monthlyAfter).toBeNull();
    expect(r.unpriced.map((u) => u.reason)).toEqual(['no price for ec2/m5.large/hour in eu-west-1 in the price snapshot of 2026-11-22']);
  });
});

describe('aws_eks_fargate_profile', () => {
  const profile = {
    address: 'aws_eks_fargate_profile.web',
    after: { cluster_name: 'prod', fargate_profile_name: 'web', selector: [{ namespace: 'web', labels: null }] },
  };

  it('is usage-based with no figure unless pods are declared', () => {
    const c = estimate([profile, { address: 'aws_eks_cluster.prod', after: { name: 'prod', version: '1.35' } }]);
    const r = resource(c, 'aws_eks_fargate_profile.web');
    expect(r.usageBased).toBe(true);
    expect(r.monthlyAfter).toBeNull();
    // the totals leave it out rather than becoming unknown
    expect(c.monthlyAfter).toBeCloseTo(73, 9);
    expect(c.notes).toEqual(['totals leave out usage-based resources: aws_eks_fargate_profile.web']);
  });

  it('prices declared pods at EKS Fargate size: +256 MB, rounded up to the next valid size', () => {
    const c = estimate([profile], {
      cost: { eksFargatePods: { 'aws_eks_fargate_profile.web': [{ namespace: 'web', count: 4, cpu: 1, memory: '8Gi' }] } },
    });
    const r = resource(c, 'aws_eks_fargate_profile.web');
    // 1 vCPU / 8 GB + 256 MB = 8.25 GB: no 1-vCPU size fits, so 2 vCPU / 9 GB
    // pod-hour: 2 × 0.04048 + 9 × 0.004445 = 0.08096 + 0.040005 = 0.120965; × 730 × 4 = 353.2178
    expect(r.monthlyAfter).toBeCloseTo(353.2178, 9);
    expect(r.components.map((k) => [k.name, k.quantity])).toEqual([
      ['Fargate vCPU: 4 pods in web at 2 vCPU / 9 GB', 5840],
      ['Fargate memory: 4 pods in web at 2 vCPU / 9 GB', 26280],
    ]);
  });
});
