import { ref } from '../../helpers/plan.js';
import { describe, expect, it } from 'vitest';
import { ECS_HCGP_NO_LB } from '../../../src/checks/rules/ecs/ECS_HCGP_NO_LB.js';
import { check } from '../helpers.js';
import { container, lbTo, service, targetGroup, taskDef } from './fixtures.js';

describe('ECS_HCGP_NO_LB', () => {
  it('warns about a grace period with no load balancer and no container health check', () => {
    const fs = check(ECS_HCGP_NO_LB, [taskDef('web'), service('web', { health_check_grace_period_seconds: 60 })]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_HCGP_NO_LB',
      severity: 'warning',
      address: 'aws_ecs_service.web',
      path: 'health_check_grace_period_seconds',
    });
    expect(fs[0]!.message).toContain('health_check_grace_period_seconds 60 is set, but the service has no load_balancer');
    expect(fs[0]!.message).toContain('aws_ecs_task_definition.web has no container healthCheck');
  });

  it('accepts a grace period used by a load balancer or by a container health check', () => {
    const lb = lbTo('web');
    const withLb = service(
      'web',
      { health_check_grace_period_seconds: 60, load_balancer: [lb.after] },
      { unknown: { load_balancer: [lb.unknown] }, expressions: { load_balancer: [lb.expressions] } },
    );
    expect(check(ECS_HCGP_NO_LB, [taskDef('web'), targetGroup('web', 'ip'), withLb])).toEqual([]);
    const healthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30 };
    expect(
      check(ECS_HCGP_NO_LB, [
        taskDef('web', {}, {}, [container({ healthCheck })]),
        service('web', { health_check_grace_period_seconds: 60 }),
      ]),
    ).toEqual([]);
  });

  it('accepts 0, which the provider treats as not set', () => {
    expect(check(ECS_HCGP_NO_LB, [taskDef('web'), service('web', { health_check_grace_period_seconds: 0 })])).toEqual([]);
  });

  it('says nothing when the containers or the load balancers are unknown', () => {
    expect(
      check(ECS_HCGP_NO_LB, [
        taskDef(
          'web',
          { container_definitions: null },
          { unknown: { container_definitions: true }, expressions: { container_definitions: ref('var.containers') } },
        ),
        service('web', { health_check_grace_period_seconds: 60 }),
      ]),
    ).toEqual([]);
    expect(
      check(ECS_HCGP_NO_LB, [
        taskDef('web'),
        service(
          'web',
          { health_check_grace_period_seconds: 60, load_balancer: null },
          { unknown: { load_balancer: true }, expressions: { load_balancer: ref('var.load_balancers') } },
        ),
      ]),
    ).toEqual([]);
  });
});
