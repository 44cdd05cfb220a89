import { describe, expect, it } from 'vitest';
import { ECS_CP_NOT_ASSOCIATED } from '../../../src/checks/rules/ecs/ECS_CP_NOT_ASSOCIATED.js';
import { check } from '../helpers.js';
import { cluster, clusterProviders, miProvider, service, strategy, taskDef } from './fixtures.js';

const spotService = () =>
  service('web', { launch_type: null, capacity_provider_strategy: strategy(['FARGATE', 1, 1], ['FARGATE_SPOT', 3, 0]) });

describe('ECS_CP_NOT_ASSOCIATED', () => {
  it('flags a service strategy naming a provider the cluster does not have', () => {
    const fs = check(ECS_CP_NOT_ASSOCIATED, [taskDef('web'), spotService(), cluster(), clusterProviders(['FARGATE'])]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_CP_NOT_ASSOCIATED',
      severity: 'error',
      address: 'aws_ecs_service.web',
      path: 'capacity_provider_strategy[1].capacity_provider',
    });
    expect(fs[0]!.message).toContain(
      'capacity provider "FARGATE_SPOT" is not associated with cluster aws_ecs_cluster.main (associated: "FARGATE")',
    );
    expect(fs[0]!.message).toContain('add it to aws_ecs_cluster_capacity_providers.main.capacity_providers');
  });

  it('flags a strategy on a new cluster that has no capacity providers at all', () => {
    const fs = check(ECS_CP_NOT_ASSOCIATED, [spotService(), cluster()]);
    expect(fs.map((f) => f.path)).toEqual([
      'capacity_provider_strategy[0].capacity_provider',
      'capacity_provider_strategy[1].capacity_provider',
    ]);
    expect(fs[0]!.message).toContain('(associated: none)');
    expect(fs[0]!.message).toContain('associate it with an aws_ecs_cluster_capacity_providers resource');
  });

  it('flags a default strategy naming a provider outside its own list', () => {
    const fs = check(ECS_CP_NOT_ASSOCIATED, [cluster(), clusterProviders(['FARGATE'], strategy(['FARGATE_SPOT', 1, 0]))]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      address: 'aws_ecs_cluster_capacity_providers.main',
      path: 'default_capacity_provider_strategy[0].capacity_provider',
    });
  });

  it('accepts providers the cluster lists', () => {
    expect(
      check(ECS_CP_NOT_ASSOCIATED, [spotService(), cluster(), clusterProviders(['FARGATE', 'FARGATE_SPOT'], strategy(['FARGATE', 1, 0]))]),
    ).toEqual([]);
  });

  it('says nothing for an existing cluster whose providers may be associated outside this plan', () => {
    expect(check(ECS_CP_NOT_ASSOCIATED, [spotService(), cluster({}, { actions: ['no-op'] })])).toEqual([]);
  });

  it('says nothing while the cluster list is unknown', () => {
    const ccp = clusterProviders([], [], { unknown: { capacity_providers: true } });
    expect(check(ECS_CP_NOT_ASSOCIATED, [spotService(), cluster(), ccp])).toEqual([]);
  });
});

describe('ECS_CP_NOT_ASSOCIATED with ECS Managed Instances providers', () => {
  const onMi = () => service('web', { launch_type: null, capacity_provider_strategy: strategy(['mi', 1, 0]) });

  it('accepts a Managed Instances provider created for the service cluster: its cluster argument associates it', () => {
    expect(check(ECS_CP_NOT_ASSOCIATED, [taskDef('web'), onMi(), cluster(), clusterProviders(['FARGATE']), miProvider('mi')])).toEqual([]);
  });

  it('flags a Managed Instances provider of another cluster', () => {
    const other = { ...cluster({ name: 'other' }), address: 'aws_ecs_cluster.other' };
    const fs = check(ECS_CP_NOT_ASSOCIATED, [
      taskDef('web'),
      onMi(),
      cluster(),
      other,
      clusterProviders(['FARGATE']),
      miProvider('mi', {}, {}, 'other'),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('capacity provider "mi" is not associated with cluster aws_ecs_cluster.main');
  });
});
