import { describe, expect, it } from 'vitest';
import { EKS_AUTO_MODE_ADDONS } from '../../../src/checks/rules/eks/EKS_AUTO_MODE_ADDONS.js';
import { ADDON, addon, cluster, runner, update } from './fixtures.js';

const run = runner(EKS_AUTO_MODE_ADDONS);
const on = {
  compute_config: [{ enabled: true, node_pools: ['general-purpose'], node_role_arn: 'arn:aws:iam::123456789012:role/node' }],
  storage_config: [{ block_storage: [{ enabled: true }] }],
  kubernetes_network_config: [{ elastic_load_balancing: [{ enabled: true }] }],
};
const off = {
  compute_config: [{ enabled: false, node_pools: [], node_role_arn: '' }],
  storage_config: [{ block_storage: [{ enabled: false }] }],
  kubernetes_network_config: [{ elastic_load_balancing: [{ enabled: false }] }],
};
const enabling = (version = '1.31') => update(cluster({ version, ...on }), { version, ...off });

describe('EKS_AUTO_MODE_ADDONS', () => {
  it('warns about an add-on below the guide minimum when Auto Mode is turned on for an existing cluster', () => {
    const f = run([enabling(), addon({ addon_name: 'vpc-cni', addon_version: 'v1.18.5-eksbuild.1' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_AUTO_MODE_ADDONS', severity: 'warning', address: ADDON, path: 'addon_version' });
    expect(f[0]!.message).toContain('"vpc-cni" is at "v1.18.5-eksbuild.1": the EKS user guide requires at least v1.19.0-eksbuild.1');
  });

  it('reads the kube-proxy minimum for the cluster minor, down to the eksbuild number', () => {
    const f = run([enabling('1.30'), addon({ addon_name: 'kube-proxy', addon_version: 'v1.30.6-eksbuild.2' })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('at least v1.30.6-eksbuild.3');
    expect(run([enabling('1.30'), addon({ addon_name: 'kube-proxy', addon_version: 'v1.30.6-eksbuild.3' })])).toEqual([]);
  });

  it('passes new Auto Mode clusters, clusters staying as they are, and add-ons at or above the minimum', () => {
    expect(run([cluster({ ...on }), addon({ addon_name: 'vpc-cni', addon_version: 'v1.18.5-eksbuild.1' })])).toEqual([]);
    expect(run([update(cluster({ ...on }), { ...on }), addon({ addon_name: 'vpc-cni', addon_version: 'v1.18.5-eksbuild.1' })])).toEqual([]);
    expect(run([enabling(), addon({ addon_name: 'vpc-cni', addon_version: 'v1.19.2-eksbuild.1' })])).toEqual([]);
    expect(run([enabling(), addon({ addon_name: 'coredns', addon_version: 'v1.11.1-eksbuild.1' })])).toEqual([]);
  });
});
