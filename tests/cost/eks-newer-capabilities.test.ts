import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimate, resource } from './helpers.js';

/*
 * EKS capabilities priced or noted beyond the control plane: Provisioned Control Plane tiers
 * (per tier-hour, no price in the embedded snapshot), EKS Auto Mode compute and Hybrid Nodes
 * (usage-based notes), Capacity Blocks on node groups and Auto Scaling groups (prepaid), and
 * EKS Capabilities (aws_eks_capability, usage-based).
 */
const A = 'aws_eks_cluster.big';
const cluster = (extra: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) => ({
  address: A,
  after: { name: 'big', version: '1.35', upgrade_policy: [], ...extra },
  ...spec,
});

describe('EKS Provisioned Control Plane', () => {
  it('a tier-xl cluster is not priced as a $73 standard control plane: its tier price is unpriced, with the reason', () => {
    const r = resource(estimate([cluster({ control_plane_scaling_config: [{ tier: 'tier-xl' }] })]), A);
    expect(r.monthlyAfter).toBeNull();
    expect(r.components.map((c) => [c.name, c.unit, c.quantity, c.unitPrice])).toEqual([
      ['EKS Provisioned Control Plane (tier-xl)', 'tier-hours', 730, null],
    ]);
    expect(r.unpriced).toEqual([
      expect.objectContaining({
        item: 'EKS Provisioned Control Plane (tier-xl)',
        reason: expect.stringContaining('no price for eks/provisioned-control-plane/tier-xl/hour in us-east-1'),
      }),
    ]);
    expect(r.description).toBe('Kubernetes 1.35, standard support, Provisioned Control Plane tier-xl');
  });

  it('prices the tier from a price file when one gives it', () => {
    const priceFile = join(mkdtempSync(join(tmpdir(), 'cpc-pcp-')), 'prices.json');
    writeFileSync(
      priceFile,
      JSON.stringify({
        sources: { 'test-price': { description: 'a price given for this test', date: '2026-11-22' } },
        regions: { 'us-east-1': { 'eks/provisioned-control-plane/tier-xl/hour': { usd: 1.5, src: 'test-price' } } },
      }),
    );
    const r = resource(estimate([cluster({ control_plane_scaling_config: [{ tier: 'tier-xl' }] })], { cost: { priceFile } }), A);
    // 730 × 1.50 = 1095
    expect(r.monthlyAfter).toBeCloseTo(1095, 9);
  });

  it('a standard tier, written or left to EKS, is the $0.10 control plane; an unknown tier is not priced', () => {
    expect(resource(estimate([cluster({ control_plane_scaling_config: [{ tier: 'standard' }] })]), A).monthlyAfter).toBeCloseTo(73, 9);
    expect(resource(estimate([cluster()]), A).monthlyAfter).toBeCloseTo(73, 9);
    const unknown = cluster(
      { control_plane_scaling_config: [{ tier: null }] },
      {
        unknown: { control_plane_scaling_config: [{ tier: true }] },
        expressions: { name: { constant_value: 'big' }, control_plane_scaling_config: [{ tier: { references: ['var.tier'] } }] },
      },
    );
    const r = resource(estimate([unknown]), A);
    expect(r.monthlyAfter).toBeNull();
    expect(r.notes).toEqual([expect.stringContaining('control_plane_scaling_config.tier is known only after apply')]);
  });
});

