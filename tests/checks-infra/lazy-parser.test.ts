import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/analyse.js';
import { parserLoads } from '../../src/sources/hcl.js';
import { FIXTURES } from '../helpers/paths.js';
import { writeTree } from './tree.js';

// Each test file gets its own module registry: nothing has imported hcl2-parser before these run.
const PLAN = join(FIXTURES, 'fargate-invalid-size.json');
const options = { asOf: '2026-11-22', failOn: 'error' as const };

describe('hcl2-parser is loaded only when needed', () => {
  it('not for a plan-only run', async () => {
    const { report } = await analyse([PLAN], options);
    expect(report.plans[0]!.findings.map((f) => f.rule)).toContain('FARGATE_CPU_MEMORY');
    expect(parserLoads()).toBe(0);
  });

  it('not for sources without a lifecycle block in the analysed resource types', async () => {
    const dir = writeTree({
      'main.tf': 'resource "aws_ecs_task_definition" "web" {\n  cpu = 1024\n}\n',
      'network.tf': 'resource "aws_subnet" "a" {\n  lifecycle {\n    ignore_changes = [tags]\n  }\n}\n',
    });
    const { report } = await analyse([PLAN], { ...options, tfDir: dir });
    expect(report.plans[0]!.findings[0]).toMatchObject({ rule: 'FARGATE_CPU_MEMORY', line: 1 });
    expect(parserLoads()).toBe(0);
  });

  it('once there is one, and once only', async () => {
    const dir = writeTree({
      'main.tf': 'resource "aws_ecs_service" "web" {\n  lifecycle {\n    ignore_changes = [desired_count]\n  }\n}\n',
    });
    await analyse([PLAN, PLAN], { ...options, tfDir: dir });
    expect(parserLoads()).toBe(1);
  });
});
