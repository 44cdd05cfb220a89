import { describe, expect, it } from 'vitest';
import { FARGATE_INVALID_PARAMS } from '../../../src/checks/rules/fargate/FARGATE_INVALID_PARAMS.js';
import { container, EC2_ONLY, runner, TD, taskDef } from './specs.js';

const run = runner(FARGATE_INVALID_PARAMS);

describe('FARGATE_INVALID_PARAMS', () => {
  it('reports container parameters Fargate rejects, with their paths', () => {
    const f = run([
      taskDef({}, [
        container({ privileged: true, links: ['db'], linuxParameters: { maxSwap: 512 } }),
        container({ name: 'side', dnsServers: ['10.0.0.2'], resourceRequirements: [{ type: 'GPU', value: '1' }] }),
      ]),
    ]);
    expect(f.map((x) => x.path)).toEqual([
      'container_definitions[0].links',
      'container_definitions[0].privileged',
      'container_definitions[0].linuxParameters.maxSwap',
      'container_definitions[1].dnsServers',
      'container_definitions[1].resourceRequirements[0].type',
    ]);
    expect(f.every((x) => x.rule === 'FARGATE_INVALID_PARAMS' && x.severity === 'error' && x.address === TD)).toBe(true);
    expect(f[1]!.message).toBe('container "web" sets privileged = true, which Fargate does not support; remove it');
    expect(f[4]!.message).toContain('container "side" asks for a "GPU" resource');
  });

  it('reports task-level ipc_mode, placement_constraints and inference_accelerator', () => {
    const f = run([
      taskDef({
        ipc_mode: 'host',
        placement_constraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone in [eu-west-1a]' }],
        inference_accelerator: [{ device_name: 'eia', device_type: 'eia2.medium' }],
      }),
    ]);
    expect(f.map((x) => x.path)).toEqual(['ipc_mode', 'placement_constraints', 'inference_accelerator']);
    expect(f[0]!.message).toBe('ipc_mode "host" is not supported on Fargate; remove it');
  });

  it('passes parameters that are off, empty or allowed, and anything off Fargate', () => {
    expect(
      run([
        taskDef({}, [
          container({
            privileged: false,
            disableNetworking: false,
            links: [],
            dnsServers: null,
            linuxParameters: { initProcessEnabled: true },
          }),
        ]),
      ]),
    ).toEqual([]);
    expect(run([taskDef({ ...EC2_ONLY, ipc_mode: 'host' }, [container({ privileged: true })])])).toEqual([]);
  });

  it('says nothing when container_definitions or ipc_mode is unknown', () => {
    expect(
      run([
        taskDef({ container_definitions: null, ipc_mode: null }, undefined, { unknown: { container_definitions: true, ipc_mode: true } }),
      ]),
    ).toEqual([]);
  });
});
