import { describe, expect, it } from 'vitest';
import { EKS_VERSION_SUPPORT } from '../../../src/checks/rules/eks/EKS_VERSION_SUPPORT.js';
import { CLUSTER, cluster, runner } from './fixtures.js';

const run = runner(EKS_VERSION_SUPPORT);

describe('EKS_VERSION_SUPPORT', () => {
  it('warns on a version in extended support with its end date and price', () => {
    const f = run([cluster({ version: '1.32' })], { asOf: '2026-11-22' });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_VERSION_SUPPORT', severity: 'warning', address: CLUSTER, path: 'version' });
    expect(f[0]!.message).toBe(
      'Kubernetes "1.32" is in EKS extended support on 2026-11-22 (standard support ended 2026-03-23; extended support ends 2027-03-23, then EKS upgrades the control plane): the cluster costs $0.60/hr instead of $0.10/hr (+$0.50/hr, about +$365/month); upgrade to a version in standard support',
    );
  });

  it('with support_type STANDARD: no extended-support price, EKS upgrades the cluster; the standard rate is quoted', () => {
    const f = run([cluster({ version: '1.32', upgrade_policy: [{ support_type: 'STANDARD' }] })], { asOf: '2026-11-22' });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'Kubernetes "1.32" is past standard support on 2026-11-22 (standard support ended 2026-03-23): with support_type STANDARD, EKS upgrades the control plane to the next version instead of billing extended support, so the cluster costs the standard rate ($73.00/month); upgrade to a version in standard support yourself, at a time you choose',
    );
  });

  it('reports a version past the end of extended support, and one older than the calendar', () => {
    const f = run([cluster({ version: '1.30' })], { asOf: '2026-11-22' });
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'Kubernetes "1.30" is past the end of EKS extended support (2026-07-23) on 2026-11-22: EKS rejects it ("unsupported Kubernetes version") and auto-upgrades existing control planes; use 1.36',
    );
    expect(run([cluster({ version: '1.21' })])[0]!.message).toContain('older than every version in the EKS calendar (oldest 1.23');
  });

  it('follows --as-of across the phase boundaries', () => {
    expect(run([cluster({ version: '1.31' })], { asOf: '2025-11-25' })).toEqual([]);
    expect(run([cluster({ version: '1.31' })], { asOf: '2025-11-26' })[0]!.severity).toBe('warning');
    expect(run([cluster({ version: '1.31' })], { asOf: '2026-11-26' })[0]!.severity).toBe('error');
  });

  it('gives info for a version newer than the calendar and passes standard support', () => {
    expect(run([cluster({ version: '1.40' })])[0]).toMatchObject({ severity: 'info' });
    expect(run([cluster({ version: '1.35' })], { asOf: '2026-11-22' })).toEqual([]);
  });

  it('says nothing when the version is unknown', () => {
    expect(run([cluster({ version: null }, { unknown: { version: true } })])).toEqual([]);
  });
});
