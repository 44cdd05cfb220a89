import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { Report } from '../../src/report/schema.js';
import { FIXTURES } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

const fx = (n: string) => join(FIXTURES, n);

describe('CLI', () => {
  it('prints a text report and exits 0', async () => {
    const r = await cli(fx('example-stack.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('container-plan-check');
    expect(r.out).toContain('as of 2026-11-22');
    expect(r.out).toMatch(/\+ create\s+aws_ecs_service\.api\s+us-east-1/);
    expect(r.out).toMatch(/module\.eks\.aws_eks_node_group\.general/);
    expect(r.err).toBe('');
  });

  it('writes the versioned JSON report', async () => {
    const r = await cli('--format', 'json', '--as-of', '2026-01-15', fx('services-modules.json'));
    const report = Report.parse(JSON.parse(r.out));
    expect(report.schemaVersion).toBe(1);
    expect(report.asOf).toBe('2026-01-15');
    const p = report.plans[0]!;
    expect(p).toMatchObject({ terraformVersion: '1.9.8', formatVersion: '1.2', error: null });
    const byAddr = Object.fromEntries(p.resources.map((x) => [x.address, x]));
    expect(byAddr['aws_ecs_cluster.shared']).toMatchObject({ action: 'no-op', importing: true, region: 'us-east-1' });
    expect(byAddr['module.service["api"].aws_ecs_task_definition.this']!.action).toBe('replace');
    expect(byAddr['aws_ecs_service.legacy[0]']!.action).toBe('delete');
    expect(byAddr['module.service["web"].aws_ecs_service.this']).toMatchObject({ action: 'update', module: 'module.service["web"]' });
  });

  it('--output writes to a file; markdown format', async () => {
    const out = writePlan('report.md', '');
    const r = await cli('--format', 'markdown', '--output', out, fx('ecs-ec2.json'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const md = readFileSync(out, 'utf8').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(md).toContain('<code>aws_ecs_capacity_provider.batch</code>');
    expect(md).toContain('eu-west-1');
  });

  it('several plans, one bad: the good ones are still reported, exit 2, one line on stderr', async () => {
    const bad = writePlan('bad-state.json', JSON.stringify({ format_version: '1.0', values: {} }));
    const r = await cli('--format', 'json', fx('example-stack.json'), bad, fx('ecs-ec2.json'));
    expect(r.code).toBe(2);
    const report = Report.parse(JSON.parse(r.out));
    expect(report.plans.map((p) => p.error === null)).toEqual([true, false, true]);
    expect(report.plans[0]!.resources.length).toBe(7);
    expect(report.plans[2]!.resources.length).toBe(7);
    expect(report.gate.passed).toBe(false);
    expect(r.err.trim().split('\n')).toEqual([
      `container-plan-check: ${bad}: is a Terraform state file (it has "values" and no "resource_changes"); run \`terraform plan -out plan.out\` then \`terraform show -json plan.out > plan.json\``,
    ]);
  });

  const usage: [string[], RegExp][] = [
    [[], /no plan given/],
    [['--format', 'yaml', 'x.json'], /--format must be one of text, markdown, json/],
    [['--as-of', '2026-13-01', 'x.json'], /--as-of must be a date as YYYY-MM-DD/],
    [['--fail-on', 'sometimes', 'x.json'], /--fail-on must be error, warning or never/],
    [['--region', 'mars', 'x.json'], /--region "mars" is not an AWS region name/],
    [['--max-increase', 'lots', 'x.json'], /--max-increase must be a non-negative number/],
    [['--bogus', 'x.json'], /Unknown option '--bogus'/],
  ];
  for (const [args, re] of usage) {
    it(`usage error: ${args.join(' ') || '(no args)'}`, async () => {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(re);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }

  it('--help and --version', async () => {
    expect((await cli('--help')).out).toContain('Usage: container-plan-check');
    const pkg = JSON.parse(readFileSync(join(FIXTURES, '..', 'package.json'), 'utf8'));
    expect((await cli('--version')).out.trim()).toBe(pkg.version);
  });

  it('never prints a sensitive value in any format', async () => {
    for (const format of ['text', 'markdown', 'json']) {
      const r = await cli('--format', format, fx('services-modules.json'));
      expect(r.out + r.err).not.toContain('hunter2');
    }
  });
});
