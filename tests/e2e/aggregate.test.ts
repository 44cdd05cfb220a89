import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseMarker } from '../../src/github/marker.js';
import { Report } from '../../src/report/schema.js';
import { GitHubEmulator } from '../github/emulator.js';
import { DIST, ROOT, runAction, workspace, type ActionRun } from './runner.js';

/**
 * Many stacks, the way the README's matrix workflow runs them: per-stack runs of the built
 * action (comment-mode off, stack-name) and of the built CLI write JSON reports; the final run
 * merges them (`reports:`) into one comment, one summary, one SARIF and one gate, against the
 * GitHub API emulator.
 */
const PR = 42;
const AS_OF = '2026-11-22';
const CLI = join(ROOT, 'dist/cli/index.js');
const ACTION_STACKS = [
  { name: 'network', fixture: 'example-stack.json' },
  { name: 'payments', fixture: 'fargate-invalid-size.json' },
];

describe('the action merging per-stack reports, end to end', () => {
  const gh = new GitHubEmulator();
  /** reports/<artifact>/report.json, as actions/download-artifact lays them out. */
  const reports = workspace();
  const check = (r: ActionRun) => {
    expect(`${r.stdout}${r.stderr}`).not.toContain(gh.token);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/); // no stack traces
    return r;
  };
  const artifact = (name: string) => {
    const dir = join(reports, 'reports', `container-plan-check-${name}`);
    mkdirSync(dir, { recursive: true });
    return join(dir, 'report.json');
  };

  beforeAll(async () => {
    // The committed bundles are what users run: never skip these tests for want of them.
    for (const f of [DIST, CLI]) expect(existsSync(f), `${f} (npm run build)`).toBe(true);
    await gh.start();
    for (const { name, fixture } of ACTION_STACKS) {
      const ws = workspace();
      mkdirSync(join(ws, 'stacks', name), { recursive: true });
      copyFileSync(join(ROOT, 'fixtures', fixture), join(ws, 'stacks', name, 'plan.json'));
      const r = check(
        await runAction({
          apiUrl: gh.url,
          token: gh.token,
          workspace: ws,
          inputs: { plan: `stacks/${name}/plan.json`, 'stack-name': name, 'comment-mode': 'off', 'fail-on': 'never', 'as-of': AS_OF },
        }),
      );
      expect(r.code).toBe(0);
      copyFileSync(r.outputs['report-json']!, artifact(name));
    }
    expect(gh.requests).toEqual([]); // comment-mode off: the per-stack runs never call the API
    // The third stack's report comes from the CLI, without a stack name.
    const ws = workspace();
    mkdirSync(join(ws, 'stacks', 'batch'), { recursive: true });
    copyFileSync(join(ROOT, 'fixtures', 'ecs-ec2.json'), join(ws, 'stacks', 'batch', 'plan.json'));
    const cli = spawnSync(
      process.execPath,
      [CLI, '--format', 'json', '--as-of', AS_OF, '--output', artifact('batch'), 'stacks/batch/plan.json'],
      { cwd: ws, encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
  });
  afterAll(() => gh.stop());
  afterEach(() => {
    expect(gh.violations).toEqual([]);
    gh.reset();
  });

  const aggregate = async (inputs: Record<string, string>, extra?: (ws: string) => void) => {
    const ws = workspace();
    cpSync(join(reports, 'reports'), join(ws, 'reports'), { recursive: true });
    extra?.(ws);
    return { ...check(await runAction({ apiUrl: gh.url, token: gh.token, workspace: ws, runId: 9_000_000_200, inputs })), ws };
  };
  const ours = () => gh.commentsOn(PR).filter((c) => parseMarker(c.body));
  const sections = (markdown: string) => [...markdown.matchAll(/^<details(?: open)?><summary><code>([^<]+)<\/code> — /gm)].map((m) => m[1]);

  it('three JSON reports make one comment with three stack sections, one summary, one SARIF and one gate', async () => {
    const r = await aggregate({ reports: 'reports/*/report.json', 'sarif-file': 'merged.sarif' });
    expect(ours()).toHaveLength(1);
    expect(gh.writes().map((w) => w.operation)).toEqual(['issues/create-comment']);
    const body = ours()[0]!.body;
    expect(body).toMatch(/^### ❌ 1 error · 1 warning · \*\*cost change unknown\*\* \(.*\)\n\n\*\*container-plan-check\*\* · 3 plans · /);
    expect(sections(body)).toEqual(['stacks/batch/plan.json', 'network', 'payments']);
    const text = body.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(text).toMatch(
      /^\| ❌ \| \[FARGATE_CPU_MEMORY\]\([^)]+\) \| <code>payments<\/code> › <code>aws_ecs_task_definition\.web<\/code>/m,
    );
    expect(text).toMatch(
      /^\| ⚠️ \| \[EKS_VERSION_SUPPORT\]\([^)]+\) \| <code>network<\/code> › <code>module\.eks\.aws_eks_cluster\.this<\/code>/m,
    );
    expect(sections(r.summary)).toEqual(['stacks/batch/plan.json', 'network', 'payments']);

    // One gate, decided here with this run's fail-on (error): the per-stack runs passed under never.
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('::error::1 error on changed resources');
    const merged = Report.parse(JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')));
    const parts = ['batch', 'network', 'payments'].map((n) => Report.parse(JSON.parse(readFileSync(artifact(n), 'utf8'))));
    expect(merged.plans).toEqual(parts.flatMap((p) => p.plans));
    expect(r.outputs).toMatchObject({
      gate: 'failed',
      errors: '1',
      warnings: '1',
      resources: String(parts.reduce((n, p) => n + p.plans[0]!.resources.length, 0)),
      'monthly-cost-delta': 'unknown', // the batch stack's delta is unknown, so the total is
      'comment-url': `https://github.example/acme/infra/pull/${PR}#issuecomment-${ours()[0]!.id}`,
    });
    const sarif = JSON.parse(readFileSync(join(r.ws, 'merged.sarif'), 'utf8'));
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual(['EKS_VERSION_SUPPORT', 'FARGATE_CPU_MEMORY']);
    // The per-stack runs annotated their findings; the merging run does not repeat them.
    expect(r.stdout).not.toContain('::warning title=EKS_VERSION_SUPPORT');
  });

  it('an unknown schemaVersion and a malformed report are named in warnings; the three others still make the comment', async () => {
    const r = await aggregate({ reports: 'reports/**/*.json', 'fail-on': 'never' }, (ws) => {
      const old = join(ws, 'reports', 'container-plan-check-legacy');
      const broken = join(ws, 'reports', 'container-plan-check-broken');
      mkdirSync(old);
      mkdirSync(broken);
      writeFileSync(
        join(old, 'report.json'),
        JSON.stringify({ ...JSON.parse(readFileSync(artifact('network'), 'utf8')), schemaVersion: 2 }),
      );
      writeFileSync(join(broken, 'report.json'), readFileSync(artifact('payments'), 'utf8').slice(0, 500));
    });
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings).toEqual([
      '::warning title=container-plan-check%3A reports::reports/container-plan-check-broken/report.json: not JSON: the file is truncated; left out of the merged report',
      '::warning title=container-plan-check%3A reports::reports/container-plan-check-legacy/report.json: schemaVersion 2 is not one this version reads (1); merge with the version that wrote it; left out of the merged report',
    ]);
    expect(r.code).toBe(0);
    expect(r.outputs.gate).toBe('passed');
    expect(ours()).toHaveLength(1);
    expect(sections(ours()[0]!.body)).toEqual(['stacks/batch/plan.json', 'network', 'payments']);
    const merged = Report.parse(JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')));
    expect(merged.warnings).toEqual(warnings.map((w) => w.replace(/^::warning title=[^:]+::/, '')));
  });

  it('plan and reports together, or neither: one line, no API call', async () => {
    const both = await aggregate({ plan: 'plan.json', reports: 'reports/*/report.json' });
    expect(both.code).toBe(1);
    expect(both.stdout.trim()).toBe(
      '::error::give plan or reports, not both: plan analyses plan files, reports merges the JSON reports of other runs',
    );
    const neither = await aggregate({});
    expect(neither.stdout.trim()).toBe('::error::give plan (plan JSON files to check) or reports (JSON reports of other runs to merge)');
    const none = await aggregate({ reports: 'artifacts/*.json' });
    expect(none.stdout.trim()).toBe('::error::no report could be merged: artifacts/*.json: no such file; left out of the merged report');
    expect(gh.requests).toEqual([]);
  });
});
