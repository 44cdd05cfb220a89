import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { Report } from '../../src/report/schema.js';
import { REAL_PLANS } from './paths.js';

/**
 * What the real public plans read as, through the CLI with `--format json` as a user runs it:
 * settings the configuration leaves to AWS (unknown at create) read as AWS's defaults, detailed
 * monitoring is priced per instance, and no figure is left "known only after apply" by an
 * attribute nobody wrote. Figures from the embedded snapshot (us-east-1 t2.medium $0.0464/h,
 * CloudWatch metric $0.30/metric-month; no EC2 or CloudWatch prices in eu-west-1 yet).
 */
async function report(file: string) {
  let out = '';
  const code = await runCli(['--format', 'json', '--fail-on', 'never', join(REAL_PLANS, file)], {
    stdout: (s) => (out += s),
    stderr: () => {},
    today: () => '2026-11-22',
  });
  expect(code).toBe(0);
  return Report.parse(JSON.parse(out)).plans[0]!;
}

const costOf = async (file: string, address: string) => {
  const plan = await report(file);
  const r = plan.cost?.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no cost for ${address}`);
  return r;
};

describe('real plans: values left to AWS', () => {
  it('terraform-compliance issue-249: a launch configuration with detailed monitoring on is priced with 7 CloudWatch metrics per instance', async () => {
    const r = await costOf('terraform-compliance__cli__test_issue-249-plan.out.json', 'module.myapp-asg.aws_autoscaling_group.asg');
    expect(r.components.map((k) => [k.name, k.quantity, k.unitPrice])).toEqual([
      ['Instances t2.medium (on-demand)', 730, 0.0464],
      ['CloudWatch detailed monitoring (7 metrics per instance)', 7, 0.3],
    ]);
    // 0.0464 × 730 + 7 × 0.30 = 33.872 + 2.10
    expect(r.monthlyAfter).toBeCloseTo(35.972, 9);
    expect(r.unpriced).toEqual([]);
  });

  it('terracost asg-plan: monitoring on in the launch configuration (3 instances), off in the launch template (from var.enable_mon); an EBS mapping without a type is gp2', async () => {
    const file = 'cycloidio__terracost__asg-plan.json';
    const lc = await costOf(file, 'module.magento.aws_autoscaling_group.lc');
    expect(lc.components.find((k) => k.name.startsWith('CloudWatch'))).toMatchObject({ quantity: 21, unitPrice: null, monthly: null });
    expect(lc.unpriced.map((u) => u.reason)).toContain(
      'no price for cloudwatch/metric-month in eu-west-1 in the price snapshot of 2026-11-22',
    );
    const lt = await costOf(file, 'module.magento.aws_autoscaling_group.lt');
    expect(lt.components.map((k) => k.name)).toEqual(['Instances t3.large (on-demand, dedicated)', 'EBS /dev/sda1 (gp2, 20 GB)']);
  });

  it('pennywise: desired_capacity left to AWS starts at min_size (2), and monitoring (launch configuration default) counts 2 instances', async () => {
    const r = await costOf('kaytu-io__pennywise__tfplan.json', 'aws_autoscaling_group.example');
    expect(r.description).toBe('2 × t2.micro');
    expect(r.components.map((k) => [k.name, k.quantity])).toEqual([
      ['Instances t2.micro (on-demand)', 1460],
      ['CloudWatch detailed monitoring (7 metrics per instance)', 14],
    ]);
  });

  it('no real plan has a note, an unpriced reason or a finding saying a value is known only after apply', async () => {
    const files = readdirSync(REAL_PLANS).filter((f) => f.endsWith('.json'));
    for (const file of files) {
      const plan = await report(file);
      const texts = [
        ...(plan.notes ?? []),
        ...plan.findings.map((f) => f.message),
        ...(plan.cost?.resources ?? []).flatMap((r) => [...(r.notes ?? []), ...r.unpriced.map((u) => u.reason)]),
      ];
      expect(
        texts.filter((t) => /after apply/.test(t)),
        file,
      ).toEqual([]);
    }
  });
});
