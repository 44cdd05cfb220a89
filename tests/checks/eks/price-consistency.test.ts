import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/engine/analyse.js';
import { buildPlan, writePlan } from '../../helpers/plan.js';

/** The checks that quote a price use the run's prices, as the cost section does (one figure each). */
describe('EKS findings and the cost section agree on the control-plane price', () => {
  it('with a negotiated discount (cost.edpDiscountPercent: 50), the finding quotes the discounted extended-support price', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-edp-'));
    const settingsFile = join(dir, '.container-plan-check.yml');
    writeFileSync(settingsFile, 'cost:\n  edpDiscountPercent: 50\n');
    const plan = writePlan(
      'edp.json',
      buildPlan([
        {
          address: 'aws_eks_cluster.main',
          after: {
            name: 'main',
            version: '1.32',
            role_arn: 'arn:aws:iam::111122223333:role/eks',
            upgrade_policy: [{ support_type: 'EXTENDED' }],
          },
        },
      ]),
    );
    const { report } = await analyse([plan], { asOf: '2026-11-30', failOn: 'never', prices: 'snapshot', settingsFile });
    const finding = report.plans[0]!.findings.find((f) => f.rule === 'EKS_VERSION_SUPPORT')!;
    const cluster = report.plans[0]!.cost!.resources.find((r) => r.address === 'aws_eks_cluster.main')!;
    const monthly = cluster.monthlyAfter!;
    const hourly = monthly / 730;
    expect(finding.message).toContain(`costs $${hourly.toFixed(2)}/hr`);
    // The same price without the discount would be twice as much.
    expect(finding.message).not.toContain(`costs $${(hourly * 2).toFixed(2)}/hr`);
  });

  it('fixtures/eks-fargate.json (support_type STANDARD): the finding quotes the figure of the cost row, not extended support', async () => {
    const { report } = await analyse(['fixtures/eks-fargate.json'], { asOf: '2026-11-22', failOn: 'never', prices: 'snapshot' });
    const finding = report.plans[0]!.findings.find((f) => f.rule === 'EKS_VERSION_SUPPORT')!;
    const cluster = report.plans[0]!.cost!.resources.find((r) => r.address === 'aws_eks_cluster.platform')!;
    expect(cluster.components.map((k) => k.name)).toEqual(['EKS control plane']);
    expect(finding.message).toContain(`costs the standard rate ($${cluster.monthlyAfter!.toFixed(2)}/month)`);
    expect(finding.message).not.toMatch(/\$0\.60\/hr|extended support and costs/);
  });
});
