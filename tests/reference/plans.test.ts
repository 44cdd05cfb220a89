import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { analyse } from '../../src/engine/analyse.js';
import { loadPlan, validatePlan } from '../../src/plan/load.js';
import { isModelledType } from '../../src/plan/load.js';
import { Report } from '../../src/report/schema.js';
import { REAL_PLANS } from './paths.js';

/** The real public plans: each loads, streams like the whole-file path, and is analysed without an input error. */
const files = readdirSync(REAL_PLANS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(REAL_PLANS, f));
const name = (file: string) => file.split('/').pop();

describe('real plans', () => {
  it('finds the reference plans', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(`loads ${name(file)} with every resource change`, async () => {
      const plan = await loadPlan(file);
      const raw = JSON.parse(readFileSync(file, 'utf8'));
      expect(plan.format_version).toBe(raw.format_version);
      expect(plan.resource_changes.map((r) => r.address)).toEqual((raw.resource_changes ?? []).map((r: { address: string }) => r.address));
    });

    it(`streams ${name(file)} to the same plan as the whole-file path`, async () => {
      const streamed = await loadPlan(file, { streamThresholdBytes: 0 });
      const whole = validatePlan(file, JSON.parse(readFileSync(file, 'utf8')));
      expect(streamed.resource_changes).toEqual(whole.resource_changes.filter((r) => isModelledType(r.type)));
      expect(streamed.configuration).toEqual(whole.configuration);
      expect(streamed.format_version).toBe(whole.format_version);
      expect(streamed.terraform_version).toBe(whole.terraform_version);
      expect(streamed.variables).toEqual(whole.variables);
      expect((streamed as Record<string, unknown>).planned_values).toBeUndefined();
    });
  }

  it('resolves the region of a module resource from a root provider whose region is a root variable', async () => {
    const file = join(REAL_PLANS, 'terraform-compliance__cli__test_issue-249-plan.out.json');
    const { report } = await analyse([file], { asOf: '2026-11-22', failOn: 'never' });
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    const asg = report.plans[0]!.resources.find((r) => r.type === 'aws_autoscaling_group')!;
    expect(asg.address).toBe('module.myapp-asg.aws_autoscaling_group.asg');
    expect(asg.regionSource).toBe('provider');
    expect(asg.region).toBe(raw.variables.aws_region.value);
  });

  it('the CLI reads every real plan without an input error', async () => {
    let out = '';
    const code = await runCli(['--format', 'json', '--fail-on', 'never', ...files], {
      stdout: (s) => (out += s),
      stderr: () => {},
      today: () => '2026-11-22',
    });
    expect(code).toBe(0);
    const report = Report.parse(JSON.parse(out));
    expect(report.plans.map((p) => p.error)).toEqual(files.map(() => null));
    expect(report.plans.flatMap((p) => p.resources).length).toBeGreaterThan(15);
  });

  it('analysing the real plans together gives the same report as one at a time', async () => {
    const options = { asOf: '2026-11-22', failOn: 'error' as const };
    const together = await analyse(files, options);
    const oneByOne = await Promise.all(files.map((p) => analyse([p], options)));
    expect(together.report.plans).toEqual(oneByOne.map((r) => r.report.plans[0]));
    expect([...together.sensitiveStrings].sort()).toEqual([...new Set(oneByOne.flatMap((r) => [...r.sensitiveStrings]))].sort());
  });
});
