import { describe, expect, it } from 'vitest';
import { ECS_DAEMON_FARGATE } from '../../../src/checks/rules/ecs/ECS_DAEMON_FARGATE.js';
import { check } from '../helpers.js';
import { cluster, clusterProviders, service, strategy, taskDef } from './fixtures.js';

const ec2Td = taskDef('web', { requires_compatibilities: ['EC2'], network_mode: 'bridge' });
/** A DAEMON service as written: desired_count and deployment_maximum_percent only as the provider fills them in. */
const daemon = (over: Record<string, unknown> = {}, expressions: Record<string, unknown> = {}) =>
  service(
    'web',
    { scheduling_strategy: 'DAEMON', launch_type: 'EC2', desired_count: 0, network_configuration: [], ...over },
    {
      expressions: { desired_count: undefined, deployment_maximum_percent: undefined, ...expressions },
    },
  );

describe('ECS_DAEMON_FARGATE', () => {
  it('flags a DAEMON service on Fargate', () => {
    const fs = check(ECS_DAEMON_FARGATE, [ec2Td, daemon({ launch_type: 'FARGATE' })]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'ECS_DAEMON_FARGATE', severity: 'error', address: 'aws_ecs_service.web', path: 'launch_type' });
    expect(fs[0]!.message).toContain('scheduling_strategy "DAEMON" is not supported on Fargate (launch_type "FARGATE")');
  });

  it('flags a DAEMON service with a capacity provider strategy', () => {
    const fs = check(ECS_DAEMON_FARGATE, [ec2Td, daemon({ launch_type: null, capacity_provider_strategy: strategy(['ec2', 1, 0]) })]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', path: 'capacity_provider_strategy' });
    expect(fs[0]!.message).toContain('cannot be used with a capacity provider strategy (capacity_provider_strategy "ec2")');
    expect(fs[0]!.message).toContain('set launch_type = "EC2"');
  });

  it("flags a DAEMON service that falls back to the cluster's default strategy", () => {
    const fs = check(ECS_DAEMON_FARGATE, [
      ec2Td,
      daemon({ launch_type: null }),
      cluster(),
      clusterProviders(['ec2'], strategy(['ec2', 1, 0])),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', path: 'launch_type' });
    expect(fs[0]!.message).toContain('the cluster\'s default capacity provider strategy "ec2"');
  });

  it('flags the CODE_DEPLOY and EXTERNAL controllers', () => {
    for (const type of ['CODE_DEPLOY', 'EXTERNAL']) {
      const fs = check(ECS_DAEMON_FARGATE, [ec2Td, daemon({ deployment_controller: [{ type }] })]);
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ severity: 'error', path: 'deployment_controller[0].type' });
      expect(fs[0]!.message).toContain(`deployment_controller type "${type}" does not support scheduling_strategy "DAEMON"`);
    }
  });

  it('warns about desired_count and deployment_maximum_percent written on a DAEMON service', () => {
    const fs = check(ECS_DAEMON_FARGATE, [
      ec2Td,
      daemon(
        { desired_count: 3, deployment_maximum_percent: 150 },
        { desired_count: { constant_value: 3 }, deployment_maximum_percent: { constant_value: 150 } },
      ),
    ]);
    expect(fs.map((f) => [f.severity, f.path])).toEqual([
      ['warning', 'desired_count'],
      ['warning', 'deployment_maximum_percent'],
    ]);
    expect(fs[0]!.message).toContain('desired_count 3 is set on a DAEMON service');
    expect(fs[1]!.message).toContain('deployment_maximum_percent 150');
  });

  it('accepts an EC2 DAEMON service whose defaults the provider filled in, and REPLICA services on Fargate', () => {
    expect(check(ECS_DAEMON_FARGATE, [ec2Td, daemon({ deployment_maximum_percent: 200 })])).toEqual([]);
    expect(check(ECS_DAEMON_FARGATE, [taskDef('web'), service('web')])).toEqual([]);
  });

  it('says nothing when the scheduling strategy is unknown', () => {
    expect(
      check(ECS_DAEMON_FARGATE, [ec2Td, service('web', { scheduling_strategy: null }, { unknown: { scheduling_strategy: true } })]),
    ).toEqual([]);
  });
});
