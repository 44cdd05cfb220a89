import { describe, expect, it } from 'vitest';
import { FARGATE_LINUX_PARAMS } from '../../../src/checks/rules/fargate/FARGATE_LINUX_PARAMS.js';
import { container, EC2_ONLY, runner, service, SVC, TD, taskDef } from './specs.js';

const run = runner(FARGATE_LINUX_PARAMS);
const withLinux = (linuxParameters: unknown) => [container({ linuxParameters })];

describe('FARGATE_LINUX_PARAMS', () => {
  it('reports capabilities other than SYS_PTRACE and unsupported linuxParameters', () => {
    const f = run([
      taskDef(
        {},
        withLinux({ capabilities: { add: ['SYS_PTRACE', 'NET_ADMIN'] }, devices: [{ hostPath: '/dev/fuse' }], sharedMemorySize: 64 }),
      ),
    ]);
    expect(f.map((x) => [x.rule, x.severity, x.address, x.path])).toEqual([
      ['FARGATE_LINUX_PARAMS', 'error', TD, 'container_definitions[0].linuxParameters.capabilities.add[1]'],
      ['FARGATE_LINUX_PARAMS', 'error', TD, 'container_definitions[0].linuxParameters.devices'],
      ['FARGATE_LINUX_PARAMS', 'error', TD, 'container_definitions[0].linuxParameters.sharedMemorySize'],
    ]);
    expect(f[0]!.message).toContain(
      'container "web" adds the capability "NET_ADMIN"; on Fargate linuxParameters.capabilities.add may hold only "SYS_PTRACE"',
    );
  });

  it('reports SYS_PTRACE on a service pinned to platform 1.3.0', () => {
    const f = run([taskDef({}, withLinux({ capabilities: { add: ['SYS_PTRACE'] } })), service({ platform_version: '1.3.0' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ address: SVC, path: 'platform_version', severity: 'error' });
    expect(f[0]!.message).toContain('linuxParameters.capabilities.add SYS_PTRACE');
  });

  it('passes SYS_PTRACE on LATEST, drops, init and anything off Fargate', () => {
    expect(
      run([
        taskDef({}, withLinux({ capabilities: { add: ['SYS_PTRACE'], drop: ['ALL'] }, initProcessEnabled: true })),
        service({ platform_version: 'LATEST' }),
      ]),
    ).toEqual([]);
    expect(
      run([taskDef(EC2_ONLY, withLinux({ capabilities: { add: ['NET_ADMIN'] }, tmpfs: [{ containerPath: '/tmp', size: 64 }] }))]),
    ).toEqual([]);
  });

  it('says nothing when container_definitions or the platform version is unknown', () => {
    expect(run([taskDef({ container_definitions: null }, undefined, { unknown: { container_definitions: true } })])).toEqual([]);
    const svc = service({}, { unknown: { task_definition: true, cluster: true, platform_version: true } });
    expect(run([taskDef({}, withLinux({ capabilities: { add: ['SYS_PTRACE'] } })), svc])).toEqual([]);
  });
});
