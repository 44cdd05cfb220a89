import { describe, expect, it } from 'vitest';
import { FARGATE_VOLUMES } from '../../../src/checks/rules/fargate/FARGATE_VOLUMES.js';
import { EC2_ONLY, runner, TD, taskDef } from './specs.js';

const run = runner(FARGATE_VOLUMES);

describe('FARGATE_VOLUMES', () => {
  it('reports host_path and docker_volume_configuration volumes', () => {
    const f = run([
      taskDef({
        volume: [
          { name: 'scratch' },
          { name: 'logs', host_path: '/var/log/app' },
          { name: 'cache', docker_volume_configuration: [{ scope: 'task', driver: 'local' }] },
        ],
      }),
    ]);
    expect(f.map((x) => [x.rule, x.severity, x.address, x.path])).toEqual([
      ['FARGATE_VOLUMES', 'error', TD, 'volume[1].host_path'],
      ['FARGATE_VOLUMES', 'error', TD, 'volume[2].docker_volume_configuration'],
    ]);
    expect(f[0]!.message).toContain('volume "logs" sets host_path "/var/log/app"; Fargate does not support host paths');
    expect(f[1]!.message).toContain('volume "cache" uses docker_volume_configuration');
  });

  it('passes bind mounts and EFS volumes, and host paths off Fargate', () => {
    expect(
      run([
        taskDef({
          volume: [
            { name: 'scratch', host_path: '' },
            { name: 'efs', efs_volume_configuration: [{ file_system_id: 'fs-1' }] },
          ],
        }),
      ]),
    ).toEqual([]);
    expect(run([taskDef({ ...EC2_ONLY, volume: [{ name: 'logs', host_path: '/var/log' }] })])).toEqual([]);
  });

  it('says nothing when a host_path is unknown', () => {
    expect(run([taskDef({ volume: [{ name: 'data' }] }, undefined, { unknown: { volume: [{ host_path: true }] } })])).toEqual([]);
  });
});

describe('FARGATE_VOLUMES and EBS volumes configured at launch', () => {
  it('accepts a volume with configure_at_launch = true (an EBS volume ECS attaches to each task)', () => {
    expect(run([taskDef({ volume: [{ name: 'data', configure_at_launch: true }] })])).toEqual([]);
    // The same volume with a host path is still reported.
    expect(run([taskDef({ volume: [{ name: 'data', configure_at_launch: true, host_path: '/data' }] })]).map((x) => x.path)).toEqual([
      'volume[0].host_path',
    ]);
  });
});
