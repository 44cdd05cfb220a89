import { ref } from '../../helpers/plan.js';
import { describe, expect, it } from 'vitest';
import { ECS_AWSVPC_NETCONF } from '../../../src/checks/rules/ecs/ECS_AWSVPC_NETCONF.js';
import { check } from '../helpers.js';
import { service, taskDef } from './fixtures.js';

const ec2 = { launch_type: 'EC2' };

describe('ECS_AWSVPC_NETCONF', () => {
  it('flags an awsvpc task without network_configuration', () => {
    const fs = check(ECS_AWSVPC_NETCONF, [taskDef('web'), service('web', { network_configuration: [] })]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_AWSVPC_NETCONF',
      severity: 'error',
      address: 'aws_ecs_service.web',
      path: 'network_configuration',
    });
    expect(fs[0]!.message).toContain(
      'task definition aws_ecs_task_definition.web uses network_mode "awsvpc", which needs a network_configuration block',
    );
  });

  it('flags network_configuration on a bridge task, and on a task that leaves network_mode to the default', () => {
    const bridge = check(ECS_AWSVPC_NETCONF, [
      taskDef('web', { network_mode: 'bridge', requires_compatibilities: ['EC2'] }),
      service('web', ec2),
    ]);
    expect(bridge).toHaveLength(1);
    expect(bridge[0]!.message).toContain(
      'network_configuration is set, but task definition aws_ecs_task_definition.web uses network_mode "bridge"',
    );
    const dflt = check(ECS_AWSVPC_NETCONF, [
      taskDef('web', { network_mode: null, requires_compatibilities: ['EC2'] }),
      service('web', ec2),
    ]);
    expect(dflt).toHaveLength(1);
    expect(dflt[0]!.message).toContain('network_mode not set (ECS uses "bridge")');
  });

  it('accepts awsvpc with network_configuration and bridge without', () => {
    expect(check(ECS_AWSVPC_NETCONF, [taskDef('web'), service('web')])).toEqual([]);
    expect(
      check(ECS_AWSVPC_NETCONF, [taskDef('web', { network_mode: 'bridge' }), service('web', { ...ec2, network_configuration: [] })]),
    ).toEqual([]);
  });

  it('says nothing when the network mode or the block is unknown', () => {
    expect(
      check(ECS_AWSVPC_NETCONF, [
        taskDef('web', { network_mode: null }, { unknown: { network_mode: true } }),
        service('web', { network_configuration: [] }),
      ]),
    ).toEqual([]);
    expect(
      check(ECS_AWSVPC_NETCONF, [
        taskDef('web'),
        service(
          'web',
          { network_configuration: null },
          { unknown: { network_configuration: true }, expressions: { network_configuration: ref('var.network_configuration') } },
        ),
      ]),
    ).toEqual([]);
  });
});
