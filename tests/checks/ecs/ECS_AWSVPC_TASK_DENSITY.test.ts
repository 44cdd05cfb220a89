import { describe, expect, it } from 'vitest';
import { ECS_AWSVPC_TASK_DENSITY } from '../../../src/checks/rules/ecs/ECS_AWSVPC_TASK_DENSITY.js';
import type { ResSpec } from '../../helpers/plan.js';
import { check } from '../helpers.js';
import {
  asg,
  capacityProvider,
  type Extra,
  cluster,
  clusterProviders,
  launchTemplate,
  scalingTarget,
  service,
  strategy,
  taskDef,
  trunkingSetting,
} from './fixtures.js';

const ec2Td = (over: Record<string, unknown> = {}) => taskDef('web', { requires_compatibilities: ['EC2'], ...over });

/** An awsvpc service on capacity provider "ec2": Auto Scaling group "ecs" (max_size 3) of `type` instances. */
function stack(
  opts: {
    desired?: number;
    type?: string | null;
    td?: ResSpec;
    asgOver?: Record<string, unknown>;
    asgExtra?: Extra;
    extra?: ResSpec[];
  } = {},
): ResSpec[] {
  return [
    opts.td ?? ec2Td(),
    service('web', { launch_type: null, desired_count: opts.desired ?? 7, capacity_provider_strategy: strategy(['ec2', 1, 0]) }),
    cluster(),
    clusterProviders(['ec2']),
    capacityProvider('ec2', 'ecs'),
    asg('ecs', { max_size: 3, ...opts.asgOver }, opts.asgExtra),
    launchTemplate('ecs', opts.type === undefined ? 'm5.large' : opts.type),
    ...(opts.extra ?? []),
  ];
}

describe('ECS_AWSVPC_TASK_DENSITY', () => {
  it('warns when desired_count exceeds the ENIs of the group at max_size', () => {
    const fs = check(ECS_AWSVPC_TASK_DENSITY, stack());
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_AWSVPC_TASK_DENSITY',
      severity: 'warning',
      address: 'aws_ecs_service.web',
      path: 'desired_count',
    });
    expect(fs[0]!.message).toContain('desired_count 7 awsvpc tasks need one ENI each, but the capacity providers can host at most 6');
    expect(fs[0]!.message).toContain('aws_autoscaling_group.ecs max_size 3 × 2 per "m5.large" (without ENI trunking, as ECS publishes it)');
    expect(fs[0]!.message).toContain('ENI trunking is not enabled in this plan');
  });

  it('a new group whose mixed_instances_policy is unknown only because the configuration leaves it out uses its launch template', () => {
    const fs = check(ECS_AWSVPC_TASK_DENSITY, stack({ asgExtra: { unknown: { mixed_instances_policy: true } } }));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('aws_autoscaling_group.ecs max_size 3 × 2 per "m5.large"');
    // A policy the configuration does write, unknown until apply, leaves the instance types unknown.
    const written = stack({
      asgExtra: {
        unknown: { mixed_instances_policy: true },
        expressions: { mixed_instances_policy: [{ launch_template: [{ override: { references: ['var.overrides'] } }] }] },
      },
    });
    expect(check(ECS_AWSVPC_TASK_DENSITY, written)).toEqual([]);
  });

  it('uses the ECS trunking limit when awsvpcTrunking is enabled', () => {
    expect(check(ECS_AWSVPC_TASK_DENSITY, stack({ extra: [trunkingSetting('enabled')] }))).toEqual([]);
    const fs = check(ECS_AWSVPC_TASK_DENSITY, stack({ desired: 31, extra: [trunkingSetting('enabled')] }));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain(
      'at most 30: aws_autoscaling_group.ecs max_size 3 × 10 per "m5.large" (with ENI trunking, as ECS publishes it)',
    );
    expect(fs[0]!.message).not.toContain('not enabled');
  });

  it('does not apply trunking to Windows container instances', () => {
    const windows = ec2Td({ runtime_platform: [{ operating_system_family: 'WINDOWS_SERVER_2022_CORE', cpu_architecture: 'X86_64' }] });
    const fs = check(ECS_AWSVPC_TASK_DENSITY, stack({ td: windows, extra: [trunkingSetting('enabled')] }));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('at most 6');
    expect(fs[0]!.message).toContain('ENI trunking does not apply to Windows container instances');
  });

  it("warns on the scaling target when auto scaling's max_capacity does not fit", () => {
    const fs = check(ECS_AWSVPC_TASK_DENSITY, stack({ desired: 2, extra: [scalingTarget('web', 12)] }));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ address: 'aws_appautoscaling_target.web', path: 'max_capacity', severity: 'warning' });
    expect(fs[0]!.message).toContain(
      'max_capacity 12 lets auto scaling run that many awsvpc tasks of aws_ecs_service.web, but its capacity providers can host at most 6',
    );
  });

  it('counts the best type of a mixed instances policy', () => {
    const mixed = {
      launch_template: [],
      mixed_instances_policy: [
        {
          launch_template: [
            {
              launch_template_specification: [{ launch_template_name: 'ecs' }],
              override: [
                { instance_type: 'm5.large', weighted_capacity: null },
                { instance_type: 'm5.xlarge', weighted_capacity: null },
              ],
            },
          ],
        },
      ],
    };
    const fs = check(ECS_AWSVPC_TASK_DENSITY, stack({ desired: 10, asgOver: mixed }));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('at most 9: aws_autoscaling_group.ecs max_size 3 × 3 per "m5.xlarge"');
  });

  it('accepts a count that fits, and services it does not apply to', () => {
    expect(check(ECS_AWSVPC_TASK_DENSITY, stack({ desired: 6 }))).toEqual([]);
    expect(check(ECS_AWSVPC_TASK_DENSITY, stack({ td: ec2Td({ network_mode: 'bridge' }) }))).toEqual([]);
    expect(check(ECS_AWSVPC_TASK_DENSITY, [taskDef('web'), service('web', { desired_count: 50 })])).toEqual([]);
  });

  it('says nothing when a value it needs is unknown or not in the facts', () => {
    expect(check(ECS_AWSVPC_TASK_DENSITY, stack({ asgOver: { max_size: null }, asgExtra: { unknown: { max_size: true } } }))).toEqual([]);
    expect(check(ECS_AWSVPC_TASK_DENSITY, stack({ type: null }))).toEqual([]);
    expect(check(ECS_AWSVPC_TASK_DENSITY, stack({ extra: [trunkingSetting('enabled', { unknown: { value: true } })] }))).toEqual([]);
    // A trunking-capable type ECS does not list: its trunking limit is not known.
    expect(check(ECS_AWSVPC_TASK_DENSITY, stack({ type: 'm7i.large', desired: 50, extra: [trunkingSetting('enabled')] }))).toEqual([]);
    expect(check(ECS_AWSVPC_TASK_DENSITY, stack({ type: 'x9z.unknown', desired: 50 }))).toEqual([]);
  });
});
