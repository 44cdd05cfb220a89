import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { engineOptions, runCli } from '../../src/cli/main.js';
import { analyse } from '../../src/engine/analyse.js';
import { labelStack, mergeReportFiles, mergeReports, readReport } from '../../src/engine/merge.js';
import { InputError } from '../../src/plan/errors.js';
import { render } from '../../src/report/render.js';
import { Report } from '../../src/report/schema.js';
import { FIXTURES } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';

const TODAY = '2026-11-22';
const gateOptions = (o: { failOn?: string; maxIncrease?: string; maxIncreasePercent?: string } = {}) => engineOptions(o, TODAY);

/** The JSON report the engine writes for one fixture plan, as a per-stack run would upload it. */
async function reportFile(fixture: string, stack?: string): Promise<{ path: string; report: Report }> {
  const { report } = await analyse([join(FIXTURES, fixture)], engineOptions({ asOf: TODAY }, TODAY));
  const named = stack ? labelStack(report, stack) : report;
  const path = writePlan(`${stack ?? fixture.replace(/\.json$/, '')}-report.json`, render(named, 'json'));
  return { path, report: Report.parse(JSON.parse(readFileSync(path, 'utf8'))) };
}

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => TODAY });
  return { code, out, err };
}

describe('merging the reports of several stacks', () => {
  let network: { path: string; report: Report };
  let batch: { path: string; report: Report };
  let payments: { path: string; report: Report };
  beforeAll(async () => {
    network = await reportFile('example-stack.json', 'network');
    batch = await reportFile('ecs-ec2.json', 'batch');
    payments = await reportFile('fargate-invalid-size.json', 'payments');
  });

  it('three reports: every plan, finding and cost kept, in order, labelled by stack', async () => {
    const { report, skipped, warnings } = await mergeReportFiles([network.path, batch.path, payments.path], gateOptions());
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
    expect(report.warnings).toBeUndefined();
    expect(report.plans.map((p) => p.name)).toEqual(['network', 'batch', 'payments']);
    expect(report.plans).toEqual([...network.report.plans, ...batch.report.plans, ...payments.report.plans]);
    expect(report.asOf).toBe(TODAY);
    // The same as analysing the three plans in one run: the merge loses nothing and adds nothing.
    const together = await analyse(
      ['example-stack.json', 'ecs-ec2.json', 'fargate-invalid-size.json'].map((f) => join(FIXTURES, f)),
      gateOptions(),
    );
    expect(report.cost).toEqual(together.report.cost);
    expect(report.gate).toEqual(together.report.gate);
    expect(report.plans.map(({ name: _, ...p }) => p)).toEqual(together.report.plans);
    expect(Report.safeParse(report).success).toBe(true);
  });

  it('the gate is decided again from the merged findings, with the merging run’s fail-on', async () => {
    const files = [network, payments];
    const withError = mergeReports(files, gateOptions()).report;
    expect(withError.gate).toEqual({ passed: false, reasons: ['1 error on changed resources'] });
    expect(mergeReports(files, gateOptions({ failOn: 'never' })).report.gate).toEqual({ passed: true, reasons: [] });
    expect(mergeReports(files, gateOptions({ failOn: 'warning' })).report.gate.reasons).toEqual([
      '1 error on changed resources',
      '1 warning on changed resources',
    ]);
    // A stack that passed on its own fails under a stricter merging run.
    expect(network.report.gate.passed).toBe(true);
    expect(mergeReports([network], gateOptions({ failOn: 'warning' })).report.gate.passed).toBe(false);
  });

  it('the cost limit is checked on the total across stacks', async () => {
    const files = [network, payments];
    const delta = network.report.cost!.monthlyDelta! + payments.report.cost!.monthlyDelta!;
    const merged = mergeReports(files, gateOptions({ failOn: 'never', maxIncrease: String(Math.floor(delta) - 1) })).report;
    expect(merged.cost!.monthlyDelta).toBeCloseTo(delta, 6);
    expect(merged.gate.reasons).toEqual([expect.stringMatching(/^\+\$755\.87\/month exceeds max-increase \$754\.00$/)]);
    // Each stack alone stays under that limit: only the sum exceeds it.
    for (const f of files)
      expect(mergeReports([f], gateOptions({ failOn: 'never', maxIncrease: String(Math.floor(delta) - 1) })).report.gate.passed).toBe(true);
    expect(mergeReports(files, gateOptions({ failOn: 'never', maxIncrease: String(Math.ceil(delta)) })).report.gate.passed).toBe(true);
    // One stack's unknown delta makes the total unknown, never 0.
    const withUnknown = mergeReports([...files, batch], gateOptions({ failOn: 'never', maxIncrease: '100000' })).report;
    expect(batch.report.cost!.monthlyDelta).toBeNull();
    expect(withUnknown.cost!.monthlyDelta).toBeNull();
    expect(withUnknown.gate.reasons).toEqual(['the monthly cost delta is unknown, so the cost limit cannot be checked']);
  });

  it('an unknown schemaVersion, a malformed file and one off the schema are warnings; the others are merged', async () => {
    const v2 = writePlan('v2-report.json', JSON.stringify({ ...network.report, schemaVersion: 2 }));
    const truncated = writePlan('truncated-report.json', readFileSync(batch.path, 'utf8').slice(0, 300));
    const notJson = writePlan('garbage-report.json', '{"schemaVersion": 1, plans: []}');
    const offSchema = writePlan(
      'off-schema-report.json',
      JSON.stringify({ ...batch.report, plans: [{ ...batch.report.plans[0], findings: 'none' }] }),
    );
    const noVersion = writePlan('plan-not-report.json', readFileSync(join(FIXTURES, 'ecs-ec2.json'), 'utf8'));
    const missing = join(FIXTURES, 'no-such-report.json');
    const { report, skipped, warnings } = await mergeReportFiles(
      [v2, network.path, truncated, notJson, offSchema, noVersion, missing, payments.path],
      gateOptions(),
    );
    expect(report.plans.map((p) => p.name)).toEqual(['network', 'payments']);
    expect(report.gate.reasons).toEqual(['1 error on changed resources']);
    expect(skipped).toEqual([
      `${v2}: schemaVersion 2 is not one this version reads (1); merge with the version that wrote it; left out of the merged report`,
      `${truncated}: not JSON: the file is truncated; left out of the merged report`,
      `${notJson}: not JSON (line 1, column 22: expected a property name in double quotes); left out of the merged report`,
      `${offSchema}: does not match the report schema (plans.0.findings: Invalid input: expected array, received string); left out of the merged report`,
      `${noVersion}: not a container-plan-check JSON report (it has no schemaVersion); left out of the merged report`,
      `${missing}: no such file; left out of the merged report`,
    ]);
    expect(warnings).toEqual(skipped);
    expect(report.warnings).toEqual(skipped);
    // A reviewer reading only the comment sees that stacks were left out, right under its first line.
    const md = render(report, 'markdown').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    const head = md.split('<details')[0]!;
    for (const w of skipped) expect(head).toContain(`> ⚠️ ${w}`);
    // The text report labels each plan by its stack.
    expect(render(report, 'text')).toMatch(/^network: .*example-stack\.json \(Terraform/m);
  });

  it('none usable: one line naming each file', async () => {
    const bad = writePlan('only-bad.json', '[1, 2');
    const err = await mergeReportFiles([bad, join(FIXTURES, 'nope.json')], gateOptions()).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe(
      `no report could be merged: ${bad}: not JSON: the file is truncated; left out of the merged report; ${join(FIXTURES, 'nope.json')}: no such file; left out of the merged report`,
    );
    await expect(mergeReportFiles([], gateOptions())).rejects.toThrow('no report to merge');
  });

  it('a malformed report is never quoted', async () => {
    const secret = 'hunter2-very-secret-token';
    const p = writePlan('quoting.json', `{"schemaVersion": 1, "asOf": "${secret}" "plans": []}`);
    const r = await readReport(p);
    expect(r).toEqual({ problem: expect.stringMatching(/not JSON \(line 1, column \d+: expected "," or "\}"\)/) });
    expect(JSON.stringify(r)).not.toContain(secret);
  });

  it('report warnings are carried; different evaluation dates are said', async () => {
    const older = { ...network.report, asOf: '2026-11-20', warnings: ['stacks/network/main.tf: does not parse'] };
    const { report, warnings } = mergeReports([{ path: 'a.json', report: older }, payments], gateOptions());
    expect(report.asOf).toBe(TODAY);
    expect(warnings).toEqual([
      'the reports were evaluated as of different dates (2026-11-20, 2026-11-22); the merged report is dated 2026-11-22',
    ]);
    expect(report.warnings).toEqual(['stacks/network/main.tf: does not parse', ...warnings]);
  });

  it('plans without a stack name are labelled by path, told apart by report file when paths collide', async () => {
    const unnamed = (await analyse([join(FIXTURES, 'ecs-ec2.json')], gateOptions())).report;
    const same = { ...unnamed, plans: unnamed.plans.map((p) => ({ ...p, path: 'plan.json' })) };
    const { report } = mergeReports(
      [{ path: 'reports/a/report.json', report: same }, { path: 'reports/b/report.json', report: same }, network],
      gateOptions(),
    );
    expect(report.plans.map((p) => p.name)).toEqual(['plan.json (reports/a/report.json)', 'plan.json (reports/b/report.json)', 'network']);
    const distinct = mergeReports([{ path: 'r.json', report: unnamed }, network], gateOptions()).report;
    expect(distinct.plans[0]!.name).toBeUndefined();
  });

  it('stack-name: the plan’s name, or STACK: PATH for each of several plans', async () => {
    const one = (await analyse([join(FIXTURES, 'ecs-ec2.json')], gateOptions())).report;
    expect(labelStack(one, ' batch\n').plans.map((p) => p.name)).toEqual(['batch']);
    const two = (await analyse([join(FIXTURES, 'ecs-ec2.json'), join(FIXTURES, 'eks-fargate.json')], gateOptions())).report;
    expect(labelStack(two, 'platform').plans.map((p) => p.name)).toEqual([
      `platform: ${join(FIXTURES, 'ecs-ec2.json')}`,
      `platform: ${join(FIXTURES, 'eks-fargate.json')}`,
    ]);
    expect(labelStack(two, '  ')).toBe(two);
  });

  it('the Markdown report has one section per stack, labelled by its name', async () => {
    const { report } = mergeReports([network, batch, payments], gateOptions());
    const md = render(report, 'markdown');
    // The status and the cost change open it (the old headline carried the plan count first: the issue asked to change it).
    expect(md).toMatch(/^### ❌ 1 error · 1 warning · /);
    expect(md.split('\n')[2]).toMatch(/^\*\*container-plan-check\*\* · 3 plans · Plan: /);
    const sections = [...md.matchAll(/^<details open><summary><code>([^<]+)<\/code> — /gm)].map((m) => m[1]);
    expect(sections).toEqual(['network', 'batch', 'payments']);
  });
});

describe('container-plan-check merge', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = (await reportFile('example-stack.json', 'cli-network')).path;
    b = (await reportFile('fargate-invalid-size.json', 'cli-payments')).path;
  });

  it('merges to JSON; exit 1 when the merged gate fails, 0 under --fail-on never', async () => {
    const r = await cli('merge', '--format', 'json', a, b);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const report = Report.parse(JSON.parse(r.out));
    expect(report.plans.map((p) => p.name)).toEqual(['cli-network', 'cli-payments']);
    expect(report.gate.passed).toBe(false);
    const lenient = await cli('merge', '--fail-on', 'never', '--max-increase', '1000', a, b);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toMatch(/gate: passed\n$/);
  });

  it('--output writes the file; a bad report is named on stderr and makes exit 2 once the rest is written', async () => {
    const bad = writePlan('cli-bad.json', '{"schemaVersion": 7}');
    const out = writePlan('cli-merged.sarif', '');
    const r = await cli('merge', '--format', 'sarif', '--output', out, '--fail-on', 'never', a, bad, b);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `container-plan-check: ${bad}: schemaVersion 7 is not one this version reads (1); merge with the version that wrote it; left out of the merged report\n`,
    );
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual(['EKS_VERSION_SUPPORT', 'FARGATE_CPU_MEMORY']);
  });

  it('usage errors: one line, exit 2', async () => {
    expect(await cli('merge')).toEqual({
      code: 2,
      out: '',
      err: 'container-plan-check: no report given; usage: container-plan-check merge [options] REPORT.json... (see --help)\n',
    });
    expect((await cli('merge', '--region', 'eu-west-1', a)).err).toBe(
      'container-plan-check: merge takes no --region: the reports were analysed by the runs that wrote them\n',
    );
    expect((await cli('merge', '--fail-on', 'sometimes', a)).err).toBe('container-plan-check: --fail-on must be error, warning or never\n');
    expect((await cli('merge', '--format', 'html', a)).code).toBe(2);
    const none = await cli('merge', join(FIXTURES, 'nope.json'));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(
      /^container-plan-check: no report could be merged: .*nope\.json: no such file; left out of the merged report\n$/,
    );
    expect((await cli('merge', '--help')).out).toContain('container-plan-check merge [options] REPORT.json...');
  });
});
