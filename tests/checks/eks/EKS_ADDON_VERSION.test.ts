import { describe, expect, it } from 'vitest';
import { EKS_ADDON_VERSION } from '../../../src/checks/rules/eks/EKS_ADDON_VERSION.js';
import { ADDON, addon, CLUSTER, cluster, runner } from './fixtures.js';

const run = runner(EKS_ADDON_VERSION);

describe('EKS_ADDON_VERSION', () => {
  it('reports a kube-proxy build newer than the cluster minor', () => {
    const f = run([cluster({ version: '1.33' }), addon({ addon_version: 'v1.34.6-eksbuild.13' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_ADDON_VERSION', severity: 'error', address: ADDON, path: 'addon_version' });
    expect(f[0]!.message).toBe(
      `addon_version "v1.34.6-eksbuild.13" is built for a newer Kubernetes minor than cluster ${CLUSTER}'s "1.33": "kube-proxy" must not be newer than the API server, and EKS offers no such build for this cluster ("Addon version specified is not supported"); use a v1.33.x build, e.g. v1.33.10-eksbuild.13 (EKS user guide, table last verified 2026-11-22)`,
    );
  });

  it('warns on a kube-proxy build for an older minor', () => {
    const f = run([cluster({ version: '1.34' }), addon({ addon_version: 'v1.32.13-eksbuild.16' })]);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('built for an older Kubernetes minor');
  });

  it('reports an add-on not available for the cluster version', () => {
    const f = run([cluster({ version: '1.23' }), addon({ addon_name: 'eks-pod-identity-agent', addon_version: null })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('addon_name');
    expect(f[0]!.message).toContain('add-on "eks-pod-identity-agent" is not available for Kubernetes "1.23"');
    expect(f[0]!.message).toContain('it needs 1.24 or later');
  });

  it('passes matching builds, add-ons without a version rule and add-ons the table does not know', () => {
    expect(run([cluster({ version: '1.34' }), addon()])).toEqual([]);
    expect(run([cluster({ version: '1.34' }), addon({ addon_name: 'coredns', addon_version: 'v1.10.1-eksbuild.38' })])).toEqual([]);
    expect(run([cluster({ version: '1.34' }), addon({ addon_name: 'some-marketplace-addon', addon_version: 'v9.9.9' })])).toEqual([]);
    expect(run([cluster({ version: '1.34' }), addon({ addon_name: 'eks-pod-identity-agent', addon_version: null })])).toEqual([]);
  });

  it('says nothing when the cluster version or the add-on version is unknown', () => {
    expect(run([cluster({ version: null }, { unknown: { version: true } }), addon({ addon_version: 'v1.20.0-eksbuild.1' })])).toEqual([]);
    expect(run([cluster({ version: '1.30' }), addon({ addon_version: null }, { unknown: { addon_version: true } })])).toEqual([]);
  });
});
