import { describe, expect, it } from 'vitest';
import { ASG_NO_LAUNCH_SOURCE } from '../../../src/checks/rules/autoscaling/ASG_NO_LAUNCH_SOURCE.js';
import { constant, ref, type ResSpec } from '../../helpers/plan.js';
import { check } from '../helpers.js';

/**
 * Groups written as Terraform writes a create plan: launch_template and mixed_instances_policy
 * are Optional+Computed, so when the configuration leaves them out they are unknown in the plan.
 */
const asg = (
  expressions: Record<string, unknown>,
  after: Record<string, unknown> = {},
  unknown: Record<string, unknown> = {},
): ResSpec => ({
  address: 'aws_autoscaling_group.workers',
  after: { min_size: 1, max_size: 3, vpc_zone_identifier: ['subnet-0aaa'], ...after },
  unknown: { id: true, arn: true, name: true, desired_capacity: true, launch_template: true, mixed_instances_policy: true, ...unknown },
  expressions: { min_size: constant(1), max_size: constant(3), vpc_zone_identifier: constant(['subnet-0aaa']), ...expressions },
});

describe('ASG_NO_LAUNCH_SOURCE', () => {
  it('fails a new group with no launch template, launch configuration or mixed instances policy', () => {
    const f = check(ASG_NO_LAUNCH_SOURCE, [asg({})]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'ASG_NO_LAUNCH_SOURCE',
      severity: 'error',
      address: 'aws_autoscaling_group.workers',
      path: 'launch_template',
    });
    expect(f[0]!.message).toContain('Valid requests must contain either LaunchTemplate');
  });

  it('accepts a launch template, a launch configuration or a mixed instances policy', () => {
    const lt = asg(
      { launch_template: [{ id: ref('aws_launch_template.node.id', 'aws_launch_template.node'), version: constant('$Latest') }] },
      { launch_template: [{ version: '$Latest' }] },
      { launch_template: [{ id: true, name: true }] },
    );
    const lc = asg({ launch_configuration: constant('workers-v1') }, { launch_configuration: 'workers-v1' });
    const mixed = asg(
      { mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_name: constant('node') }] }] }] },
      {
        mixed_instances_policy: [
          { launch_template: [{ launch_template_specification: [{ launch_template_name: 'node' }], override: [] }] },
        ],
      },
      {
        mixed_instances_policy: [
          {
            instances_distribution: true,
            launch_template: [{ launch_template_specification: [{ launch_template_id: true, version: true }], override: true }],
          },
        ],
      },
    );
    for (const g of [lt, lc, mixed]) expect(check(ASG_NO_LAUNCH_SOURCE, [g])).toEqual([]);
  });

  it('says nothing when a launch source is known only after apply, or the configuration cannot tell', () => {
    const lcRef = asg(
      { launch_configuration: ref('aws_launch_configuration.lc.name', 'aws_launch_configuration.lc') },
      {},
      { launch_configuration: true },
    );
    expect(check(ASG_NO_LAUNCH_SOURCE, [lcRef])).toEqual([]);
    // A launch_template written through a module variable whose value is known only after apply.
    const ltVar = asg(
      { launch_template: [{ id: ref('var.launch_template_id'), version: constant('$Latest') }] },
      { launch_template: [{ version: '$Latest' }] },
      { launch_template: [{ id: true, name: true }] },
    );
    expect(check(ASG_NO_LAUNCH_SOURCE, [ltVar])).toEqual([]);
  });

  it('does not judge a group the plan does not create', () => {
    const existing: ResSpec = {
      ...asg({}),
      actions: ['update'],
      before: { min_size: 1, max_size: 2, launch_template: [], mixed_instances_policy: [] },
      after: { min_size: 1, max_size: 3, launch_template: [], mixed_instances_policy: [] },
      unknown: {},
    };
    expect(check(ASG_NO_LAUNCH_SOURCE, [existing])).toEqual([]);
  });
});
