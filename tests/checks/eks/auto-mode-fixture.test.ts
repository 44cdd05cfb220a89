import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/engine/analyse.js';
import { FIXTURES } from '../../helpers/paths.js';

/**
 * fixtures/eks-auto-mode.json (written by make-auto-mode-fixture.ts beside this file): a complete
 * Auto Mode cluster with an Argo CD capability, and a tier-xl cluster that half-enables Auto Mode,
 * reaches Hybrid Nodes and runs a GPU node group in a Capacity Block.
 */
describe('EKS Auto Mode on a real-shaped plan', () => {
  it('reports the half-enabled cluster and nothing on the complete one', async () => {
    const { report } = await analyse([join(FIXTURES, 'eks-auto-mode.json')], { asOf: '2026-11-30', failOn: 'error', prices: 'snapshot' });
    const auto = report.plans[0]!.findings.filter((f) => f.rule.startsWith('EKS_AUTO_MODE'));
    expect(auto.map((f) => [f.rule, f.severity, f.address, f.path])).toEqual([
      ['EKS_AUTO_MODE_CONSISTENT', 'error', 'aws_eks_cluster.training', 'storage_config[0].block_storage[0].enabled'],
      ['EKS_AUTO_MODE_REQUIREMENTS', 'error', 'aws_eks_cluster.training', 'bootstrap_self_managed_addons'],
    ]);
  });

  it('prices the tier-xl control plane as unpriced, the Capacity Block as prepaid, the rest as usage-based notes', async () => {
    const { report } = await analyse([join(FIXTURES, 'eks-auto-mode.json')], { asOf: '2026-11-30', failOn: 'error', prices: 'snapshot' });
    const cost = report.plans[0]!.cost!;
    const by = (a: string) => cost.resources.find((r) => r.address === a)!;
    expect(by('aws_eks_cluster.auto').monthlyAfter).toBeCloseTo(73, 9);
    expect(by('aws_eks_cluster.training').monthlyAfter).toBeNull();
    expect(by('aws_eks_cluster.training').components.map((c) => c.name)).toEqual(['EKS Provisioned Control Plane (tier-xl)']);
    expect(by('aws_eks_cluster.training').notes).toEqual([
      expect.stringContaining('EKS Auto Mode compute is usage-based'),
      expect.stringContaining('EKS Hybrid Nodes'),
    ]);
    expect(by('aws_eks_node_group.gpu').components).toEqual([]);
    expect(by('aws_eks_node_group.gpu').unpriced.map((u) => u.item)).toEqual(['Instances (Capacity Block)']);
    expect(by('aws_eks_capability.argocd').usageBased).toBe(true);
    expect(cost.monthlyAfter).toBeNull();
  });
});
