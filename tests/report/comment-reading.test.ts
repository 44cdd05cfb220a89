import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/analyse.js';
import { renderComment } from '../../src/report/comment.js';
import { md } from '../../src/report/escape.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { shownPath } from '../../src/report/paths.js';
import { Report, type ResourceCost } from '../../src/report/schema.js';
import { largeFargatePlan } from '../helpers/large-plan.js';

const MARKER = '<!-- container-plan-check -->';
const OPTS = { asOf: '2026-11-22', failOn: 'error' as const, prices: 'snapshot' as const };

async function reportOf(fixture: string): Promise<Report> {
  return (await analyse([`fixtures/${fixture}`], OPTS)).report;
}

const rc = (address: string, over: Partial<ResourceCost>): ResourceCost => ({
  address,
  type: 'aws_ecs_service',
  action: 'update',
  monthlyBefore: 10,
  monthlyAfter: 10,
  monthlyDelta: 0,
  min: 10,
  max: 10,
  components: [],
  unpriced: [],
  ...over,
});

/** A one-plan report with the given cost rows (totals added up as the engine does: null wins). */
function costReport(resources: ResourceCost[], actions: Record<string, string> = {}): Report {
  const sum = (k: 'monthlyBefore' | 'monthlyAfter' | 'monthlyDelta' | 'min' | 'max') =>
    resources.some((r) => r[k] === null) ? null : resources.reduce((a, r) => a + (r[k] as number), 0);
  const totals = {
    currency: 'USD' as const,
    monthlyBefore: sum('monthlyBefore'),
    monthlyAfter: sum('monthlyAfter'),
    monthlyDelta: sum('monthlyDelta'),
    min: sum('min'),
    max: sum('max'),
    snapshotDate: '2026-11-01',
  };
  return Report.parse({
    schemaVersion: 1,
    asOf: '2026-11-22',
    plans: [
      {
        path: 'plan.json',
        terraformVersion: '1.9.8',
        formatVersion: '1.2',
        error: null,
        resources: resources.map((r) => ({
          address: r.address,
          type: r.type,
          action: actions[r.address] ?? r.action,
          region: 'us-east-1',
        })),
        findings: [],
        cost: { ...totals, resources },
      },
    ],
    cost: totals,
    gate: { passed: true, reasons: [] },
  });
}

describe('the headline: status and what changes', () => {
  it('a plan with no cost change says so, not "$0.00/month (… 0.0%)"', () => {
    const body = renderComment(
      costReport([rc('aws_ecs_service.a', { monthlyBefore: 690.28, monthlyAfter: 690.28, min: 690.28, max: 690.28 })]),
      {
        marker: MARKER,
      },
    );
    expect(body.split('\n')[0]).toBe('### ✅ no errors or warnings · no cost change');
    expect(body).not.toContain('0.0%');
  });

  it('an unknown change stays unknown and says why, never $0', () => {
    const report = costReport([
      rc('aws_ecs_service.a', {
        monthlyAfter: null,
        monthlyDelta: null,
        max: null,
        unpriced: [{ item: 'Fargate vCPU', reason: 'no price for fargate/vcpu-hour in ap-east-2' }],
      }),
    ]);
    const [first, , details] = renderComment(report, { marker: MARKER }).split('\n');
    expect(first).toBe('### ✅ no errors or warnings · **cost change unknown** (1 resource not priced)');
    expect(details).toContain(
      'monthly $10.00 → unknown (change unknown); totals unknown: 1 resource not priced, e.g. <code>aws&#95;ecs&#95;service.a</code> Fargate vCPU&#58; no price for fargate/vcpu-hour in ap-east-2',
    );
    expect(`${first}${details}`).not.toContain('$0');
  });

  it('a rise: the change in whole dollars, and the total at the autoscaling maximum', async () => {
    const body = renderComment(await reportOf('example-stack.json'), { marker: MARKER });
    expect(body.split('\n')[0]).toBe('### ⚠️ 1 warning · **monthly cost +$690** (to $1,159 at max scale)');
  });

  it('fixtures/eks-fargate.json: no cost change, and the totals say why they are unknown', async () => {
    const body = renderComment(await reportOf('eks-fargate.json'), { marker: MARKER });
    const [first, , details] = body.split('\n');
    expect(first).toBe('### ⚠️ 1 warning · no cost change (1 usage-based resource not counted)');
    expect(details).toContain(
      'monthly unknown → unknown (no change); totals unknown: 2 resources not priced, e.g. <code>aws&#95;eks&#95;node&#95;group.arm&#91;0&#93;</code>',
    );
    expect(details).toContain('no price for ec2/m7g.large/hour in eu-west-1');
  });
});

