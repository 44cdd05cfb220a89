import { describe, expect, it } from 'vitest';
import { ECS_CP_MIXED } from '../../../src/checks/rules/ecs/ECS_CP_MIXED.js';
import { check } from '../helpers.js';
import { cluster, clusterProviders, miProvider, service, strategy } from './fixtures.js';

describe('ECS_CP_MIXED', () => {
  it('flags a strategy mixing Fargate and Auto Scaling group providers', () => {
    const fs = check(ECS_CP_MIXED, [
      service('web', { launch_type: null, capacity_provider_strategy: strategy(['FARGATE', 1, 0], ['ec2', 1, 0]) }),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_CP_MIXED',
      severity: 'error',
      address: 'aws_ecs_service.web',
      path: 'capacity_provider_strategy[1]',
    });
    expect(fs[0]!.message).toContain('mixes Fargate providers ("FARGATE") with Auto Scaling group providers ("ec2")');
  });

  it('flags more than one entry with a base, in a default strategy too', () => {
    const fs = check(ECS_CP_MIXED, [
      cluster(),
      clusterProviders(['FARGATE', 'FARGATE_SPOT'], strategy(['FARGATE', 1, 1], ['FARGATE_SPOT', 1, 2])),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ address: 'aws_ecs_cluster_capacity_providers.main', path: 'default_capacity_provider_strategy[1].base' });
    expect(fs[0]!.message).toContain(
      '2 entries of default_capacity_provider_strategy set base > 0 ("FARGATE" base 1, "FARGATE_SPOT" base 2)',
    );
  });

  it('accepts one kind of provider with a single base', () => {
    expect(
      check(ECS_CP_MIXED, [
        service('web', { launch_type: null, capacity_provider_strategy: strategy(['FARGATE', 1, 1], ['FARGATE_SPOT', 3, 0]) }),
      ]),
    ).toEqual([]);
    expect(
      check(ECS_CP_MIXED, [service('web', { launch_type: null, capacity_provider_strategy: strategy(['ec2-a', 1, 2], ['ec2-b', 1, 0]) })]),
    ).toEqual([]);
  });

  it('says nothing while a provider name is unknown', () => {
    const svc = service(
      'web',
      {
        launch_type: null,
        capacity_provider_strategy: [
          { capacity_provider: 'FARGATE', weight: 1, base: 0 },
          { capacity_provider: null, weight: 1, base: 0 },
        ],
      },
      { unknown: { capacity_provider_strategy: [{}, { capacity_provider: true }] } },
    );
    expect(check(ECS_CP_MIXED, [svc])).toEqual([]);
  });
});

describe('ECS_CP_MIXED with ECS Managed Instances providers', () => {
  it('flags a strategy mixing a Managed Instances provider with Fargate', () => {
    const fs = check(ECS_CP_MIXED, [
      cluster(),
      miProvider('mi'),
      service('web', { launch_type: null, capacity_provider_strategy: strategy(['FARGATE', 1, 0], ['mi', 1, 0]) }),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.path).toBe('capacity_provider_strategy[1]');
    expect(fs[0]!.message).toContain('mixes Fargate providers ("FARGATE") with Managed Instances providers ("mi")');
  });

  it('accepts a strategy of Managed Instances providers only', () => {
    expect(
      check(ECS_CP_MIXED, [
        cluster(),
        miProvider('mi'),
        miProvider('mi-spot'),
        service('web', { launch_type: null, capacity_provider_strategy: strategy(['mi', 1, 1], ['mi-spot', 3, 0]) }),
      ]),
    ).toEqual([]);
  });
});
