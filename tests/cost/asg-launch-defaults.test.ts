import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH } from '../../src/cost/component.js';
import { estimateCosts } from '../../src/cost/index.js';
import { priceBook } from '../../src/cost/prices.js';
import { resource } from './helpers.js';
import { fixtureContext } from '../helpers/context.js';

/*
 * fixtures/asg-launch-defaults.json: a create plan as Terraform writes it, where the
 * configuration leaves settings to AWS (absent from `after`, true in `after_unknown`):
 * an EBS mapping without volume_type, a launch configuration without root_block_device,
 * desired_capacity left out, a mixed instances policy without instances_distribution; and a
 * dedicated-tenancy launch template. Figures are derived from the embedded price snapshot.
 */
const FIXTURE = join(import.meta.dirname, '../../fixtures/asg-launch-defaults.json');
const book = priceBook(undefined);
const price = (key: string): number => {
  const p = book.get('us-east-1', key);
  if (!p) throw new Error(`no ${key} in the snapshot`);
  return p.usd;
};

async function estimateFixture() {
  const c = estimateCosts(await fixtureContext(FIXTURE));
  if (!c) throw new Error('no cost estimate');
  return c;
}

describe('fixtures/asg-launch-defaults.json', () => {
  it('prices an EBS mapping without volume_type as gp2 and gp3 without IOPS/throughput at its baseline; desired_capacity left out starts at min_size', async () => {
    const r = resource(await estimateFixture(), 'aws_autoscaling_group.web');
    const m5 = price('ec2/m5.large/hour') * HOURS_PER_MONTH;
    // per instance: m5.large + 50 GB gp2 (EC2's default type) + 100 GB gp3 (3,000 IOPS and 125 MiB/s included)
    const perInstance = m5 + 50 * price('ebs/gp2/gb-month') + 100 * price('ebs/gp3/gb-month');
    expect(r.components.map((k) => [k.name, k.quantity])).toEqual([
      ['Instances m5.large (on-demand)', 2 * HOURS_PER_MONTH],
      ['EBS /dev/xvdb (gp2, 50 GB)', 100],
      ['EBS /dev/xvdc (gp3, 100 GB)', 200],
    ]);
    expect(r.monthlyAfter).toBeCloseTo(2 * perInstance, 9); // min_size 2
    expect(r.min).toBeCloseTo(2 * perInstance, 9);
    expect(r.max).toBeCloseTo(6 * perInstance, 9);
    expect(r.unpriced).toEqual([]);
    expect(r.notes?.join('\n')).not.toMatch(/known only after apply/);
  });

  it("prices a launch configuration's instances without root_block_device, notes the AMI's root volume, and bills detailed monitoring (on by default) as CloudWatch metrics", async () => {
    const r = resource(await estimateFixture(), 'aws_autoscaling_group.legacy');
    expect(r.components.map((k) => [k.name, k.quantity, k.unitPrice])).toEqual([
      ['Instances t3.medium (on-demand)', 2 * HOURS_PER_MONTH, price('ec2/t3.medium/hour')],
      // 7 metrics × 2 instances at the CloudWatch metric price
      ['CloudWatch detailed monitoring (7 metrics per instance)', 14, price('cloudwatch/metric-month')],
    ]);
    expect(price('cloudwatch/metric-month')).toBe(0.3);
    const perInstance = price('ec2/t3.medium/hour') * HOURS_PER_MONTH + 7 * price('cloudwatch/metric-month');
    expect(r.components[0]!.monthly).toBeCloseTo(2 * price('ec2/t3.medium/hour') * HOURS_PER_MONTH, 9);
    expect(r.monthlyAfter).toBeCloseTo(2 * perInstance, 9);
    expect(r.unpriced).toEqual([]);
    expect(r.notes).toContain(
      "aws_launch_configuration.legacy sets no root_block_device: the instances use the AMI's root volume, whose size and type are not in the plan (not priced)",
    );
    expect(r.notes?.join('\n')).not.toMatch(/known only after apply/);
  });

  it('prices dedicated tenancy at the Dedicated Instance rate, never the shared one (unpriced while the snapshot has none)', async () => {
    const r = resource(await estimateFixture(), 'aws_autoscaling_group.dedicated');
    expect(book.get('us-east-1', 'ec2-dedicated/m5.large/hour')).toBeUndefined();
    expect(r.components.map((k) => [k.name, k.quantity, k.unitPrice])).toEqual([
      ['Instances m5.large (on-demand, dedicated)', HOURS_PER_MONTH, null],
    ]);
    expect(r.monthlyAfter).toBeNull();
    expect(r.unpriced.map((u) => u.reason)).toEqual([
      'no price for ec2-dedicated/m5.large/hour in us-east-1 in the price snapshot of 2026-11-22',
    ]);
  });

  it('reads a mixed instances policy without instances_distribution as AWS does: base 0, 100% on-demand above it', async () => {
    const r = resource(await estimateFixture(), 'aws_autoscaling_group.mixed');
    const m5 = price('ec2/m5.large/hour') * HOURS_PER_MONTH;
    expect(r.components.map((k) => [k.name, k.quantity])).toEqual([['Instances m5.large (on-demand)', 4 * HOURS_PER_MONTH]]);
    expect(r.monthlyAfter).toBeCloseTo(4 * m5, 9);
    expect(r.min).toBeCloseTo(2 * m5, 9);
    expect(r.max).toBeCloseTo(8 * m5, 9);
    expect(r.notes).toContain('4 capacity units: 4 on-demand, 0 Spot');
    expect(
      r.notes?.some((n) =>
        n.startsWith(
          'mixed instances: on-demand base 0 (not set: the AWS default), then 100% on-demand above it (not set: the AWS default)',
        ),
      ),
    ).toBe(true);
    expect(r.notes).toContain(
      "aws_launch_template.mixed maps no EBS block device: the instances use the AMI's root volume, whose size and type are not in the plan (not priced)",
    );
  });
});
