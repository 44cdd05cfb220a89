import { ref } from '../../helpers/plan.js';
import { describe, expect, it } from 'vitest';
import { FARGATE_TASK_CPU_REQUIRED } from '../../../src/checks/rules/fargate/FARGATE_TASK_CPU_REQUIRED.js';
import { EC2_ONLY, runner, service, TD, taskDef } from './specs.js';

const run = runner(FARGATE_TASK_CPU_REQUIRED);

describe('FARGATE_TASK_CPU_REQUIRED', () => {
  it('reports missing task-level cpu and memory on a Fargate task definition', () => {
    const f = run([taskDef({ cpu: null, memory: null })]);
    expect(f.map((x) => [x.rule, x.severity, x.address, x.path])).toEqual([
      ['FARGATE_TASK_CPU_REQUIRED', 'error', TD, 'cpu'],
      ['FARGATE_TASK_CPU_REQUIRED', 'error', TD, 'memory'],
    ]);
    expect(f[0]!.message).toContain('cpu is not set; Fargate requires task-level cpu');
  });

  it('reports a missing cpu when a Fargate service runs a task definition without FARGATE compatibility', () => {
    const f = run([taskDef({ cpu: null, requires_compatibilities: null }), service()]);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('cpu');
  });

  it('passes when both are set, and off Fargate', () => {
    expect(run([taskDef()])).toEqual([]);
    expect(run([taskDef(EC2_ONLY)])).toEqual([]);
  });

  it('says nothing when cpu is unknown', () => {
    expect(run([taskDef({ cpu: null }, undefined, { unknown: { cpu: true }, expressions: { cpu: ref('var.cpu') } })])).toEqual([]);
  });
});
