import { describe, expect, it } from 'vitest';
import { FARGATE_WINDOWS_SIZE } from '../../../src/checks/rules/fargate/FARGATE_WINDOWS_SIZE.js';
import { EC2_ONLY, runner, TD, taskDef } from './specs.js';

const run = runner(FARGATE_WINDOWS_SIZE);
const win = (arch = 'X86_64') => [{ operating_system_family: 'WINDOWS_SERVER_2019_FULL', cpu_architecture: arch }];

describe('FARGATE_WINDOWS_SIZE', () => {
  it('reports a Windows task below 1 vCPU', () => {
    const f = run([taskDef({ cpu: '512', memory: '1024', runtime_platform: win() })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'FARGATE_WINDOWS_SIZE', severity: 'error', address: TD, path: 'cpu' });
    expect(f[0]!.message).toContain(
      'cpu 512 is not a Fargate size for Windows; Windows tasks take 1, 2 or 4 vCPU (cpu 1024, 2048 or 4096)',
    );
  });

  it('reports 8 vCPU on Windows (Linux-only)', () => {
    expect(run([taskDef({ cpu: '8 vCPU', memory: '16384', runtime_platform: win() })])[0]!.message).toContain(
      'cpu "8 vCPU" (8192) is not a Fargate size for Windows',
    );
  });

  it('reports ARM64 on Windows', () => {
    const f = run([taskDef({ cpu: '1024', memory: '2048', runtime_platform: win('ARM64') })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ path: 'runtime_platform[0].cpu_architecture' });
    expect(f[0]!.message).toContain('cpu_architecture "ARM64" is not available for Windows on Fargate; use "X86_64"');
  });

  it('passes Windows at 1, 2 and 4 vCPU, Linux at 0.5 vCPU, and Windows off Fargate', () => {
    for (const cpu of ['1024', '2048', '4096']) expect(run([taskDef({ cpu, memory: '8192', runtime_platform: win() })])).toEqual([]);
    expect(run([taskDef({ cpu: '512', memory: '1024' })])).toEqual([]);
    expect(run([taskDef({ ...EC2_ONLY, cpu: '512', runtime_platform: win() })])).toEqual([]);
  });

  it('says nothing when the OS family or the cpu is unknown', () => {
    expect(
      run([
        taskDef({ cpu: '512', runtime_platform: [{ cpu_architecture: 'X86_64' }] }, undefined, {
          unknown: { runtime_platform: [{ operating_system_family: true }] },
        }),
      ]),
    ).toEqual([]);
    expect(run([taskDef({ cpu: null, runtime_platform: win() }, undefined, { unknown: { cpu: true } })])).toEqual([]);
  });
});
