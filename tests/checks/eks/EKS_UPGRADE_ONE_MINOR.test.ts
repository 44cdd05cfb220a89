import { describe, expect, it } from 'vitest';
import { EKS_UPGRADE_ONE_MINOR } from '../../../src/checks/rules/eks/EKS_UPGRADE_ONE_MINOR.js';
import { CLUSTER, cluster, runner, update } from './fixtures.js';

const run = runner(EKS_UPGRADE_ONE_MINOR);

describe('EKS_UPGRADE_ONE_MINOR', () => {
  it('reports a jump of more than one minor version', () => {
    const f = run([update(cluster({ version: '1.34' }), { version: '1.32' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_UPGRADE_ONE_MINOR', severity: 'error', address: CLUSTER, path: 'version' });
    expect(f[0]!.message).toBe(
      'version jumps 2 minor versions from "1.32" to "1.34": EKS upgrades a control plane one minor version at a time; apply 1.33 first, then each following minor',
    );
  });

  it('reports a downgrade', () => {
    expect(run([update(cluster({ version: '1.33' }), { version: '1.34' })])[0]!.message).toContain(
      'version goes down from "1.34" to "1.33"',
    );
  });

  it('passes a one-minor upgrade, an unchanged version and a new cluster', () => {
    expect(run([update(cluster({ version: '1.34' }), { version: '1.33' })])).toEqual([]);
    expect(run([update(cluster({ version: '1.34', tags: { a: 'b' } }), { tags: {} })])).toEqual([]);
    expect(run([cluster({ version: '1.30' })])).toEqual([]);
  });

  it('says nothing when the new version is unknown', () => {
    expect(run([update(cluster({ version: null }, { unknown: { version: true } }), { version: '1.30' })])).toEqual([]);
  });
});
