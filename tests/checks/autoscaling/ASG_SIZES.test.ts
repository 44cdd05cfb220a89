import { describe, expect, it } from 'vitest';
import { ASG_SIZES } from '../../../src/checks/rules/autoscaling/ASG_SIZES.js';
import { ref, type ResSpec } from '../../helpers/plan.js';
import { check } from '../helpers.js';

const asg = (over: Record<string, unknown> = {}, extra: Partial<ResSpec> = {}): ResSpec => ({
  address: 'aws_autoscaling_group.workers',
  after: { name: 'workers', min_size: 1, max_size: 4, desired_capacity: 2, vpc_zone_identifier: ['subnet-0aaa'], ...over },
  unknown: { id: true, arn: true },
  ...extra,
});
const ttPolicy: ResSpec = {
  address: 'aws_autoscaling_policy.cpu',
  after: {
    name: 'cpu',
    policy_type: 'TargetTrackingScaling',
    target_tracking_configuration: [
      { target_value: 50, predefined_metric_specification: [{ predefined_metric_type: 'ASGAverageCPUUtilization' }] },
    ],
  },
  unknown: { id: true, arn: true, autoscaling_group_name: true },
  expressions: {
    policy_type: { constant_value: 'TargetTrackingScaling' },
    autoscaling_group_name: ref('aws_autoscaling_group.workers.name', 'aws_autoscaling_group.workers'),
  },
};

describe('ASG_SIZES', () => {
  it('fails min_size above max_size', () => {
    const f = check(ASG_SIZES, [asg({ min_size: 5, max_size: 3, desired_capacity: 4 })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'ASG_SIZES', severity: 'error', address: 'aws_autoscaling_group.workers', path: 'min_size' });
    expect(f[0]!.message).toContain('min_size 5 is greater than max_size 3');
  });

  it('fails a configured desired_capacity outside min–max', () => {
    const f = check(ASG_SIZES, [asg({ desired_capacity: 6 })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', path: 'desired_capacity' });
    expect(f[0]!.message).toContain('desired_capacity 6 is outside min_size 1 – max_size 4');
  });

  it('leaves desired_capacity to AWS when it is not configured or is in ignore_changes', () => {
    // Raising min_size above the live desired capacity: AWS raises the desired capacity itself.
    const raised = asg(
      { min_size: 3, desired_capacity: 2 },
      {
        actions: ['update'],
        before: { name: 'workers', min_size: 1, max_size: 4, desired_capacity: 2 },
        expressions: { min_size: { constant_value: 3 }, max_size: { constant_value: 4 } },
      },
    );
    expect(check(ASG_SIZES, [raised])).toEqual([]);
    expect(
      check(ASG_SIZES, [asg({ desired_capacity: 6 })], { ignoreChanges: { 'aws_autoscaling_group.workers': ['desired_capacity'] } }),
    ).toEqual([]);
  });

  it('warns when a target tracking policy scales a group with min_size = max_size', () => {
    const f = check(ASG_SIZES, [asg({ min_size: 2, max_size: 2, desired_capacity: 2 }), ttPolicy]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', path: 'max_size' });
    expect(f[0]!.message).toContain('aws_autoscaling_policy.cpu');
    expect(check(ASG_SIZES, [asg({ min_size: 2, max_size: 2, desired_capacity: 2 })])).toEqual([]);
    expect(check(ASG_SIZES, [asg(), ttPolicy])).toEqual([]);
  });

  it('says nothing when a size is known only after apply', () => {
    expect(check(ASG_SIZES, [asg({ max_size: undefined, min_size: 5 }, { unknown: { max_size: true } })])).toEqual([]);
    expect(check(ASG_SIZES, [asg({ desired_capacity: undefined }, { unknown: { desired_capacity: true } })])).toEqual([]);
  });
});