describe('the plan summary line', () => {
  it('counts the analysed resources as Terraform does, replaced ones called out', () => {
    const report = costReport(
      ['a', 'b', 'c', 'd', 'e'].map((k) => rc(`aws_ecs_service.${k}`, {})),
      {
        'aws_ecs_service.a': 'create',
        'aws_ecs_service.b': 'create',
        'aws_ecs_service.c': 'replace',
        'aws_ecs_service.d': 'update',
        'aws_ecs_service.e': 'no-op',
      },
    );
    expect(renderComment(report, { marker: MARKER }).split('\n')[2]).toContain('Plan: 3 to add, 1 to change, 1 to destroy (1 replaced)');
  });
});

describe('paths', () => {
  it('a plan path is shown relative to the workspace; one outside it by its file name', () => {
    expect(shownPath('/home/runner/work/infra/infra/stacks/a/plan.json', '/home/runner/work/infra/infra')).toBe('stacks/a/plan.json');
    expect(shownPath('/home/runner/work/_temp/plan.json', '/home/runner/work/infra/infra')).toBe('…/plan.json');
    expect(shownPath('stacks/a/plan.json', '/x')).toBe('stacks/a/plan.json');
  });

  it('an unreadable plan is named once, by its path in the workspace', async () => {
    const dir = mkdtempSync(join(process.cwd(), '.tmp-paths-'));
    try {
      const bad = join(dir, 'broken.json');
      writeFileSync(bad, '{ not json');
      const { report } = await analyse([bad, 'fixtures/ecs-ec2.json'], OPTS);
      for (const body of [renderComment(report, { marker: MARKER }), renderMarkdown(report)]) {
        expect(body).not.toContain(process.cwd());
        const rel = `${dir.slice(process.cwd().length + 1)}/broken.json`.replace(/_/g, '&#95;');
        expect(body.split(rel).length - 1).toBe(1);
      }
    } finally {
      (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the range column and truncation', () => {
  it('"fixed" for a resource without autoscaling, "unknown" with the reason when it is', () => {
    const report = costReport([
      rc('aws_ecs_service.fixed', { action: 'create', monthlyBefore: 0, monthlyAfter: 30, monthlyDelta: 30, min: 30, max: 30 }),
      rc('aws_ecs_service.scaled', { action: 'create', monthlyBefore: 0, monthlyAfter: 30, monthlyDelta: 30, min: 30, max: 90 }),
      rc('aws_ecs_service.unknown', {
        action: 'create',
        monthlyBefore: 0,
        monthlyAfter: null,
        monthlyDelta: null,
        min: null,
        max: null,
        notes: ['its desired_count is known only after apply'],
      }),
    ]);
    const body = renderComment(report, { marker: MARKER });
    const row = (a: string) => body.split('\n').find((l) => l.startsWith(`| <code>aws&#95;ecs&#95;service.${a}</code>`))!;
    expect(row('fixed').endsWith('| fixed |')).toBe(true);
    expect(row('scaled').endsWith('| $30.00\u00a0–\u2060\u00a0$90.00 |')).toBe(true);
    expect(row('unknown')).toContain('⚠️ unknown: its desired&#95;count is known only after apply');
    expect(row('unknown').endsWith('| unknown |')).toBe(true);
  });

  it('the comment shows the top cost rows and a "… N more" row that keeps the count of unknown costs', () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      rc(
        `aws_ecs_service.s${i}`,
        i < 30
          ? { monthlyAfter: null, monthlyDelta: null, max: null, min: null }
          : { monthlyAfter: 20, monthlyDelta: 10, max: 20, min: 20 },
      ),
    );
    const body = renderComment(costReport(rows), { marker: MARKER });
    expect(body).toContain('| … 15 more resources (in the job summary), 5 of them with an unknown cost | | | | | |');
    // The job summary lists them all.
    expect(renderMarkdown(costReport(rows))).not.toContain('more resources (in the job summary)');
  });
});

describe('a 3,000-resource plan', () => {
  it('the comment shows the grouped findings and the cost table’s top rows within the first 60 lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-large-'));
    const path = join(dir, 'large.json');
    writeFileSync(path, JSON.stringify(largeFargatePlan(1500)));
    const { report } = await analyse([path], OPTS);
    expect(report.plans[0]!.resources.length).toBeGreaterThanOrEqual(3000);
    const lines = renderComment(report, { marker: MARKER }).split('\n').slice(0, 60);
    const group = lines.find((l) => l.startsWith('| ❌ | [FARGATE&#95;CPU&#95;MEMORY]'));
    expect(group).toContain('<details><summary>× 1,500 resources</summary>');
    const costHead = lines.findIndex((l) => l.startsWith('| Resource | Change | Before | After |'));
    expect(costHead).toBeGreaterThan(0);
    expect(lines.slice(costHead + 2, costHead + 7).every((l) => l.startsWith('| <code>aws&#95;ecs&#95;service.web'))).toBe(true);
  }, 60_000);
});

