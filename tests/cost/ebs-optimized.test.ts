import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyOf, productQuery } from '../../src/cost/price-list.js';
import { ASG_ON_LAUNCH_TEMPLATE, estimate, resource } from './helpers.js';

/*
 * us-east-1 on-demand Linux in the snapshot: m3.xlarge $0.266/h, m5.large $0.096/h. EBS
 * optimization is optional on m3.xlarge (billed per instance-hour when on) and included on
 * m5.large. The snapshot has no EBS-optimized fee: a test price file gives m3.xlarge $0.05/h.
 * The group runs 2 instances (min 1, max 3); a month is 730 hours.
 */
const ltAsg = (type: string, lt: Record<string, unknown>, ltUnknown: Record<string, unknown> = {}) => [
  {
    address: 'aws_launch_template.app',
    after: { name: 'app', instance_type: type, block_device_mappings: [], monitoring: [], placement: [], ...lt },
    unknown: { id: true, ...ltUnknown },
  },
  ASG_ON_LAUNCH_TEMPLATE,
];

const lcAsg = (lc: Record<string, unknown>) => [
  {
    address: 'aws_launch_configuration.lc',
    after: { name: 'lc', image_id: 'ami-1', instance_type: 'm3.xlarge', enable_monitoring: false, root_block_device: [], ...lc },
    unknown: { ebs_block_device: true },
  },
  {
    address: 'aws_autoscaling_group.lc',
    after: {
      name: 'lc',
      min_size: 1,
      max_size: 3,
      desired_capacity: 2,
      launch_configuration: 'lc',
      launch_template: [],
      mixed_instances_policy: [],
    },
  },
];

function feeFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cpc-ebsopt-')), 'prices.json');
  writeFileSync(
    file,
    JSON.stringify({
      sources: { 'ebsopt-test': { description: 'test fee', date: '2026-11-30' } },
      regions: { 'us-east-1': { 'ec2-ebs-optimized/m3.xlarge/hour': { usd: 0.05, src: 'ebsopt-test' } } },
    }),
  );
  return file;
}

const rows = (r: ReturnType<typeof resource>) => r.components.map((k) => [k.name, k.quantity, k.unitPrice]);