describe('usage-based EKS notes on the cluster', () => {
  it('notes that Auto Mode compute is EC2 plus a per-instance management fee, not priced', () => {
    const auto = {
      compute_config: [{ enabled: true, node_pools: ['general-purpose'], node_role_arn: 'arn:aws:iam::123456789012:role/node' }],
      storage_config: [{ block_storage: [{ enabled: true }] }],
      kubernetes_network_config: [{ elastic_load_balancing: [{ enabled: true }] }],
      bootstrap_self_managed_addons: false,
    };
    const r = resource(estimate([cluster(auto)]), A);
    expect(r.monthlyAfter).toBeCloseTo(73, 9);
    expect(r.notes).toEqual([expect.stringContaining('EKS Auto Mode compute is usage-based and not priced here')]);
    expect(r.notes![0]).toContain('eks-auto/<instance type>/hour');
    expect(resource(estimate([cluster()]), A).notes).toBeUndefined();
  });

  it('notes Hybrid Nodes billing per vCPU-hour when remote_network_config is set', () => {
    const r = resource(
      estimate([cluster({ remote_network_config: [{ remote_node_networks: [{ cidrs: ['10.80.0.0/16'] }], remote_pod_networks: [] }] })]),
      A,
    );
    expect(r.notes).toEqual([expect.stringContaining('EKS Hybrid Nodes (remote_network_config) are usage-based')]);
  });
});

describe('Capacity Blocks for ML', () => {
  const ng = (capacity_type: string) => ({
    address: 'aws_eks_node_group.gpu',
    after: {
      cluster_name: 'big',
      capacity_type,
      instance_types: ['p5.48xlarge'],
      ami_type: 'AL2023_x86_64_NVIDIA',
      disk_size: 200,
      launch_template: [],
      scaling_config: [{ desired_size: 2, min_size: 2, max_size: 2 }],
    },
  });

  it('a CAPACITY_BLOCK node group is a prepaid reservation: no on-demand price, an unpriced entry saying why', () => {
    const r = resource(estimate([ng('CAPACITY_BLOCK')]), 'aws_eks_node_group.gpu');
    expect(r.components).toEqual([]);
    expect(r.monthlyAfter).toBeNull();
    expect(r.unpriced).toEqual([
      {
        item: 'Instances (Capacity Block)',
        reason: expect.stringContaining(
          'capacity_type CAPACITY_BLOCK runs the instances in an EC2 Capacity Block, a reservation paid up front',
        ),
      },
    ]);
    // The same group on demand has an instance price.
    expect(resource(estimate([ng('ON_DEMAND')]), 'aws_eks_node_group.gpu').components[0]!.name).toContain('p5.48xlarge');
  });

  it('an Auto Scaling group whose launch template targets a Capacity Block is not priced on demand', () => {
    const c = estimate([
      {
        address: 'aws_launch_template.gpu',
        after: { name: 'gpu', id: 'lt-0gpu', instance_type: 'p5.48xlarge', instance_market_options: [{ market_type: 'capacity-block' }] },
      },
      {
        address: 'aws_autoscaling_group.gpu',
        after: {
          name: 'gpu',
          min_size: 1,
          max_size: 1,
          desired_capacity: 1,
          launch_template: [{ id: 'lt-0gpu', name: null, version: '$Latest' }],
        },
      },
    ]);
    const r = resource(c, 'aws_autoscaling_group.gpu');
    expect(r.components).toEqual([]);
    expect(r.monthlyAfter).toBeNull();
    expect(r.unpriced[0]!.reason).toContain(
      'aws_launch_template.gpu (instance_market_options.market_type "capacity-block") runs the instances',
    );
  });
});

describe('EKS Capabilities (aws_eks_capability)', () => {
  it('is usage-based, left out of the totals with a note naming the capability, never $0', () => {
    const c = estimate([
      cluster(),
      {
        address: 'aws_eks_capability.argocd',
        after: {
          cluster_name: 'big',
          capability_name: 'argocd',
          type: 'ARGOCD',
          role_arn: 'arn:aws:iam::123456789012:role/argocd',
          delete_propagation_policy: 'RETAIN',
        },
      },
    ]);
    const r = resource(c, 'aws_eks_capability.argocd');
    expect(r.usageBased).toBe(true);
    expect(r.monthlyAfter).toBeNull();
    expect(r.notes).toEqual([expect.stringContaining('Argo CD (ARGOCD) is billed for each hour it is enabled')]);
    expect(c.monthlyAfter).toBeCloseTo(73, 9);
    expect(c.notes).toEqual(['totals leave out usage-based resources: aws_eks_capability.argocd']);
  });
});
