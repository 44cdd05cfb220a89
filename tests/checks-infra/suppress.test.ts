import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/run.js';
import type { Rule } from '../../src/checks/types.js';
import type { Settings } from '../../src/load/settings.js';
import type { AnalysisContext, FailOn } from '../../src/engine/context.js';
import { computeGate } from '../../src/engine/gate.js';
import { buildGraph } from '../../src/plan/graph.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel } from '../../src/plan/model.js';
import type { PlanReport } from '../../src/report/schema.js';
import { renderTextFindings } from '../../src/report/sections.js';
import type { InlineIgnore } from '../../src/sources/scan.js';
import { buildPlan, constant, ref, type ResSpec } from '../helpers/plan.js';

/** An error rule with an info "could not check" note when desired_count is unknown. */
const SIZE: Rule = {
  id: 'TEST_SIZE',
  severity: 'error',
  title: 'size',
  types: ['aws_ecs_service'],
  check: (r) => {
    const d = r.current.get(['desired_count']);
    if (d.state === 'unknown') return [{ severity: 'info', message: 'desired_count is unknown until apply; not checked' }];
    return [{ message: `desired_count ${String(d.state === 'known' ? d.value : '?')} is too big`, path: 'desired_count' }];
  },
};
const ADVICE: Rule = {
  id: 'TEST_ADVICE',
  severity: 'info',
  title: 'advice',
  types: ['aws_ecs_service'],
  check: () => [{ message: 'consider Graviton' }],
};

const svc = (address: string, extra: Partial<ResSpec> = {}): ResSpec => ({ address, after: { name: 'x', desired_count: 50 }, ...extra });
const SERVICES = [svc('aws_ecs_service.api'), svc('module.svc["a"].aws_ecs_service.this'), svc('module.svc["b"].aws_ecs_service.this')];

function run(settings: Settings, resources: ResSpec[] = SERVICES, inline: Record<string, InlineIgnore[]> = {}) {
  const model = buildModel(validatePlan('t.json', JSON.parse(JSON.stringify(buildPlan(resources)))));
  const ctx: AnalysisContext = {
    model,
    graph: buildGraph(model),
    options: { asOf: '2026-11-22', failOn: 'error' },
    settings,
    locate: () => undefined,
    ignoreChanges: () => undefined,
  };
  return runChecks(ctx, { rules: [SIZE, ADVICE], inlineIgnores: (r) => inline[r.address] ?? [] });
}
const plan = (findings: PlanReport['findings']): PlanReport => ({
  path: 'p',
  terraformVersion: null,
  formatVersion: null,
  error: null,
  resources: [],
  findings,
  cost: null,
});
const gate = (findings: PlanReport['findings'], failOn: FailOn = 'error') =>
  computeGate([plan(findings)], null, { asOf: '2026-11-22', failOn });
const of = (fs: ReturnType<typeof run>, rule: string) => fs.filter((f) => f.rule === rule);

