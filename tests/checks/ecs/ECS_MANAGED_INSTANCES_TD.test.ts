import { describe, expect, it } from 'vitest';
import { ECS_MANAGED_INSTANCES_TD } from '../../../src/checks/rules/ecs/ECS_MANAGED_INSTANCES_TD.js';
import { check } from '../helpers.js';
import { cluster, miProvider, service, strategy, taskDef } from './fixtures.js';

const onMi = () => service('web', { launch_type: null, capacity_provider_strategy: strategy(['mi', 1, 0]) });

describe('ECS_MANAGED_INSTANCES_TD', () => {
  it('flags a task definition that does not list MANAGED_INSTANCES', () => {
    const fs = check(ECS_MANAGED_INSTANCES_TD, [
      cluster(),
      miProvider('mi'),
      taskDef('web', { requires_compatibilities: ['FARGATE'] }),
      onMi(),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_MANAGED_INSTANCES_TD',
      severity: 'error',
      address: 'aws_ecs_service.web',
      path: 'task_definition',
    });
    expect(fs[0]!.message).toContain('requires_compatibilities ["FARGATE"]');
    expect(fs[0]!.message).toContain('capacity_provider_strategy "mi"');
  });

  it('flags the bridge network mode and an unset one, which Managed Instances does not run', () => {
    const bridge = check(ECS_MANAGED_INSTANCES_TD, [
      cluster(),
      miProvider('mi'),
      taskDef('web', { requires_compatibilities: ['MANAGED_INSTANCES'], network_mode: 'bridge' }),
      onMi(),
    ]);
    expect(bridge).toHaveLength(1);
    expect(bridge[0]!.message).toContain('network_mode "bridge"');
    const unset = check(ECS_MANAGED_INSTANCES_TD, [
      cluster(),
      miProvider('mi'),
      taskDef('web', { requires_compatibilities: ['MANAGED_INSTANCES'], network_mode: null }, { unknown: { network_mode: true } }),
      onMi(),
    ]);
    expect(unset).toHaveLength(1);
    expect(unset[0]!.message).toContain('network_mode not set');
  });

  it('accepts a MANAGED_INSTANCES task definition with awsvpc or host networking', () => {
    for (const mode of ['awsvpc', 'host']) {
      expect(
        check(ECS_MANAGED_INSTANCES_TD, [
          cluster(),
          miProvider('mi'),
          taskDef('web', { requires_compatibilities: ['MANAGED_INSTANCES'], network_mode: mode }),
          onMi(),
        ]),
      ).toEqual([]);
    }
  });

  it('says nothing for a provider the plan does not show to be a Managed Instances provider', () => {
    expect(
      check(ECS_MANAGED_INSTANCES_TD, [cluster(), taskDef('web', { requires_compatibilities: ['EC2'], network_mode: 'bridge' }), onMi()]),
    ).toEqual([]);
  });
});
