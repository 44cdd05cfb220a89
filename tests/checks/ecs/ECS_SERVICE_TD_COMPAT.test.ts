import { describe, expect, it } from 'vitest';
import { ECS_SERVICE_TD_COMPAT } from '../../../src/checks/rules/ecs/ECS_SERVICE_TD_COMPAT.js';
import { check } from '../helpers.js';
import { cluster, clusterProviders, service, strategy, taskDef } from './fixtures.js';

describe('ECS_SERVICE_TD_COMPAT', () => {
  it('flags a FARGATE service whose task definition requires only EC2', () => {
    const fs = check(ECS_SERVICE_TD_COMPAT, [taskDef('web', { requires_compatibilities: ['EC2'] }), service('web')]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_SERVICE_TD_COMPAT',
      severity: 'error',
      address: 'aws_ecs_service.web',
      path: 'task_definition',
    });
    expect(fs[0]!.message).toContain('launch_type "FARGATE"');
    expect(fs[0]!.message).toContain('aws_ecs_task_definition.web has requires_compatibilities ["EC2"]');
    expect(fs[0]!.message).toContain('Add "FARGATE" to requires_compatibilities');
  });

  it("follows the cluster's default strategy when the service sets no placement", () => {
    const fs = check(ECS_SERVICE_TD_COMPAT, [
      taskDef('web', { requires_compatibilities: ['EC2'] }),
      service('web', { launch_type: null }),
      cluster(),
      clusterProviders(['FARGATE_SPOT'], strategy(['FARGATE_SPOT', 1, 0])),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('the cluster\'s default capacity provider strategy "FARGATE_SPOT"');
  });

  it('accepts a task definition that lists FARGATE, and an EC2 service', () => {
    expect(check(ECS_SERVICE_TD_COMPAT, [taskDef('web', { requires_compatibilities: ['EC2', 'FARGATE'] }), service('web')])).toEqual([]);
    expect(
      check(ECS_SERVICE_TD_COMPAT, [taskDef('web', { requires_compatibilities: ['EC2'] }), service('web', { launch_type: 'EC2' })]),
    ).toEqual([]);
  });

  it('leaves a task definition without requires_compatibilities to ECS (it computes them)', () => {
    expect(check(ECS_SERVICE_TD_COMPAT, [taskDef('web', { requires_compatibilities: null }), service('web')])).toEqual([]);
  });

  it('says nothing when requires_compatibilities or the placement is unknown', () => {
    expect(check(ECS_SERVICE_TD_COMPAT, [taskDef('web', {}, { unknown: { requires_compatibilities: true } }), service('web')])).toEqual([]);
    expect(
      check(ECS_SERVICE_TD_COMPAT, [
        taskDef('web', { requires_compatibilities: ['EC2'] }),
        service('web', { launch_type: null }, { unknown: { launch_type: true } }),
      ]),
    ).toEqual([]);
  });
});
