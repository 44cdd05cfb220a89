import { describe, expect, it } from 'vitest';
import { ECS_AWSVPC_NETCONF } from '../../../src/checks/rules/ecs/ECS_AWSVPC_NETCONF.js';
import { ECS_IAM_ROLE_AWSVPC } from '../../../src/checks/rules/ecs/ECS_IAM_ROLE_AWSVPC.js';
import { FARGATE_NETWORK_MODE } from '../../../src/checks/rules/fargate/FARGATE_NETWORK_MODE.js';
import { analyse } from '../../../src/engine/analyse.js';
import { servicePlacement } from '../../../src/plan/ecs.js';
import { buildGraph } from '../../../src/plan/graph.js';
import { validatePlan } from '../../../src/plan/load.js';
import { buildModel } from '../../../src/plan/model.js';
import { buildPlan, constant, ref, type ResSpec } from '../../helpers/plan.js';
import { check } from '../helpers.js';
import { cluster, service, taskDef } from './fixtures.js';

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
    expect(plan.resources.filter((r) => r.type === 'aws_ecs_task_set').map((r) => r.address)).toEqual([
      'aws_ecs_task_set.blue',
      'aws_ecs_task_set.green',
    ]);
  });

  it('a Fargate task definition without network_mode is bridge, so an error; nothing else is flagged', () => {
    expect(plan.findings.map((f) => [f.rule, f.address, f.path])).toEqual([
      ['FARGATE_NETWORK_MODE', 'aws_ecs_task_definition.worker', 'network_mode'],
    ]);
    expect(plan.findings[0]!.message).toBe('network_mode is "bridge" (not set: the AWS default); Fargate supports only "awsvpc"');
  });

  it("a service without launch_type runs by its cluster's default strategy: base 1 on FARGATE, the rest 1:3 FARGATE:FARGATE_SPOT", () => {
    const web = cost('aws_ecs_service.web');
    // 4 tasks: 1 (base) + 0.75 on FARGATE, 2.25 on FARGATE_SPOT
    expect(web.monthlyAfter).toBeCloseTo(1.75 * TASK_MONTH + 2.25 * SPOT_MONTH, 9);
    expect(web.description).toBe('Fargate Linux/x86, 0.5 vCPU / 1 GB × 4');
    expect(web.notes).toContain(
      '4 tasks split by the capacity provider strategy (base first, then by weight): 1.75 on FARGATE, 2.25 on FARGATE_SPOT',
    );
  });

  it('a service without launch_type in a cluster with no capacity providers runs on EC2', () => {
    const batch = cost('aws_ecs_service.batch');
    expect(batch.monthlyAfter).toBe(0);
    expect(batch.description).toBe('EC2 capacity');
  });

  it('an EXTERNAL service is priced from its task sets: each its scale of the desired count, placed its own way', () => {
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
    expect(canary.notes).toContain(
      'task set aws_ecs_task_set.green runs 50% of the desired count: 2 tasks on Fargate Linux/x86, 0.5 vCPU / 1 GB',
    );
  });

  it('adds up to the total', () => {
    expect(report.cost!.monthlyAfter).toBeCloseTo(5.75 * TASK_MONTH + 4.25 * SPOT_MONTH, 9);
    expect(report.cost!.monthlyDelta).toBeCloseTo(5.75 * TASK_MONTH + 4.25 * SPOT_MONTH, 9);
  });
});

describe('placement and network mode left to AWS, rule by rule', () => {
  const bridgeTd = () => taskDef('web', { network_mode: null, requires_compatibilities: ['EC2'] }, { unknown: { network_mode: true } });

  it('ECS_AWSVPC_NETCONF: a task definition without network_mode is bridge, so network_configuration is refused', () => {
    const fs = check(ECS_AWSVPC_NETCONF, [bridgeTd(), service('web', { launch_type: 'EC2' })]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('task definition aws_ecs_task_definition.web uses network_mode not set (ECS uses "bridge")');
  });

  it('ECS_IAM_ROLE_AWSVPC: a bridge task (network_mode not set) may have a service role', () => {
    expect(
      check(ECS_IAM_ROLE_AWSVPC, [
        bridgeTd(),
        service('web', { launch_type: 'EC2', network_configuration: [], iam_role: 'arn:aws:iam::123456789012:role/ecs' }),
      ]),
    ).toEqual([]);
  });

  it("no cluster written: the account's default cluster decides, and nothing assumes EC2 or Fargate for it", () => {
    const plan = validatePlan(
      't.json',
      JSON.parse(
        JSON.stringify(
          buildPlan([service('web', { launch_type: null, cluster: null }, { unknown: { launch_type: true, cluster: true } })]),
        ),
      ),
    );
    const model = buildModel(plan);
    const p = servicePlacement(model.resources[0]!, buildGraph(model));
    expect(p).toEqual({
      kind: 'unknown',
      why: 'no cluster is set, so the service runs in the account\'s "default" cluster, which is not in this plan: ECS places the tasks by its default capacity provider strategy, or with the EC2 launch type when it has none',
    });
  });

  it('a cluster in the plan without a default strategy gives the EC2 launch type', () => {
    const plan = validatePlan(
      't.json',
      JSON.parse(
        JSON.stringify(
          buildPlan([
            cluster(),
            service(
              'web',
              { launch_type: null },
              {
                unknown: { launch_type: true, cluster: true },
                expressions: { cluster: ref('aws_ecs_cluster.main.id', 'aws_ecs_cluster.main') },
              },
            ),
          ]),
        ),
      ),
    );
    const model = buildModel(plan);
    const svc = model.byAddress.get('aws_ecs_service.web')!;
    expect(servicePlacement(svc, buildGraph(model))).toEqual({ kind: 'default' });
  });
});

describe('task sets', () => {
  const taskSet = (launchType: string | null): ResSpec => ({
    address: 'aws_ecs_task_set.blue',
    after: {
      launch_type: launchType,
      capacity_provider_strategy: [],
      scale: [{ unit: 'PERCENT', value: 100 }],
      load_balancer: [],
      service_registries: [],
    },
    unknown: { service: true, cluster: true, task_definition: true, arn: true, id: true, ...(launchType ? {} : { launch_type: true }) },
    expressions: {
      service: ref('aws_ecs_service.web.id', 'aws_ecs_service.web'),
      cluster: ref('aws_ecs_cluster.main.id', 'aws_ecs_cluster.main'),
      task_definition: ref('aws_ecs_task_definition.web.arn', 'aws_ecs_task_definition.web'),
      ...(launchType ? { launch_type: constant(launchType) } : {}),
      scale: [{ unit: constant('PERCENT'), value: constant(100) }],
    },
  });
  const td = () => taskDef('web', { network_mode: 'bridge', requires_compatibilities: null });

  it('the Fargate rules see the task definition a Fargate task set runs', () => {
    const fs = check(FARGATE_NETWORK_MODE, [td(), cluster(), taskSet('FARGATE')]);
    expect(fs.map((f) => [f.address, f.message])).toEqual([
      ['aws_ecs_task_definition.web', 'network_mode is "bridge"; Fargate supports only "awsvpc"'],
    ]);
  });

  it('a task set on EC2 does not make its task definition a Fargate one', () => {
    expect(check(FARGATE_NETWORK_MODE, [td(), cluster(), taskSet('EC2')])).toEqual([]);
  });
});
