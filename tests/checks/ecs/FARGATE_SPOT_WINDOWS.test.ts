import { describe, expect, it } from 'vitest';
import { FARGATE_SPOT_WINDOWS } from '../../../src/checks/rules/ecs/FARGATE_SPOT_WINDOWS.js';
import { check } from '../helpers.js';
import { cluster, clusterProviders, service, strategy, taskDef } from './fixtures.js';

const windows = (x = {}) =>
  taskDef(
    'web',
    {
      cpu: '1024',
      memory: '2048',
      runtime_platform: [{ operating_system_family: 'WINDOWS_SERVER_2022_CORE', cpu_architecture: 'X86_64' }],
    },
    x,
  );
const onStrategy = (...entries: [string, number, number][]) =>
  service('web', { launch_type: null, capacity_provider_strategy: strategy(...entries) });

describe('FARGATE_SPOT_WINDOWS', () => {
  it('errors when every Windows task goes to FARGATE_SPOT', () => {
    const fs = check(FARGATE_SPOT_WINDOWS, [windows(), onStrategy(['FARGATE_SPOT', 1, 0])]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'FARGATE_SPOT_WINDOWS',
      severity: 'error',
      address: 'aws_ecs_service.web',
      path: 'capacity_provider_strategy[0].capacity_provider',
    });
    expect(fs[0]!.message).toContain('is a Windows task (operating_system_family "WINDOWS_SERVER_2022_CORE")');
    expect(fs[0]!.message).toContain('places every task on FARGATE_SPOT');
  });

  it('warns when part of the Windows tasks go to FARGATE_SPOT', () => {
    const fs = check(FARGATE_SPOT_WINDOWS, [windows(), onStrategy(['FARGATE', 1, 1], ['FARGATE_SPOT', 3, 0])]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', path: 'capacity_provider_strategy[1].capacity_provider' });
    expect(fs[0]!.message).toContain('sends part of the tasks to FARGATE_SPOT');
  });

  it("checks the cluster's default strategy too", () => {
    const fs = check(FARGATE_SPOT_WINDOWS, [
      windows(),
      service('web', { launch_type: null }),
      cluster(),
      clusterProviders(['FARGATE_SPOT'], strategy(['FARGATE_SPOT', 1, 0])),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', path: null });
    expect(fs[0]!.message).toContain('the cluster\'s default capacity provider strategy "FARGATE_SPOT"');
  });

  it('accepts Linux ARM64 on Spot, Windows on FARGATE, and a Spot entry that receives no tasks', () => {
    const arm = taskDef('web', { runtime_platform: [{ operating_system_family: 'LINUX', cpu_architecture: 'ARM64' }] });
    expect(check(FARGATE_SPOT_WINDOWS, [arm, onStrategy(['FARGATE_SPOT', 1, 0])])).toEqual([]);
    expect(check(FARGATE_SPOT_WINDOWS, [windows(), onStrategy(['FARGATE', 1, 0])])).toEqual([]);
    expect(check(FARGATE_SPOT_WINDOWS, [windows(), onStrategy(['FARGATE', 1, 0], ['FARGATE_SPOT', 0, 0])])).toEqual([]);
  });

  it('says nothing when the operating system is unknown', () => {
    const td = taskDef(
      'web',
      { runtime_platform: [{ operating_system_family: null, cpu_architecture: 'X86_64' }] },
      { unknown: { runtime_platform: [{ operating_system_family: true }] } },
    );
    expect(check(FARGATE_SPOT_WINDOWS, [td, onStrategy(['FARGATE_SPOT', 1, 0])])).toEqual([]);
  });
});