describe('configured severities', () => {
  it('defaults: the rule severity, and every finding links its docs page', () => {
    const fs = run({});
    expect(of(fs, 'TEST_SIZE').map((f) => f.severity)).toEqual(['error', 'error', 'error']);
    expect(fs[0]!.docs).toBe('docs/rules/TEST_SIZE.md');
    expect(gate(fs).passed).toBe(false);
  });

  it('a rule set to warning reports warnings: the gate passes at --fail-on error and fails at warning', () => {
    const fs = run({ rules: { TEST_SIZE: 'warning' } });
    expect(of(fs, 'TEST_SIZE').map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(gate(fs, 'error')).toEqual({ passed: true, reasons: [] });
    expect(gate(fs, 'warning')).toEqual({ passed: false, reasons: ['3 warnings on changed resources'] });
  });

  it('off: the rule does not run', () => {
    const fs = run({ rules: { TEST_SIZE: 'off' } });
    expect(of(fs, 'TEST_SIZE')).toEqual([]);
    expect(of(fs, 'TEST_ADVICE')).toHaveLength(3);
  });

  it('raising an info rule raises its findings; a could-not-check note of an error rule stays info', () => {
    const unknown = [
      svc('aws_ecs_service.api', {
        after: { name: 'x' },
        unknown: { desired_count: true },
        expressions: { name: constant('x'), desired_count: ref('var.desired_count') },
      }),
    ];
    const fs = run({ rules: { TEST_ADVICE: 'warning', TEST_SIZE: 'error' } }, unknown);
    expect(of(fs, 'TEST_ADVICE').map((f) => f.severity)).toEqual(['warning']);
    expect(of(fs, 'TEST_SIZE')).toMatchObject([{ severity: 'info', message: 'desired_count is unknown until apply; not checked' }]);
  });
});

describe('suppressions', () => {
  it('an address glob suppresses the matching findings: kept, marked, with the reason, not gating', () => {
    const fs = run({ ignore: [{ rule: 'TEST_SIZE', address: 'module.svc["a"].*', reason: 'sized by the platform team' }] });
    const size = of(fs, 'TEST_SIZE');
    expect(size).toHaveLength(3);
    expect(size.filter((f) => f.suppressed)).toEqual([
      expect.objectContaining({
        address: 'module.svc["a"].aws_ecs_service.this',
        suppressed: true,
        suppressionReason: 'sized by the platform team',
        severity: 'error',
      }),
    ]);
    expect(size.filter((f) => !f.suppressed).map((f) => f.address)).toEqual([
      'aws_ecs_service.api',
      'module.svc["b"].aws_ecs_service.this',
    ]);
    expect(gate(size).reasons).toEqual(['2 errors on changed resources']);
  });

  it('an address without instance keys matches every instance; the rule ID must match', () => {
    const fs = run({
      ignore: [
        { rule: 'TEST_SIZE', address: 'module.svc.aws_ecs_service.this', reason: 'r1' },
        { rule: 'TEST_ADVICE', address: 'aws_ecs_service.ap?', reason: 'r2' },
      ],
    });
    expect(of(fs, 'TEST_SIZE').map((f) => [f.address, f.suppressed])).toEqual([
      ['aws_ecs_service.api', false],
      ['module.svc["a"].aws_ecs_service.this', true],
      ['module.svc["b"].aws_ecs_service.this', true],
    ]);
    expect(of(fs, 'TEST_ADVICE').map((f) => [f.address, f.suppressed])).toEqual([
      ['aws_ecs_service.api', true],
      ['module.svc["a"].aws_ecs_service.this', false],
      ['module.svc["b"].aws_ecs_service.this', false],
    ]);
  });

  it('glob characters other than * and ? are literal', () => {
    const fs = run({ ignore: [{ rule: 'TEST_SIZE', address: 'module.svc[*].aws_ecs_service.this', reason: 'r' }] });
    expect(
      of(fs, 'TEST_SIZE')
        .filter((f) => f.suppressed)
        .map((f) => f.address),
    ).toEqual(['module.svc["a"].aws_ecs_service.this', 'module.svc["b"].aws_ecs_service.this']);
    const none = run({ ignore: [{ rule: 'TEST_SIZE', address: 'aws_ecs_service.a.i', reason: 'r' }] });
    expect(none.some((f) => f.suppressed)).toBe(false);
  });

  it('an inline ignore above the block suppresses that rule on that resource only', () => {
    const fs = run({}, SERVICES, { 'aws_ecs_service.api': [{ rule: 'TEST_SIZE', reason: 'accepted until Q3', line: 4 }] });
    expect(fs.filter((f) => f.suppressed)).toEqual([
      expect.objectContaining({ rule: 'TEST_SIZE', address: 'aws_ecs_service.api', suppressionReason: 'accepted until Q3' }),
    ]);
    expect(fs).toHaveLength(6);
  });

  it('the text report counts suppressed findings and lists them after the active ones, with the reason', () => {
    const fs = run({ ignore: [{ rule: 'TEST_SIZE', address: '*', reason: 'load test stack' }], rules: { TEST_ADVICE: 'off' } });
    const text = renderTextFindings(plan(fs)).join('\n');
    expect(text).toContain('findings (3 suppressed):');
    expect(text).toContain('suppressed (reported, never failing the check):');
    expect(text.match(/suppressed: load test stack/g)).toHaveLength(3);
    expect(gate(fs)).toEqual({ passed: true, reasons: [] });
  });

  it('findings on resources the plan does not change are reported as existing and never gate', () => {
    const fs = run({}, [svc('aws_ecs_service.old', { actions: ['no-op'] })]);
    expect(of(fs, 'TEST_SIZE')).toMatchObject([{ existing: true, severity: 'error', suppressed: false }]);
    expect(gate(fs).passed).toBe(true);
  });
});