describe('EBS-optimized fee of a launch template or launch configuration', () => {
  it('adds the fee per instance-hour on a type where EBS optimization is optional, unpriced until its price is loaded, never $0', () => {
    const r = resource(estimate(ltAsg('m3.xlarge', { ebs_optimized: 'true' })), 'aws_autoscaling_group.app');
    expect(rows(r)).toEqual([
      ['Instances m3.xlarge (on-demand)', 1460, 0.266],
      ['EBS-optimized m3.xlarge', 1460, null],
    ]);
    expect(r.monthlyAfter).toBeNull();
    expect(r.unpriced.map((u) => u.reason)).toContain(
      'no price for ec2-ebs-optimized/m3.xlarge/hour in us-east-1 in the price snapshot of 2026-11-22',
    );
  });

  it('prices the fee from a price file, over the group and its range', () => {
    const c = estimate(ltAsg('m3.xlarge', { ebs_optimized: 'true' }), { cost: { priceFile: feeFile() } });
    const r = resource(c, 'aws_autoscaling_group.app');
    expect(rows(r)).toEqual([
      ['Instances m3.xlarge (on-demand)', 1460, 0.266],
      ['EBS-optimized m3.xlarge', 1460, 0.05],
    ]);
    // per instance (0.266 + 0.05) × 730 = 230.68
    expect(r.monthlyAfter).toBeCloseTo(2 * 230.68, 9);
    expect(r.min).toBeCloseTo(230.68, 9);
    expect(r.max).toBeCloseTo(3 * 230.68, 9);
    expect(r.unpriced).toEqual([]);
  });

  it('adds nothing on a type that is EBS-optimized by default', () => {
    const r = resource(estimate(ltAsg('m5.large', { ebs_optimized: 'true' })), 'aws_autoscaling_group.app');
    expect(rows(r)).toEqual([['Instances m5.large (on-demand)', 1460, 0.096]]);
    expect(r.monthlyAfter).toBeCloseTo(140.16, 9);
    expect((r.notes ?? []).filter((n) => /EBS optimi/.test(n))).toEqual([]);
  });

  it('adds nothing when EBS optimization is off or not set', () => {
    for (const lt of [{ ebs_optimized: 'false' }, {}]) {
      const r = resource(estimate(ltAsg('m3.xlarge', lt)), 'aws_autoscaling_group.app');
      expect(rows(r)).toEqual([['Instances m3.xlarge (on-demand)', 1460, 0.266]]);
      // 2 × 0.266 × 730 = 388.36
      expect(r.monthlyAfter).toBeCloseTo(388.36, 9);
    }
  });

  it('keeps the fee unknown when ebs_optimized is known only after apply', () => {
    const [lt, asg] = ltAsg('m3.xlarge', {}, { ebs_optimized: true });
    const c = estimate([
      {
        ...lt!,
        expressions: {
          name: { constant_value: 'app' },
          instance_type: { constant_value: 'm3.xlarge' },
          ebs_optimized: { references: ['var.ebs_optimized'] },
        },
      },
      asg!,
    ]);
    const r = resource(c, 'aws_autoscaling_group.app');
    const fee = r.components.find((k) => k.name === 'EBS-optimized m3.xlarge');
    expect(fee).toMatchObject({ quantity: null, monthly: null });
    expect(r.monthlyAfter).toBeNull();
  });

  it('reads a launch configuration: true bills the fee, not set (false) does not', () => {
    const on = resource(estimate(lcAsg({ ebs_optimized: true })), 'aws_autoscaling_group.lc');
    expect(rows(on)).toEqual([
      ['Instances m3.xlarge (on-demand)', 1460, 0.266],
      ['EBS-optimized m3.xlarge', 1460, null],
    ]);
    const unset = resource(estimate(lcAsg({})), 'aws_autoscaling_group.lc');
    expect(rows(unset)).toEqual([['Instances m3.xlarge (on-demand)', 1460, 0.266]]);
  });

  it('adds the fee to an EKS node group whose launch template turns it on', () => {
    const c = estimate([
      {
        address: 'aws_launch_template.nodes',
        after: { name: 'nodes', id: 'lt-0123', instance_type: 'm3.xlarge', ebs_optimized: 'true', block_device_mappings: [] },
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
    expect(rows(r)).toEqual([
      ['Instances m3.xlarge (on-demand)', 1460, 0.266],
      ['EBS-optimized m3.xlarge', 1460, null],
    ]);
    expect(r.monthlyAfter).toBeNull();
  });
});

describe('EBS-optimized fee in the Price List', () => {
  it('reads the AmazonEC2 usage type EBSOptimized:<type>, region-prefixed as BoxUsage', () => {
    expect(keyOf('AmazonEC2', 'us-east-1', { attributes: { regionCode: 'us-east-1', usagetype: 'EBSOptimized:m3.xlarge' } })).toBe(
      'ec2-ebs-optimized/m3.xlarge/hour',
    );
    expect(
      keyOf('AmazonEC2', 'eu-central-1', { attributes: { regionCode: 'eu-central-1', usagetype: 'EUC1-EBSOptimized:m3.xlarge' } }),
    ).toBe('ec2-ebs-optimized/m3.xlarge/hour');
    expect(
      keyOf('AmazonEC2', 'eu-central-1', { attributes: { regionCode: 'eu-central-1', usagetype: 'USE2-EBSOptimized:m3.xlarge' } }),
    ).toBeUndefined();
    // The offer has rows for types optimized by default too: they give no key.
    expect(
      keyOf('AmazonEC2', 'us-east-1', { attributes: { regionCode: 'us-east-1', usagetype: 'EBSOptimized:m5.large' } }),
    ).toBeUndefined();
  });

  it('asks the live Price List for the usage type of the key', () => {
    expect(productQuery('us-east-1', 'ec2-ebs-optimized/m3.xlarge/hour')).toEqual({
      serviceCode: 'AmazonEC2',
      attributes: { regionCode: 'us-east-1', usagetype: 'EBSOptimized:m3.xlarge' },
    });
    expect(productQuery('eu-central-1', 'ec2-ebs-optimized/r3.xlarge/hour')).toEqual({
      serviceCode: 'AmazonEC2',
      attributes: { regionCode: 'eu-central-1', usagetype: 'EUC1-EBSOptimized:r3.xlarge' },
    });
  });
});
