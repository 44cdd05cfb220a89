import { describe, expect, it } from 'vitest';
import { FARGATE_EPHEMERAL_STORAGE } from '../../../src/checks/rules/fargate/FARGATE_EPHEMERAL_STORAGE.js';
import { EC2_ONLY, runner, service, SVC, TD, taskDef } from './specs.js';

const run = runner(FARGATE_EPHEMERAL_STORAGE);
const storage = (size_in_gib: unknown) => ({ ephemeral_storage: [{ size_in_gib }] });

describe('FARGATE_EPHEMERAL_STORAGE', () => {
  it('reports sizes outside 21–200 GiB', () => {
    for (const size of [20, 201]) {
      const f = run([taskDef(storage(size))]);
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({
        rule: 'FARGATE_EPHEMERAL_STORAGE',
        severity: 'error',
        address: TD,
        path: 'ephemeral_storage[0].size_in_gib',
      });
      expect(f[0]!.message).toContain(`size_in_gib ${size} is out of range; Fargate takes 21–200 GiB`);
    }
  });

  it('reports ephemeral storage on a service pinned to platform 1.3.0', () => {
    const f = run([taskDef(storage(50)), service({ platform_version: '1.3.0' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ address: SVC, path: 'platform_version' });
  });

  it('passes 21 and 200 GiB, Windows on platform 1.0.0, and anything off Fargate', () => {
    expect(run([taskDef(storage(21))])).toEqual([]);
    expect(run([taskDef(storage(200)), service({ platform_version: 'LATEST' })])).toEqual([]);
    const win = {
      runtime_platform: [{ operating_system_family: 'WINDOWS_SERVER_2019_CORE', cpu_architecture: 'X86_64' }],
      cpu: '1024',
      memory: '2048',
    };
    expect(run([taskDef({ ...win, ...storage(50) }), service({ platform_version: '1.0.0' })])).toEqual([]);
    expect(run([taskDef({ ...EC2_ONLY, ...storage(500) })])).toEqual([]);
  });

  it('says nothing when the size is unknown', () => {
    expect(run([taskDef(storage(null), undefined, { unknown: { ephemeral_storage: [{ size_in_gib: true }] } })])).toEqual([]);
  });
});
