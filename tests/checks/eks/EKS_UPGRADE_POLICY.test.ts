import { describe, expect, it } from 'vitest';
import { EKS_UPGRADE_POLICY } from '../../../src/checks/rules/eks/EKS_UPGRADE_POLICY.js';
import { EKS_UPGRADE_WARN_DAYS } from '../../../src/aws/facts-eks.js';
import { CLUSTER, cluster, runner, update } from './fixtures.js';

const run = runner(EKS_UPGRADE_POLICY);
const policy = (t: string) => ({ upgrade_policy: [{ support_type: t }] });

describe('EKS_UPGRADE_POLICY', () => {
  it('warns within 90 days of the end of standard support with the default EXTENDED policy', () => {
    expect(EKS_UPGRADE_WARN_DAYS).toBe(90);
    const f = run([cluster({ version: '1.34' })], { asOf: '2026-11-22' });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'EKS_UPGRADE_POLICY',
      severity: 'warning',
      address: CLUSTER,
      path: 'upgrade_policy[0].support_type',
    });
    expect(f[0]!.message).toBe(
      'standard support for Kubernetes "1.34" ends on 2026-12-02 (in 10 days): with support_type EXTENDED (the default) the cluster then enters extended support and costs $0.60/hr instead of $0.10/hr (+$0.50/hr, about +$365/month); upgrade before that date, or set support_type STANDARD while still in standard support',
    );
  });

  it('warns about the forced upgrade with STANDARD', () => {
    const f = run([cluster({ version: '1.34', ...policy('STANDARD') })], { asOf: '2026-09-10' });
    expect(f[0]!.message).toContain(
      '(in 83 days): with support_type "STANDARD" EKS then upgrades the control plane to the next minor version by itself',
    );
  });

  it('reports switching to STANDARD once the version is in extended support', () => {
    const f = run([update(cluster({ version: '1.32', ...policy('STANDARD') }), policy('EXTENDED'))], { asOf: '2026-11-22' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('EKS cannot disable extended support once a cluster has entered it');
  });

  it('passes versions far from the end of standard support and unchanged policies', () => {
    expect(run([cluster({ version: '1.34' })], { asOf: '2026-09-02' })).toEqual([]);
    expect(run([cluster({ version: '1.35' })], { asOf: '2026-11-22' })).toEqual([]);
    expect(run([update(cluster({ version: '1.32', ...policy('EXTENDED') }), {})], { asOf: '2026-11-22' })).toEqual([]);
  });

  it('says nothing when the version or a configured policy is unknown', () => {
    expect(run([cluster({ version: null }, { unknown: { version: true } })], { asOf: '2026-11-22' })).toEqual([]);
    const configured = {
      unknown: { upgrade_policy: true },
      expressions: {
        name: { constant_value: 'main' },
        version: { constant_value: '1.34' },
        upgrade_policy: [{ support_type: { references: ['var.support_type'] } }],
      },
    };
    expect(run([cluster({ version: '1.34', upgrade_policy: null }, configured)], { asOf: '2026-11-22' })).toEqual([]);
  });

  it('a new cluster without an upgrade_policy block (unknown in the plan) gets the EXTENDED default', () => {
    const fs = run([cluster({ version: '1.34', upgrade_policy: null }, { unknown: { upgrade_policy: true } })], { asOf: '2026-11-22' });
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('with support_type EXTENDED (the default) the cluster then enters extended support');
  });
});
