import { describe, expect, it } from 'vitest';
import { ECS_LAUNCHTYPE_XOR_CPS } from '../../../src/checks/rules/ecs/ECS_LAUNCHTYPE_XOR_CPS.js';
import { check } from '../helpers.js';
import { service, strategy, taskDef } from './fixtures.js';

describe('ECS_LAUNCHTYPE_XOR_CPS', () => {
  it('flags a service that sets launch_type and a capacity provider strategy', () => {
    const fs = check(ECS_LAUNCHTYPE_XOR_CPS, [
      taskDef('web'),
      service('web', { launch_type: 'FARGATE', capacity_provider_strategy: strategy(['FARGATE_SPOT', 1, 0]) }),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'ECS_LAUNCHTYPE_XOR_CPS', severity: 'error', address: 'aws_ecs_service.web', path: 'launch_type' });
    expect(fs[0]!.message).toContain('launch_type "FARGATE" is set together with capacity_provider_strategy ("FARGATE_SPOT")');
    expect(fs[0]!.message).toContain('Remove launch_type');
  });

  it('accepts a strategy without launch_type, and launch_type with an empty strategy', () => {
    expect(
      check(ECS_LAUNCHTYPE_XOR_CPS, [service('web', { launch_type: null, capacity_provider_strategy: strategy(['FARGATE_SPOT', 1, 0]) })]),
    ).toEqual([]);
    expect(check(ECS_LAUNCHTYPE_XOR_CPS, [service('web', { launch_type: 'EC2', capacity_provider_strategy: [] })])).toEqual([]);
  });

  it('ignores a launch_type the provider computed (not written in the configuration)', () => {
    const svc = service(
      'web',
      { launch_type: 'EC2', capacity_provider_strategy: strategy(['ec2', 1, 0]) },
      { actions: ['no-op'], expressions: { launch_type: undefined } },
    );
    expect(check(ECS_LAUNCHTYPE_XOR_CPS, [svc])).toEqual([]);
  });

  it('says nothing while the strategy is unknown', () => {
    const svc = service(
      'web',
      { launch_type: 'FARGATE', capacity_provider_strategy: null },
      { unknown: { capacity_provider_strategy: true } },
    );
    expect(check(ECS_LAUNCHTYPE_XOR_CPS, [svc])).toEqual([]);
  });
});
