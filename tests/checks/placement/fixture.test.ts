import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/engine/analyse.js';
import { FIXTURES } from '../../helpers/paths.js';

/**
 * fixtures/placement.json (written by make-fixture.ts beside this file): an ECS-on-EC2 stack on
 * c6i.xlarge capacity and an EKS stack with m7g/m6g node groups and one Fargate profile.
 */
describe('placement on a real-shaped plan', () => {
  it('flags the 16 GiB, ARM64 and GPU tasks and the 8 vCPU / 64 GiB pod, and nothing that fits', async () => {
    const { report } = await analyse([join(FIXTURES, 'placement.json')], { asOf: '2026-11-30', failOn: 'error' });
    const placement = report.plans[0]!.findings.filter((f) => f.rule.endsWith('_PLACEMENT'));
    expect(placement.map((f) => [f.rule, f.severity, f.address]).sort()).toEqual(
      [
        ['ECS_TASK_PLACEMENT', 'warning', 'aws_ecs_service.arm'],
        ['ECS_TASK_PLACEMENT', 'warning', 'aws_ecs_service.gpu'],
        ['ECS_TASK_PLACEMENT', 'warning', 'aws_ecs_service.report'],
        ['EKS_POD_PLACEMENT', 'warning', 'kubernetes_deployment_v1.train'],
      ].sort(),
    );
    expect(placement.find((f) => f.address === 'aws_ecs_service.report')!.message).toContain('16384 MiB');
    expect(placement.find((f) => f.address === 'aws_ecs_service.arm')!.message).toContain('is x86_64');
    expect(placement.find((f) => f.address === 'aws_ecs_service.gpu')!.message).toContain('has no GPU');
  });

  it('is written as Terraform writes a create plan: configuration expressions for what is set', () => {
    const plan = JSON.parse(readFileSync(join(FIXTURES, 'placement.json'), 'utf8')) as {
      resource_changes: { address: string }[];
      configuration: { root_module: { resources: { address: string; expressions: object }[] } };
    };
    const configured = new Set(plan.configuration.root_module.resources.map((r) => r.address));
    for (const rc of plan.resource_changes) expect(configured.has(rc.address)).toBe(true);
  });
});