describe('advice', () => {
  it('a what-if is said at most once per comment, with how many resources it applies to', async () => {
    const { report } = await analyse(['fixtures/example-stack.json', 'fixtures/example-stack.json'], OPTS);
    const body = renderComment(report, { marker: MARKER });
    expect(body.split('no control-plane charge').length - 1).toBe(1);
    expect(body).toContain('(and 1 other resource alike)');
    // The job summary lists each.
    expect(renderMarkdown(report).split('no control-plane charge').length - 1).toBe(2);
  });
});

describe('the job summary adds what the comment leaves out', () => {
  it('every finding on its own row, every cost component, every note; the comment has the overview', async () => {
    const { report } = await analyse(['fixtures/eks-fargate.json', 'fixtures/example-stack.json'], OPTS);
    const comment = renderComment(report, { marker: MARKER });
    const summary = renderMarkdown(report);
    // Components and notes: in the summary only.
    expect(comment).not.toContain('Cost breakdown');
    expect(summary).toContain('Cost breakdown');
    const components = report.plans.flatMap((p) => p.cost!.resources.flatMap((r) => r.components));
    expect(components.length).toBeGreaterThan(3);
    for (const k of components) expect(summary).toContain(`| ${md(k.name, 200)}`);
    const notes = report.plans.flatMap((p) => [...(p.cost!.notes ?? []), ...p.cost!.resources.flatMap((r) => r.notes ?? [])]);
    expect(notes.some((n) => n.startsWith('totals leave out usage-based resources'))).toBe(true);
    expect(summary).toContain('totals leave out usage-based resources');
    expect(comment).not.toContain('totals leave out usage-based resources');
    // Every active finding has its own row in the summary.
    const findings = report.plans.flatMap((p) => p.findings.filter((f) => !f.suppressed));
    const rows = summary.split('\n').filter((l) => /^\| (❌|⚠️|ℹ️) \| /.test(l));
    expect(rows).toHaveLength(findings.length);
  });
});
