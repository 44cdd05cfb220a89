import { describe, expect, it } from 'vitest';
import { ECS_CIRCUIT_BREAKER } from '../../../src/checks/rules/ecs/ECS_CIRCUIT_BREAKER.js';
import { check } from '../helpers.js';
import { service } from './fixtures.js';

describe('ECS_CIRCUIT_BREAKER', () => {
  it('warns about a rolling service without a circuit breaker', () => {
    const fs = check(ECS_CIRCUIT_BREAKER, [service('web', { deployment_circuit_breaker: [] })]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_CIRCUIT_BREAKER',
      severity: 'warning',
      address: 'aws_ecs_service.web',
      path: 'deployment_circuit_breaker',
    });
    expect(fs[0]!.message).toContain('add deployment_circuit_breaker { enable = true, rollback = true }');
  });

  it('warns about a disabled breaker and one without rollback', () => {
    const off = check(ECS_CIRCUIT_BREAKER, [service('web', { deployment_circuit_breaker: [{ enable: false, rollback: false }] })]);
    expect(off.map((f) => f.path)).toEqual(['deployment_circuit_breaker[0].enable']);
    const noRollback = check(ECS_CIRCUIT_BREAKER, [service('web', { deployment_circuit_breaker: [{ enable: true, rollback: false }] })]);
    expect(noRollback.map((f) => f.path)).toEqual(['deployment_circuit_breaker[0].rollback']);
    expect(noRollback[0]!.message).toContain('set rollback = true');
  });

  it('accepts an enabled breaker with rollback, and services it does not apply to', () => {
    expect(check(ECS_CIRCUIT_BREAKER, [service('web')])).toEqual([]);
    expect(
      check(ECS_CIRCUIT_BREAKER, [service('web', { deployment_circuit_breaker: [], deployment_controller: [{ type: 'CODE_DEPLOY' }] })]),
    ).toEqual([]);
    expect(
      check(ECS_CIRCUIT_BREAKER, [service('web', { deployment_circuit_breaker: [], scheduling_strategy: 'DAEMON', launch_type: 'EC2' })]),
    ).toEqual([]);
  });

  it('says nothing when the breaker settings are unknown', () => {
    const svc = service(
      'web',
      { deployment_circuit_breaker: [{ enable: null, rollback: true }] },
      { unknown: { deployment_circuit_breaker: [{ enable: true }] } },
    );
    expect(check(ECS_CIRCUIT_BREAKER, [svc])).toEqual([]);
  });
});

describe('ECS_CIRCUIT_BREAKER and the deployment strategy', () => {
  const strategyOf = (strategy: string, over: Record<string, unknown> = {}) =>
    service('web', { deployment_circuit_breaker: [], deployment_configuration: [{ strategy, bake_time_in_minutes: '10' }], ...over });

  it('gives LINEAR, CANARY and BLUE_GREEN services no circuit breaker advice: it asks for CloudWatch alarms', () => {
    for (const s of ['LINEAR', 'CANARY', 'BLUE_GREEN']) {
      const fs = check(ECS_CIRCUIT_BREAKER, [strategyOf(s)]);
      expect(fs).toHaveLength(1);
      expect(fs[0]!.path).toBe('alarms');
      expect(fs[0]!.message).toContain(`deploys with the ${s} strategy and no CloudWatch alarms`);
      expect(fs[0]!.message).not.toMatch(/circuit/i);
    }
  });

  it('accepts a LINEAR service with alarms that roll back, and flags alarms without rollback', () => {
    const alarms = (rollback: boolean) => [{ alarm_names: ['web-5xx'], enable: true, rollback }];
    expect(check(ECS_CIRCUIT_BREAKER, [strategyOf('LINEAR', { alarms: alarms(true) })])).toEqual([]);
    const fs = check(ECS_CIRCUIT_BREAKER, [strategyOf('LINEAR', { alarms: alarms(false) })]);
    expect(fs.map((f) => f.path)).toEqual(['alarms[0].rollback']);
    expect(fs[0]!.message).not.toMatch(/circuit/i);
  });

  it('still asks a ROLLING service for the circuit breaker', () => {
    const fs = check(ECS_CIRCUIT_BREAKER, [strategyOf('ROLLING')]);
    expect(fs.map((f) => f.path)).toEqual(['deployment_circuit_breaker']);
  });
});
