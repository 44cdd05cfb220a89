import { describe, expect, it } from 'vitest';
import { FARGATE_PID_MODE } from '../../../src/checks/rules/fargate/FARGATE_PID_MODE.js';
import { EC2_ONLY, runner, service, SVC, TD, taskDef } from './specs.js';

const run = runner(FARGATE_PID_MODE);

describe('FARGATE_PID_MODE', () => {
  it('reports pid_mode host on Fargate', () => {
    const f = run([taskDef({ pid_mode: 'host' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'FARGATE_PID_MODE', severity: 'error', address: TD, path: 'pid_mode' });
    expect(f[0]!.message).toBe('pid_mode "host" is not supported on Fargate; use "task" or leave it unset');
  });

  it('reports pid_mode task on Windows', () => {
    const f = run([
      taskDef({
        pid_mode: 'task',
        cpu: '1024',
        memory: '2048',
        runtime_platform: [{ operating_system_family: 'WINDOWS_SERVER_2022_FULL', cpu_architecture: 'X86_64' }],
      }),
    ]);
    expect(f[0]!.message).toContain('not supported for Windows tasks on Fargate');
  });

  it('reports pid_mode task when a service pins platform 1.3.0', () => {
    const f = run([taskDef({ pid_mode: 'task' }), service({ platform_version: '1.3.0' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ address: SVC, path: 'platform_version' });
    expect(f[0]!.message).toContain('uses pid_mode "task", which needs Fargate platform 1.4.0 or later');
  });

  it('passes pid_mode task on Linux with a recent platform, and host off Fargate', () => {
    expect(run([taskDef({ pid_mode: 'task' }), service({ platform_version: '1.4.0' })])).toEqual([]);
    expect(run([taskDef({ ...EC2_ONLY, pid_mode: 'host' })])).toEqual([]);
  });

  it('says nothing when pid_mode is unknown', () => {
    expect(run([taskDef({ pid_mode: null }, undefined, { unknown: { pid_mode: true } })])).toEqual([]);
  });
});
