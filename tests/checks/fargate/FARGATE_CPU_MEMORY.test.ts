import { describe, expect, it } from 'vitest';
import { FARGATE_CPU_MEMORY } from '../../../src/checks/rules/fargate/FARGATE_CPU_MEMORY.js';
import { runner, SVC, service, TD, taskDef } from './specs.js';

const run = runner(FARGATE_CPU_MEMORY);

describe('FARGATE_CPU_MEMORY', () => {
  it('reports a memory size the cpu does not take, with the valid range', () => {
    const f = run([taskDef({ cpu: '1024', memory: '1024' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'FARGATE_CPU_MEMORY', severity: 'error', address: TD, path: 'memory' });
    expect(f[0]!.message).toContain('cpu 1024 with memory 1024 MiB is not a Fargate size; 1 vCPU takes 2048–8192 MiB in 1024 steps');
    expect(f[0]!.message).toContain('1024 MiB fits 0.25 or 0.5 vCPU');
  });

  it('accepts every size in the table, written as numbers or as "vCPU"/"GB" strings', () => {
    expect(run([taskDef({ cpu: '1024', memory: '2048' })])).toEqual([]);
    expect(run([taskDef({ cpu: '1 vCPU', memory: '8 GB' })])).toEqual([]);
    expect(run([taskDef({ cpu: '256', memory: '2048' })])).toEqual([]);
    expect(run([taskDef({ cpu: '8192', memory: '61440' })])).toEqual([]);
  });

  it('normalises "vCPU"/"GB" strings and shows what it read', () => {
    const f = run([taskDef({ cpu: '1 vCPU', memory: '1 GB' })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('cpu "1 vCPU" (1024) with memory "1 GB" (1024 MiB) is not a Fargate size');
  });

  it('lists uneven steps and the larger step sizes of 8 vCPU', () => {
    expect(run([taskDef({ cpu: '256', memory: '3072' })])[0]!.message).toContain('0.25 vCPU takes 512, 1024 or 2048 MiB');
    expect(run([taskDef({ cpu: '8192', memory: '17408' })])[0]!.message).toContain('8 vCPU takes 16384–61440 MiB in 4096 steps');
  });

  it('reports a cpu value that is no Fargate size on cpu', () => {
    const f = run([taskDef({ cpu: '3072', memory: '6144' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', path: 'cpu' });
    expect(f[0]!.message).toContain('cpu 3072 is not a Fargate size; Fargate task cpu is 256, 512, 1024, 2048, 4096, 8192 or 16384');
  });

  it('reports 8 vCPU on a service that pins a platform version before 1.4.0', () => {
    const f = run([taskDef({ cpu: '8192', memory: '16384' }), service({ platform_version: '1.3.0' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', address: SVC, path: 'platform_version' });
    expect(f[0]!.message).toContain('platform_version "1.3.0" is older than 1.4.0');
    expect(f[0]!.message).toContain('8 vCPU');
    expect(run([taskDef({ cpu: '8192', memory: '16384' }), service({ platform_version: 'LATEST' })])).toEqual([]);
    expect(run([taskDef({ cpu: '8192', memory: '16384' }), service({ platform_version: '1.4.0' })])).toEqual([]);
    expect(run([taskDef({ cpu: '4096', memory: '8192' }), service({ platform_version: '1.3.0' })])).toEqual([]);
  });

  it('applies when only a service places the task definition on Fargate', () => {
    const td = taskDef({ cpu: '512', memory: '512', requires_compatibilities: null });
    expect(run([td, service()])).toHaveLength(1);
    expect(
      run([td, service({ launch_type: null, capacity_provider_strategy: [{ capacity_provider: 'FARGATE_SPOT', base: 0, weight: 1 }] })]),
    ).toHaveLength(1);
    expect(run([td, service({ launch_type: 'EC2' })])).toEqual([]);
    expect(run([td])).toEqual([]);
  });

  it('says nothing when cpu or memory is unknown, or the service placement is unknown', () => {
    expect(run([taskDef({ cpu: '1024', memory: null }, undefined, { unknown: { memory: true } })])).toEqual([]);
    expect(run([taskDef({ cpu: null, memory: '1024' }, undefined, { unknown: { cpu: true } })])).toEqual([]);
    const td = taskDef({ cpu: '1024', memory: '1024', requires_compatibilities: null });
    expect(run([td, service({ launch_type: null }, { unknown: { task_definition: true, cluster: true, launch_type: true } })])).toEqual([]);
  });

  it('leaves Linux-only sizes on Windows to FARGATE_WINDOWS_SIZE', () => {
    const win = [{ operating_system_family: 'WINDOWS_SERVER_2022_CORE', cpu_architecture: 'X86_64' }];
    expect(run([taskDef({ cpu: '8192', memory: '16384', runtime_platform: win })])).toEqual([]);
    expect(run([taskDef({ cpu: '2048', memory: '2048', runtime_platform: win })])[0]!.message).toContain('2 vCPU takes 4096–16384 MiB');
  });

  it('says it could not read a cpu it does not understand (info, not an error)', () => {
    const f = run([taskDef({ cpu: 'two cores', memory: '2048' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', path: 'cpu' });
    expect(f[0]!.message).toContain('"two cores" could not be read');
  });
});
