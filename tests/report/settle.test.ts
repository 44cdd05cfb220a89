import { describe, expect, it } from 'vitest';
import { ReportTexts } from '../../src/report/settle.js';
import type { Finding, ResourceCost } from '../../src/report/schema.js';

describe('the report texts settled where findings and cost lines are collected', () => {
  it('leaves every text of a cost line as it was, and the estimator’s own lists untouched', () => {
    const n = 3;
    const advice = [`run ${n} tasks`];
    const line: ResourceCost = {
      address: 'aws_ecs_service.a',
      type: 'aws_ecs_service',
      action: 'create',
      description: `${n} tasks`,
      monthlyBefore: 0,
      monthlyAfter: 1,
      monthlyDelta: 1,
      min: 1,
      max: 1,
      components: [{ name: `vCPU × ${n}`, unit: 'vCPU-hours', quantity: 1, unitPrice: 1, monthly: 1, priceSource: `snapshot ${n}` }],
      beforeComponents: [{ name: `memory × ${n}`, unit: 'GB-hours', quantity: null, unitPrice: null, monthly: null }],
      unpriced: [],
      notes: [`note ${n}`],
      advice,
    };
    const before = JSON.stringify(line);
    const out = new ReportTexts().resourceCost(line);
    expect(JSON.stringify(out)).toBe(before);
    expect(out.advice).not.toBe(advice);
    expect(advice).toEqual(['run 3 tasks']);
  });

  it('leaves a finding as the rule wrote it', () => {
    const f: Finding = {
      rule: 'X',
      severity: 'warning',
      address: 'a.b',
      message: `${'m'} ${1}`,
      path: null,
      file: null,
      line: null,
      existing: false,
      suppressed: false,
    };
    const before = JSON.stringify(f);
    expect(JSON.stringify(new ReportTexts().finding(f))).toBe(before);
  });
});
