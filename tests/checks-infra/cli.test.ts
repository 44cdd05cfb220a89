import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { Report } from '../../src/report/schema.js';
import { FIXTURES } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';
import { writeTree } from './tree.js';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['--as-of', '2026-11-22', ...args], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    today: () => '2026-11-22',
  });
  return { code, out, err };
}
const json = (out: string) => Report.parse(JSON.parse(out));

const INVALID = join(FIXTURES, 'fargate-invalid-size.json');
const TD = 'aws_ecs_task_definition.web';

/** The fixture's sources: the task definition block at line 7, an ignore comment above it when asked. */
function sources(ignoreComment?: string): string {
  return writeTree({
    'main.tf': [
      'resource "aws_ecs_cluster" "main" {',
      '  name = "shop"',
      '}',
      '',
      '# task definition of the web service',
      ...(ignoreComment ? [ignoreComment] : ['#']),
      'resource "aws_ecs_task_definition" "web" {',
      '  family = "shop-web"',
      '  cpu    = 1024',
      '  memory = 1024',
      '}',
      '',
      'resource "aws_ecs_service" "web" {',
      '  name          = "shop-web"',
      '  desired_count = 2',
      '}',
    ].join('\n'),
  });
}

describe('CLI: findings, suppressions and sources', () => {
  it('an invalid Fargate size exits 1 and names FARGATE_CPU_MEMORY', async () => {
    const r = await cli(INVALID);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/error\s+FARGATE_CPU_MEMORY {2}aws_ecs_task_definition\.web/);
    expect(r.out).toContain('docs: docs/rules/FARGATE_CPU_MEMORY.md');
    expect(r.out).toContain('gate: failed (1 error on changed resources)');
  });

  it('suppressed in the config file: exits 0 and lists the finding as suppressed, with the reason', async () => {
    const dir = writeTree({
      'cpc.yml': `ignore:\n  - rule: FARGATE_CPU_MEMORY\n    address: aws_ecs_task_definition.*\n    reason: resized in PLAT-12\n`,
    });
    const text = await cli('--config', join(dir, 'cpc.yml'), INVALID);
    expect(text.code).toBe(0);
    expect(text.out).toContain('findings (1 suppressed):');
    expect(text.out).toMatch(
      /suppressed \(reported, never failing the check\):\n\s+error\s+FARGATE_CPU_MEMORY {2}aws_ecs_task_definition\.web/,
    );
    expect(text.out).toContain('suppressed: resized in PLAT-12');
    const j = await cli('--config', join(dir, 'cpc.yml'), '--format', 'json', INVALID);
    expect(j.code).toBe(0);
    expect(json(j.out).plans[0]!.findings).toEqual([
      expect.objectContaining({
        rule: 'FARGATE_CPU_MEMORY',
        address: TD,
        severity: 'error',
        suppressed: true,
        suppressionReason: 'resized in PLAT-12',
        existing: false,
      }),
    ]);
  });

  it('suppressed by an inline comment in --tf-dir: exits 0, suppressed, with file and line', async () => {
    const dir = sources('# container-plan-check:ignore FARGATE_CPU_MEMORY load test only, deleted after the run');
    const r = await cli('--tf-dir', dir, '--format', 'json', INVALID);
    expect(r.code).toBe(0);
    const p = json(r.out).plans[0]!;
    expect(p.findings).toEqual([
      expect.objectContaining({
        rule: 'FARGATE_CPU_MEMORY',
        address: TD,
        suppressed: true,
        suppressionReason: 'load test only, deleted after the run',
        file: join(dir, 'main.tf'),
        line: 7,
        path: 'memory',
      }),
    ]);
    expect(p.resources.find((x) => x.address === 'aws_ecs_service.web')).toMatchObject({ file: join(dir, 'main.tf'), line: 13 });
    const text = await cli('--tf-dir', dir, INVALID);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`FARGATE_CPU_MEMORY  aws_ecs_task_definition.web  ${join(dir, 'main.tf')}:7`);
    expect(text.out).toContain('suppressed: load test only, deleted after the run');
  });

  it('with --tf-dir but no ignore comment the finding gets its location and still fails', async () => {
    const r = await cli('--tf-dir', sources(), '--format', 'json', INVALID);
    expect(r.code).toBe(1);
    expect(json(r.out).plans[0]!.findings[0]).toMatchObject({ rule: 'FARGATE_CPU_MEMORY', suppressed: false, line: 7 });
  });

  it('the config found in --tf-dir sets severities: a warning passes --fail-on error, fails --fail-on warning', async () => {
    const dir = writeTree({ '.container-plan-check.yml': 'rules:\n  FARGATE_CPU_MEMORY: warning\n' });
    const pass = await cli('--tf-dir', dir, INVALID);
    expect(pass.code).toBe(0);
    expect(pass.out).toMatch(/warning\s+FARGATE_CPU_MEMORY/);
    const fail = await cli('--tf-dir', dir, '--fail-on', 'warning', INVALID);
    expect(fail.code).toBe(1);
    expect(fail.out).toContain('gate: failed (1 warning on changed resources)');
    const off = writeTree({ '.container-plan-check.yml': 'rules:\n  FARGATE_CPU_MEMORY: off\n' });
    const r = await cli('--tf-dir', off, '--format', 'json', INVALID);
    expect(r.code).toBe(0);
    expect(json(r.out).plans[0]!.findings.map((f) => f.rule)).not.toContain('FARGATE_CPU_MEMORY');
  });

  it('a finding on a resource the plan does not change is reported as existing and passes the gate', async () => {
    const plan = JSON.parse(readFileSync(INVALID, 'utf8'));
    for (const rc of plan.resource_changes) {
      rc.change.actions = ['no-op'];
      rc.change.before = rc.change.after;
      rc.change.before_sensitive = rc.change.after_sensitive;
    }
    const r = await cli('--format', 'json', writePlan('unchanged-invalid.json', plan));
    expect(r.code).toBe(0);
    expect(json(r.out).plans[0]!.findings).toEqual([
      expect.objectContaining({ rule: 'FARGATE_CPU_MEMORY', existing: true, suppressed: false }),
    ]);
  });

  it('a bad config file is one line naming the file and the key, exit 2', async () => {
    const dir = writeTree({ 'c.yml': 'ignore:\n  - rule: FARGATE_CPU_MEMORY\n' });
    const r = await cli('--config', join(dir, 'c.yml'), INVALID);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`container-plan-check: ${join(dir, 'c.yml')}: ignore[0].reason: a reason is required\n`);
    const unknown = writeTree({ '.container-plan-check.yml': 'rules:\n  FARGATE_CPU_MEMORI: off\n' });
    const u = await cli('--tf-dir', unknown, INVALID);
    expect(u.code).toBe(2);
    expect(u.err).toBe(
      `container-plan-check: ${join(unknown, '.container-plan-check.yml')}: rules.FARGATE_CPU_MEMORI: unknown rule ID "FARGATE_CPU_MEMORI"\n`,
    );
  });

  it('--tf-dir that is not a directory is an input error', async () => {
    const r = await cli('--tf-dir', join(FIXTURES, 'nope'), INVALID);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`container-plan-check: ${join(FIXTURES, 'nope')}: --tf-dir is not a directory\n`);
  });

  it('HCL that does not parse is a note and a report warning, never an abort', async () => {
    const dir = writeTree({
      'main.tf': 'resource "aws_ecs_task_definition" "web" {\n  lifecycle {\n    ignore_changes = [cpu,,\n  }\n}\n',
    });
    const r = await cli('--tf-dir', dir, '--format', 'json', INVALID);
    expect(r.code).toBe(1);
    const report = json(r.out);
    const warning = `${join(dir, 'main.tf')}:2: the lifecycle block of aws_ecs_task_definition.web could not be parsed as HCL; its ignore_changes was not read`;
    expect(report.warnings).toEqual([warning]);
    expect(report.plans[0]!.notes).toContain(warning);
    expect(report.plans[0]!.findings[0]).toMatchObject({ rule: 'FARGATE_CPU_MEMORY', line: 1 });
    const text = await cli('--tf-dir', dir, INVALID);
    expect(text.out).toContain(`note: ${warning}`);
  });
});
