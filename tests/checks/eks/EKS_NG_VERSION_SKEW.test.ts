import { describe, expect, it } from 'vitest';
import { EKS_NG_VERSION_SKEW } from '../../../src/checks/rules/eks/EKS_NG_VERSION_SKEW.js';
import { ref } from '../../helpers/plan.js';
import { CLUSTER, cluster, NG, nodeGroup, runner, update } from './fixtures.js';

const run = runner(EKS_NG_VERSION_SKEW);

describe('EKS_NG_VERSION_SKEW', () => {
  it('reports a node group newer than its cluster', () => {
    const f = run([cluster({ version: '1.33' }), nodeGroup({ version: '1.34' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_NG_VERSION_SKEW', severity: 'error', address: NG, path: 'version' });
    expect(f[0]!.message).toBe(
      `node group version "1.34" is newer than cluster ${CLUSTER}'s version "1.33": EKS rejects a node group newer than its control plane; use "1.33" or upgrade the cluster first`,
    );
  });

  it('reports a control-plane upgrade while a node group lags the current version', () => {
    const f = run([update(cluster({ version: '1.34' }), { version: '1.33' }), update(nodeGroup({ version: '1.32' }), {})]);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain(`cluster ${CLUSTER} is upgraded from "1.33" to "1.34" while this node group runs "1.32"`);
  });

  it('warns when a node group is more minors behind than the skew policy allows', () => {
    const f = run([cluster({ version: '1.34' }), nodeGroup({ version: '1.30' })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('is 4 minor versions behind');
    expect(run([cluster({ version: '1.27' }), nodeGroup({ version: '1.24' })])[0]!.message).toContain('at most 2 minors behind');
  });

  it('passes the usual upgrade order and allowed lags, following a reference to an unknown cluster name', () => {
    expect(run([update(cluster({ version: '1.34' }), { version: '1.33' }), update(nodeGroup({ version: '1.33' }), {})])).toEqual([]);
    expect(run([cluster({ version: '1.34' }), nodeGroup({ version: '1.31' })])).toEqual([]);
    const byRef = nodeGroup(
      { cluster_name: null, version: '1.35' },
      { unknown: { cluster_name: true }, expressions: { cluster_name: ref('aws_eks_cluster.main.name', 'aws_eks_cluster.main') } },
    );
    expect(run([cluster({ name: null, version: '1.34' }, { unknown: { name: true } }), byRef]).map((x) => x.path)).toEqual(['version']);
  });

  it('says nothing when a version is unknown', () => {
    expect(run([cluster({ version: null }, { unknown: { version: true } }), nodeGroup({ version: '1.34' })])).toEqual([]);
    expect(run([cluster({ version: '1.30' }), nodeGroup({ version: null }, { unknown: { version: true } })])).toEqual([]);
  });
});
