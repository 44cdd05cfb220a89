import { describe, expect, it } from 'vitest';
import { EKS_AUTO_MODE_CONSISTENT } from '../../../src/checks/rules/eks/EKS_AUTO_MODE_CONSISTENT.js';
import { CLUSTER, cluster, runner, update } from './fixtures.js';

const run = runner(EKS_AUTO_MODE_CONSISTENT);
const compute = (enabled: unknown) => ({
  compute_config: [{ enabled, node_pools: ['general-purpose'], node_role_arn: 'arn:aws:iam::123456789012:role/node' }],
});
const storage = (enabled: unknown) => ({ storage_config: [{ block_storage: [{ enabled }] }] });
const elb = (enabled: unknown) => ({ kubernetes_network_config: [{ elastic_load_balancing: [{ enabled }] }] });

describe('EKS_AUTO_MODE_CONSISTENT', () => {
  it('fails when compute is enabled and the other two are not written (the provider sends false for them)', () => {
    const f = run([cluster({ ...compute(true), bootstrap_self_managed_addons: false })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_AUTO_MODE_CONSISTENT', severity: 'error', address: CLUSTER });
    expect(f[0]!.message).toContain('EKS Auto Mode is enabled for compute (compute_config.enabled = true) but not for block storage');
    expect(f[0]!.message).toContain('storage_config.block_storage.enabled = false (not set: the AWS default)');
    expect(f[0]!.message).toContain('all either fully enabled or fully disabled');
  });

  it('fails when one capability is written false', () => {
    const f = run([cluster({ ...compute(true), ...storage(true), ...elb(false) })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('kubernetes_network_config[0].elastic_load_balancing[0].enabled');
    expect(f[0]!.message).toContain('but not for load balancing (kubernetes_network_config.elastic_load_balancing.enabled = false)');
  });

  it('fails when an update turns off compute only', () => {
    const on = cluster({ ...compute(true), ...storage(true), ...elb(true) });
    const f = run([update(cluster({ ...compute(false), ...storage(true), ...elb(true) }), on.after!)]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('enabled for block storage');
  });

  it('passes all three enabled, all three disabled, and a cluster without Auto Mode', () => {
    expect(run([cluster({ ...compute(true), ...storage(true), ...elb(true) })])).toEqual([]);
    expect(run([cluster({ ...compute(false), ...storage(false), ...elb(false) })])).toEqual([]);
    expect(run([cluster()])).toEqual([]);
  });

  it('says nothing when a capability is known only after apply', () => {
    const spec = cluster(
      { ...compute(true), ...storage(null) },
      {
        unknown: { storage_config: [{ block_storage: [{ enabled: true }] }] },
        expressions: {
          name: { constant_value: 'main' },
          compute_config: [{ enabled: { constant_value: true } }],
          storage_config: [{ block_storage: [{ enabled: { references: ['var.auto_mode'] } }] }],
        },
      },
    );
    expect(run([spec])).toEqual([]);
  });
});
