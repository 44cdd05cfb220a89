import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/engine.js';

/*
 * fixtures/ecs-unset-defaults.json is a create plan written as Terraform writes it: launch_type,
 * network_mode and the other Optional+Computed attributes the configuration leaves unset are
 * absent from `after` and true in `after_unknown`.
 *
 * Fargate 0.5 vCPU / 1 GB x86 in us-east-1: (0.5 × 0.04048 + 1 × 0.004445) × 730 = 18.02005 a
 * task-month; Fargate Spot at the default 70% discount: 5.406015.
 */
const TASK_MONTH = 18.02005;
const SPOT_MONTH = TASK_MONTH * 0.3;

describe('ECS services and task definitions that leave launch type and network mode to AWS', async () => {
  const { report } = await analyse(['fixtures/ecs-unset-defaults.json'], { asOf: '2026-11-30', failOn: 'error' });
  const plan = report.plans[0]!;
  const cost = (address: string) => plan.cost!.resources.find((r) => r.address === address)!;

  it('reads the plan without error and lists the task sets among the analysed resources', () => {
    expect(plan.error).toBeNull();
    expect(plan.resources.filter((r) => r.type === 'aws_ecs_task_set').map((r) => r.address)).toEqual(['aws_ecs_task_set.blue', 'aws_ecs_task_set.green']);
  });

  it('a Fargate task definition without network_mode is bridge, so an error; nothing else is flagged', () => {
    expect(plan.findings.map((f) => [f.rule, f.address, f.path])).toEqual([['FARGATE_NETWORK_MODE', 'aws_ecs_task_definition.worker', 'network_mode']]);
    expect(plan.findings[0]!.message).toBe('network_mode is "bridge" (not set: the AWS default); Fargate supports only "awsvpc"');
  });

  it("a service without launch_type runs by its cluster's default strategy: base 1 on FARGATE, the rest 1:3 FARGATE:FARGATE_SPOT", () => {
    const web = cost('aws_ecs_service.web');
    // 4 tasks: 1 (base) + 0.75 on FARGATE, 2.25 on FARGATE_SPOT
    expect(web.monthlyAfter).toBeCloseTo(1.75 * TASK_MONTH + 2.25 * SPOT_MONTH, 9);
    expect(web.description).toBe('Fargate Linux/x86, 0.5 vCPU / 1 GB × 4');
    expect(web.notes).toContain('4 tasks split by the capacity provider strategy (base first, then by weight): 1.75 on FARGATE, 2.25 on FARGATE_SPOT');
  });

  it('a service without launch_type in a cluster with no capacity providers runs on EC2', () => {
    const batch = cost('aws_ecs_service.batch');
    expect(batch.monthlyAfter).toBe(0);
    expect(batch.description).toBe('EC2 capacity');
  });

  it("an EXTERNAL service is priced from its task sets: each its scale of the desired count, placed its own way", () => {
    const canary = cost('aws_ecs_service.canary');
    // blue: 100% of 4 = 4 on FARGATE; green: 50% of 4 = 2 on FARGATE_SPOT
    expect(canary.monthlyAfter).toBeCloseTo(4 * TASK_MONTH + 2 * SPOT_MONTH, 9);
    expect(canary.description).toBe('2 task sets × 4 desired');
    expect(canary.components.map((c) => [c.name, c.quantity])).toEqual([
      ['task set aws_ecs_task_set.blue: Fargate vCPU (Linux/x86)', 1460],
      ['task set aws_ecs_task_set.blue: Fargate memory (Linux/x86)', 2920],
      ['task set aws_ecs_task_set.green: Fargate Spot vCPU (Linux/x86)', 730],
      ['task set aws_ecs_task_set.green: Fargate Spot memory (Linux/x86)', 1460],
    ]);
    expect(canary.notes).toContain('task set aws_ecs_task_set.green runs 50% of the desired count: 2 tasks on Fargate Linux/x86, 0.5 vCPU / 1 GB');
  });

  it('adds up to the total', () => {
    expect(report.cost!.monthlyAfter).toBeCloseTo(5.75 * TASK_MONTH + 4.25 * SPOT_MONTH, 9);
    expect(report.cost!.monthlyDelta).toBeCloseTo(5.75 * TASK_MONTH + 4.25 * SPOT_MONTH, 9);
  });
});
