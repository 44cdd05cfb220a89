import { describe, expect, it } from 'vitest';
import { ECS_LB_TARGET_TYPE } from '../../../src/checks/rules/ecs/ECS_LB_TARGET_TYPE.js';
import { check } from '../helpers.js';
import { constant, ref } from '../../helpers/plan.js';
import { lbTo, service, targetGroup, taskDef } from './fixtures.js';

/** A service with one `load_balancer` block per target group, each linked by reference. */
function lbService(over: Record<string, unknown>, ...tgs: string[]) {
  const blocks = tgs.map(lbTo);
  return service(
    'web',
    { load_balancer: blocks.map((b) => b.after), ...over },
    { unknown: { load_balancer: blocks.map((b) => b.unknown) }, expressions: { load_balancer: blocks.map((b) => b.expressions) } },
  );
}

describe('ECS_LB_TARGET_TYPE', () => {
  it('flags an awsvpc service behind an instance target group', () => {
    const fs = check(ECS_LB_TARGET_TYPE, [taskDef('web'), targetGroup('web', 'instance'), lbService({}, 'web')]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_LB_TARGET_TYPE',
      severity: 'error',
      address: 'aws_ecs_service.web',
      path: 'load_balancer[0].target_group_arn',
    });
    expect(fs[0]!.message).toContain(
      'target group aws_lb_target_group.web has target_type "instance", but task definition aws_ecs_task_definition.web uses network_mode "awsvpc"',
    );
    expect(fs[0]!.message).toContain('set target_type = "ip"');
  });

  it('reads a missing target_type as the default "instance"', () => {
    const fs = check(ECS_LB_TARGET_TYPE, [taskDef('web'), targetGroup('web', null), lbService({}, 'web')]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('target_type "instance" (the default)');
  });

  it('flags a bridge service behind an ip target group, naming the right load_balancer block', () => {
    const fs = check(ECS_LB_TARGET_TYPE, [
      taskDef('web', { network_mode: 'bridge', requires_compatibilities: ['EC2'] }),
      targetGroup('a', 'instance'),
      targetGroup('b', 'ip'),
      lbService({ launch_type: 'EC2', network_configuration: [] }, 'a', 'b'),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.path).toBe('load_balancer[1].target_group_arn');
    expect(fs[0]!.message).toContain('aws_lb_target_group.b has target_type "ip"');
    expect(fs[0]!.message).toContain('set target_type = "instance"');
  });

  it('follows each load_balancer block to its own target group through the graph, also when two blocks name the same one', () => {
    const fs = check(ECS_LB_TARGET_TYPE, [
      taskDef('web'),
      targetGroup('a', 'instance'),
      targetGroup('b', 'ip'),
      lbService({}, 'b', 'a', 'a'),
    ]);
    expect(fs.map((f) => f.path)).toEqual(['load_balancer[1].target_group_arn', 'load_balancer[2].target_group_arn']);
    expect(fs.every((f) => f.message.includes('target group aws_lb_target_group.a has target_type "instance"'))).toBe(true);
  });

  it('accepts matching target types', () => {
    expect(check(ECS_LB_TARGET_TYPE, [taskDef('web'), targetGroup('web', 'ip'), lbService({}, 'web')])).toEqual([]);
    expect(
      check(ECS_LB_TARGET_TYPE, [
        taskDef('web', { network_mode: 'host' }),
        targetGroup('web', 'instance'),
        lbService({ launch_type: 'EC2' }, 'web'),
      ]),
    ).toEqual([]);
  });

  it('says nothing when target_type or the network mode is unknown', () => {
    expect(
      check(ECS_LB_TARGET_TYPE, [taskDef('web'), targetGroup('web', null, { unknown: { target_type: true } }), lbService({}, 'web')]),
    ).toEqual([]);
    expect(
      check(ECS_LB_TARGET_TYPE, [
        taskDef('web', { network_mode: null }, { unknown: { network_mode: true } }),
        targetGroup('web', 'instance'),
        lbService({}, 'web'),
      ]),
    ).toEqual([]);
  });
});

describe('ECS_LB_TARGET_TYPE and the alternate target group of blue/green deployments', () => {
  function blueGreen(alt: string) {
    const b = lbTo('blue');
    return service(
      'web',
      {
        deployment_configuration: [{ strategy: 'BLUE_GREEN', bake_time_in_minutes: '15' }],
        load_balancer: [
          {
            ...b.after,
            advanced_configuration: [
              {
                alternate_target_group_arn: null,
                production_listener_rule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3',
                role_arn: 'arn:aws:iam::123456789012:role/ecs-blue-green',
              },
            ],
          },
        ],
      },
      {
        unknown: { load_balancer: [{ ...b.unknown, advanced_configuration: [{ alternate_target_group_arn: true }] }] },
        expressions: {
          load_balancer: [
            {
              ...b.expressions,
              advanced_configuration: [
                {
                  alternate_target_group_arn: ref(`aws_lb_target_group.${alt}.arn`, `aws_lb_target_group.${alt}`),
                  production_listener_rule: constant('arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3'),
                  role_arn: constant('arn:aws:iam::123456789012:role/ecs-blue-green'),
                },
              ],
            },
          ],
        },
      },
    );
  }

  it('flags an alternate target group whose target_type does not match awsvpc', () => {
    const fs = check(ECS_LB_TARGET_TYPE, [taskDef('web'), targetGroup('blue', 'ip'), targetGroup('green', 'instance'), blueGreen('green')]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.path).toBe('load_balancer[0].advanced_configuration[0].alternate_target_group_arn');
    expect(fs[0]!.message).toContain('alternate target group aws_lb_target_group.green has target_type "instance"');
  });

  it('accepts ip target groups on both sides', () => {
    expect(check(ECS_LB_TARGET_TYPE, [taskDef('web'), targetGroup('blue', 'ip'), targetGroup('green', 'ip'), blueGreen('green')])).toEqual(
      [],
    );
  });
});
