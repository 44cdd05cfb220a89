import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/analyse.js';
import { FIXTURES } from '../helpers/paths.js';

/**
 * fixtures/eks-asg-real-shaped.json is written the way Terraform writes a plan of
 * terraform-aws-modules/eks and terraform-aws-modules/autoscaling: an existing managed node
 * group whose state holds disk_size 0 beside the module's launch template, a new cluster with no
 * upgrade_policy block, and an Auto Scaling group whose launch template and mixed instances
 * policy blocks expand to nothing.
 */
describe('EKS and Auto Scaling plan as the community modules write it', () => {
  it('reports the group without a launch source and the EXTENDED default, and no disk_size error', async () => {
    const { report } = await analyse([join(FIXTURES, 'eks-asg-real-shaped.json')], { asOf: '2026-11-30', failOn: 'error' });
    const findings = report.plans[0]!.findings.map((f) => [f.rule, f.severity, f.address, f.path]);
    expect(findings).toEqual([
      ['EKS_VERSION_SUPPORT', 'warning', 'module.eks.aws_eks_cluster.this[0]', 'version'],
      ['EKS_UPGRADE_POLICY', 'warning', 'module.eks_sandbox.aws_eks_cluster.this[0]', 'upgrade_policy[0].support_type'],
      ['ASG_NO_LAUNCH_SOURCE', 'error', 'module.workers.aws_autoscaling_group.this[0]', 'launch_template'],
    ]);
    const byRule = (id: string) => report.plans[0]!.findings.find((f) => f.rule === id)!.message;
    expect(byRule('EKS_UPGRADE_POLICY')).toContain('with support_type EXTENDED (the default) the cluster then enters extended support');
    expect(byRule('EKS_VERSION_SUPPORT')).toContain('Kubernetes "1.33" is in EKS extended support on 2026-11-30');
    expect(byRule('ASG_NO_LAUNCH_SOURCE')).toContain(
      'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter',
    );
    expect(report.gate.passed).toBe(false);
  });
});
