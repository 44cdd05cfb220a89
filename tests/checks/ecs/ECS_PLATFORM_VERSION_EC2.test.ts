import { describe, expect, it } from 'vitest';
import { ECS_PLATFORM_VERSION_EC2 } from '../../../src/checks/rules/ecs/ECS_PLATFORM_VERSION_EC2.js';
import { check } from '../helpers.js';
import { container, service, taskDef } from './fixtures.js';

describe('ECS_PLATFORM_VERSION_EC2', () => {
  it('flags platform_version with launch_type EC2', () => {
    const fs = check(ECS_PLATFORM_VERSION_EC2, [
      taskDef('web', { requires_compatibilities: ['EC2'] }),
      service('web', { launch_type: 'EC2', platform_version: '1.4.0' }),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_PLATFORM_VERSION_EC2',
      severity: 'error',
      address: 'aws_ecs_service.web',
      path: 'platform_version',
    });
    expect(fs[0]!.message).toContain('platform_version "1.4.0" is set with launch_type "EC2"');
  });

  const efs = { volume: [{ name: 'data', efs_volume_configuration: [{ file_system_id: 'fs-0123456789abcdef0' }] }] };

  it('flags Fargate 1.3.0 pinned under a task with EFS volumes, which need 1.4.0', () => {
    const fs = check(ECS_PLATFORM_VERSION_EC2, [taskDef('web', efs), service('web', { platform_version: '1.3.0' })]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain(
      'platform_version "1.3.0" is pinned, but task definition aws_ecs_task_definition.web uses EFS volumes',
    );
    expect(fs[0]!.message).toContain('set platform_version = "1.4.0" or "LATEST"');
  });

  it('leaves the 1.4.0 features that have their own Fargate rule to that rule (reported once)', () => {
    const td = taskDef('web', { cpu: '8192', memory: '16384', pid_mode: 'task', ephemeral_storage: [{ size_in_gib: 50 }] }, {}, [
      container({ linuxParameters: { capabilities: { add: ['SYS_PTRACE'] } } }),
    ]);
    expect(check(ECS_PLATFORM_VERSION_EC2, [td, service('web', { platform_version: '1.3.0' })])).toEqual([]);
    const both = check(ECS_PLATFORM_VERSION_EC2, [
      taskDef('web', { pid_mode: 'task', ...efs }),
      service('web', { platform_version: '1.3.0' }),
    ]);
    expect(both).toHaveLength(1);
    expect(both[0]!.message).toContain('uses EFS volumes,');
    expect(both[0]!.message).not.toContain('pid_mode');
  });

  it('accepts LATEST and 1.4.0, 1.3.0 for a task that needs nothing newer, and Windows platform 1.0.0', () => {
    const storage = efs;
    expect(check(ECS_PLATFORM_VERSION_EC2, [taskDef('web', storage), service('web', { platform_version: 'LATEST' })])).toEqual([]);
    expect(check(ECS_PLATFORM_VERSION_EC2, [taskDef('web', storage), service('web', { platform_version: '1.4.0' })])).toEqual([]);
    expect(check(ECS_PLATFORM_VERSION_EC2, [taskDef('web'), service('web', { platform_version: '1.3.0' })])).toEqual([]);
    const windows = taskDef('web', {
      cpu: '1024',
      memory: '2048',
      runtime_platform: [{ operating_system_family: 'WINDOWS_SERVER_2022_CORE', cpu_architecture: 'X86_64' }],
      ...storage,
    });
    expect(check(ECS_PLATFORM_VERSION_EC2, [windows, service('web', { platform_version: '1.0.0' })])).toEqual([]);
  });

  it('ignores a platform_version the provider computed on an EC2 service', () => {
    const svc = service(
      'web',
      { launch_type: 'EC2', platform_version: 'LATEST' },
      { actions: ['no-op'], expressions: { platform_version: undefined } },
    );
    expect(check(ECS_PLATFORM_VERSION_EC2, [taskDef('web'), svc])).toEqual([]);
  });

  it('says nothing when the platform version or the task size is unknown', () => {
    expect(
      check(ECS_PLATFORM_VERSION_EC2, [
        taskDef('web'),
        service('web', { launch_type: 'EC2', platform_version: null }, { unknown: { platform_version: true } }),
      ]),
    ).toEqual([]);
    expect(
      check(ECS_PLATFORM_VERSION_EC2, [
        taskDef('web', { cpu: null }, { unknown: { cpu: true } }),
        service('web', { platform_version: '1.3.0' }),
      ]),
    ).toEqual([]);
  });
});
