import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { buildPlan, writePlan } from '../helpers/plan.js';

/*
 * Sensitive values that are also the report's own words. They are hidden where a plan value
 * enters a message or a field, never by replacing text in the finished report, so the
 * headline, severities, actions and dates stay intact.
 */
const WORDS = ['error', 'warning', 'create', 'container', '2026'];

function plan() {
  const containers = JSON.stringify([
    { name: 'container', image: 'nginx', cpu: 256, memory: 512, essential: true, environment: [{ name: 'LEVEL', value: 'error' }] },
  ]);
  return buildPlan([
    {
      address: 'aws_ecs_task_definition.api',
      after: {
        family: 'api',
        cpu: '2026',
        memory: '1024',
        network_mode: 'warning',
        requires_compatibilities: ['FARGATE'],
        container_definitions: containers,
        tags: { stage: 'create' },
      },
      sensitive: { cpu: true, network_mode: true, container_definitions: true, tags: { stage: true } },
      unknown: { arn: true },
    },
    {
      address: 'aws_ecs_service.api',
      after: {
        name: 'api',
        cluster: 'prod',
        task_definition: 'api',
        desired_count: 2,
        launch_type: 'create',
        scheduling_strategy: 'error',
        tags: { year: '2026' },
      },
      sensitive: { launch_type: true, scheduling_strategy: true, tags: { year: true } },
    },
  ]);
}

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

describe("sensitive values equal to the report's own words", () => {
  it("leave the JSON report's tool name, dates, actions and severities intact, and are hidden where used", async () => {
    const file = writePlan('sensitive-words.json', plan());
    const r = await cli('--format', 'json', '--fail-on', 'never', '--as-of', '2026-11-22', file);
    const json = JSON.parse(r.out);
    expect(json.tool.name).toBe('container-plan-check');
    expect(json.asOf).toBe('2026-11-22');
    expect(json.plans[0].cost.snapshotDate).toMatch(/^2026-\d\d-\d\d$/);
    expect(json.plans[0].resources.map((x: { action: string }) => x.action)).toEqual(['create', 'create']);
    const findings = json.plans[0].findings as { severity: string; path: string | null; message: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => f.severity === 'error')).toBe(true);
    for (const f of findings) expect(['error', 'warning', 'info']).toContain(f.severity);
    // Where the plan's values are used, they are shown as (sensitive), never quoted.
    for (const f of findings) for (const w of WORDS) expect(f.message, f.message).not.toContain(`"${w}"`);
    const used = findings.filter(
      (f) => f.path === 'launch_type' || f.path === 'scheduling_strategy' || f.path === 'network_mode' || f.path === 'cpu',
    );
    expect(used.length).toBeGreaterThan(0);
    for (const f of used) expect(f.message).toContain('(sensitive)');
  });

  it('leave the markdown and text headlines, severities and actions intact', async () => {
    const file = writePlan('sensitive-words-md.json', plan());
    const md = await cli('--format', 'markdown', '--fail-on', 'never', '--as-of', '2026-11-22', file);
    expect(md.out).toContain('container-plan-check');
    expect(md.out).toContain('2026-11-22');
    expect(md.out).toMatch(/error/i);
    expect(md.out).not.toMatch(/\(sensitive\)-11-22|\(sensitive\)-plan-check/);
    const text = await cli('--format', 'text', '--fail-on', 'never', '--as-of', '2026-11-22', file);
    expect(text.out).toContain('+ create');
    expect(text.out).toMatch(/^\s+error\s/m);
    expect(text.out).toContain('2026-11-22');
    expect(text.out).not.toContain('(sensitive)-');
    const sarif = JSON.parse((await cli('--format', 'sarif', '--fail-on', 'never', '--as-of', '2026-11-22', file)).out);
    expect(sarif.runs[0].tool.driver.name).toBe('container-plan-check');
    for (const res of sarif.runs[0].results) expect(['error', 'warning', 'note']).toContain(res.level);
  });
});
