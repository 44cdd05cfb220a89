import { describe, expect, it } from 'vitest';
import { EKS_AUTO_MODE_REQUIREMENTS } from '../../../src/checks/rules/eks/EKS_AUTO_MODE_REQUIREMENTS.js';
import { CLUSTER, cluster, runner, update } from './fixtures.js';

const run = runner(EKS_AUTO_MODE_REQUIREMENTS);
const ROLE = 'arn:aws:iam::123456789012:role/eks-auto-node';
const auto = (computeConfig: Record<string, unknown> = { node_pools: ['general-purpose', 'system'], node_role_arn: ROLE }) => ({
  compute_config: [{ enabled: true, ...computeConfig }],
  storage_config: [{ block_storage: [{ enabled: true }] }],
  kubernetes_network_config: [{ elastic_load_balancing: [{ enabled: true }] }],
  access_config: [{ authentication_mode: 'API' }],
  bootstrap_self_managed_addons: false,
});

describe('EKS_AUTO_MODE_REQUIREMENTS', () => {
  it('fails a new Auto Mode cluster that leaves bootstrap_self_managed_addons at its default true', () => {
    const { bootstrap_self_managed_addons: _, ...rest } = auto();
    const f = run([cluster({ ...rest, bootstrap_self_managed_addons: true }, { expressions: { name: { constant_value: 'main' } } })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'EKS_AUTO_MODE_REQUIREMENTS',
      severity: 'error',
      address: CLUSTER,
      path: 'bootstrap_self_managed_addons',
    });
    expect(f[0]!.message).toContain('is true (the provider default when it is not set) on a new cluster');
    expect(f[0]!.message).toContain('When EKS Auto Mode is enabled, bootstrapSelfManagedAddons must be set to false.');
  });

  it('fails node pools without a node role, and a node role without node pools', () => {
    const noRole = run([cluster(auto({ node_pools: ['general-purpose'] }))]);
    expect(noRole).toHaveLength(1);
    expect(noRole[0]!.path).toBe('compute_config[0].node_role_arn');
    expect(noRole[0]!.message).toContain('When Compute Config nodeRoleArn is null or empty, nodePool list cannot be populated.');
    const noPools = run([cluster(auto({ node_pools: [], node_role_arn: ROLE }))]);
    expect(noPools).toHaveLength(1);
    expect(noPools[0]!.path).toBe('compute_config[0].node_pools');
  });

  it('a node role from a role created in the same plan (known after apply) counts as set', () => {
    const spec = cluster(auto({ node_pools: ['general-purpose'], node_role_arn: null }), {
      unknown: { compute_config: [{ node_role_arn: true }] },
    });
    spec.expressions = {
      name: { constant_value: 'main' },
      compute_config: [
        {
          enabled: { constant_value: true },
          node_pools: { constant_value: ['general-purpose'] },
          node_role_arn: { references: ['aws_iam_role.node.arn', 'aws_iam_role.node'] },
        },
      ],
      storage_config: [{ block_storage: [{ enabled: { constant_value: true } }] }],
      kubernetes_network_config: [{ elastic_load_balancing: [{ enabled: { constant_value: true } }] }],
      access_config: [{ authentication_mode: { constant_value: 'API' } }],
      bootstrap_self_managed_addons: { constant_value: false },
    };
    expect(run([spec])).toEqual([]);
  });

  it('warns about CONFIG_MAP, written or left to the API default, and about Kubernetes before 1.29', () => {
    const written = run([cluster({ ...auto(), access_config: [{ authentication_mode: 'CONFIG_MAP' }] })]);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ severity: 'warning', path: 'access_config[0].authentication_mode' });
    expect(written[0]!.message).toContain('authentication_mode is "CONFIG_MAP": EKS Auto Mode requires EKS access entries');
    const { access_config: _, ...noAccess } = auto();
    const byDefault = run([cluster(noAccess)]);
    expect(byDefault.map((f) => f.message)).toEqual([expect.stringContaining('"CONFIG_MAP" (not set: the AWS default)')]);
    const old = run([cluster({ ...auto(), version: '1.28' })]);
    expect(old).toHaveLength(1);
    expect(old[0]!.message).toContain('requires Kubernetes 1.29 or later');
  });

  it('passes a complete Auto Mode cluster, Auto Mode without built-in pools, and clusters without Auto Mode', () => {
    expect(run([cluster(auto())])).toEqual([]);
    expect(run([cluster(auto({ node_pools: [] }))])).toEqual([]);
    expect(run([cluster({ bootstrap_self_managed_addons: true })])).toEqual([]);
  });

  it('does not judge bootstrap_self_managed_addons when Auto Mode is enabled on an existing cluster', () => {
    const before = { bootstrap_self_managed_addons: true, access_config: [{ authentication_mode: 'API_AND_CONFIG_MAP' }] };
    const after = { ...auto(), ...before };
    expect(run([update(cluster(after), { ...before, compute_config: [{ enabled: false }] })])).toEqual([]);
  });
});
