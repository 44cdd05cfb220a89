import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGraph, ResourceGraph, type EdgeKind } from '../../src/plan/graph.js';
import { loadPlan, validatePlan } from '../../src/plan/load.js';
import { buildModel, dropUnlinked, type PlanModel, type Resource } from '../../src/plan/model.js';
import { TYPE_TABLES } from '../../src/engine/reads.js';
import { FIXTURES } from '../helpers/paths.js';
import { FUZZ } from '../fuzz/arbitraries.js';
import { buildPlan, constant, ref, type PlanSpec, type ResSpec } from '../helpers/plan.js';

const ARN = 'arn:aws:ecs:us-east-1:123456789012';

async function fixtureGraph(name: string) {
  const model = buildModel(await loadPlan(join(FIXTURES, name)), { types: TYPE_TABLES });
  return { model, graph: buildGraph(model) };
}

function built(rs: ResSpec[], spec?: PlanSpec) {
  const model = buildModel(validatePlan('t.json', JSON.parse(JSON.stringify(buildPlan(rs, spec)))), { types: TYPE_TABLES });
  return { model, graph: buildGraph(model) };
}

/** Addresses `from` links to with `kind`. */
function links(g: { model: PlanModel; graph: ReturnType<typeof buildGraph> }, from: string, kind: EdgeKind): string[] {
  const r = g.model.byAddress.get(from);
  if (!r) throw new Error(`no ${from}`);
  return g.graph.out(r, kind).map((x) => x.address);
}

describe('resource graph on the example fixtures', () => {
  it('ECS on Fargate: service → task definition and cluster by reference, target → service, policy → target', async () => {
    const g = await fixtureGraph('example-stack.json');
    expect(links(g, 'aws_ecs_service.api', 'task-definition')).toEqual(['aws_ecs_task_definition.api']);
    expect(links(g, 'aws_ecs_service.api', 'cluster')).toEqual(['aws_ecs_cluster.prod']);
    expect(links(g, 'aws_appautoscaling_target.api', 'service')).toEqual(['aws_ecs_service.api']);
    expect(links(g, 'aws_appautoscaling_policy.api_cpu', 'scaling-target')).toEqual(['aws_appautoscaling_target.api']);
    expect(links(g, 'module.eks.aws_eks_node_group.general', 'cluster')).toEqual(['module.eks.aws_eks_cluster.this']);
    const td = g.model.byAddress.get('aws_ecs_task_definition.api')!;
    expect(g.graph.in(td, 'task-definition').map((r) => r.address)).toEqual(['aws_ecs_service.api']);
  });

  it('ECS on EC2: cluster → capacity providers → ASG → launch template', async () => {
    const g = await fixtureGraph('ecs-ec2.json');
    expect(links(g, 'aws_ecs_cluster.batch', 'cluster-capacity-providers')).toEqual(['aws_ecs_cluster_capacity_providers.batch']);
    expect(links(g, 'aws_ecs_cluster_capacity_providers.batch', 'capacity-provider')).toEqual(['aws_ecs_capacity_provider.batch']);
    expect(links(g, 'aws_ecs_capacity_provider.batch', 'autoscaling-group')).toEqual(['aws_autoscaling_group.ecs']);
    expect(links(g, 'aws_autoscaling_group.ecs', 'launch-template')).toEqual(['aws_launch_template.ecs']);
    expect(links(g, 'aws_ecs_service.worker', 'cluster')).toEqual(['aws_ecs_cluster.batch']);
  });

  it('EKS: count instances of node groups → one launch template by id; Fargate profile and add-on → cluster', async () => {
    const g = await fixtureGraph('eks-fargate.json');
    expect(links(g, 'aws_eks_node_group.arm[0]', 'launch-template')).toEqual(['aws_launch_template.arm']);
    expect(links(g, 'aws_eks_node_group.arm[1]', 'launch-template')).toEqual(['aws_launch_template.arm']);
    expect(links(g, 'aws_eks_node_group.arm[1]', 'cluster')).toEqual(['aws_eks_cluster.platform']);
    expect(links(g, 'aws_eks_fargate_profile.batch', 'cluster')).toEqual(['aws_eks_cluster.platform']);
    expect(links(g, 'aws_eks_addon.vpc_cni', 'cluster')).toEqual(['aws_eks_cluster.platform']);
  });

  it('for_each module instances link to the task definition of their own instance, and across modules to the root cluster', async () => {
    const g = await fixtureGraph('services-modules.json');
    expect(links(g, 'module.service["api"].aws_ecs_service.this', 'task-definition')).toEqual([
      'module.service["api"].aws_ecs_task_definition.this',
    ]);
    expect(links(g, 'module.service["web"].aws_ecs_service.this', 'task-definition')).toEqual([
      'module.service["web"].aws_ecs_task_definition.this',
    ]);
    expect(links(g, 'module.service["web"].aws_ecs_service.this', 'cluster')).toEqual(['aws_ecs_cluster.shared']);
    expect(links(g, 'aws_appautoscaling_target.web', 'service')).toEqual(['module.service["web"].aws_ecs_service.this']);
    // The deleted legacy service still links to its deleted task definition (family:revision in its ARN).
    expect(links(g, 'aws_ecs_service.legacy[0]', 'task-definition')).toEqual(['aws_ecs_task_definition.legacy[0]']);
  });
});

describe('linking rules', () => {
  it('target groups nothing links to are dropped from every index once the graph is built', () => {
    const tg = (name: string, count = false) => ({
      address: `aws_lb_target_group.${name}${count ? '[0]' : ''}`,
      after: { name, arn: `arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/${name}/1`, target_type: 'ip' },
    });
    const g = built([
      tg('used'),
      tg('other'),
      tg('many', true),
      {
        address: 'aws_ecs_service.s',
        after: {
          name: 's',
          load_balancer: [
            { target_group_arn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/used/1', container_name: 'c', container_port: 80 },
          ],
        },
      },
    ]);
    expect(dropUnlinked(g.model, (r) => g.graph.linked(r), TYPE_TABLES)).toBe(2);
    expect(g.model.resources.map((r) => r.address)).toEqual(['aws_lb_target_group.used', 'aws_ecs_service.s']);
    expect(g.model.byType.get('aws_lb_target_group')!.map((r) => r.address)).toEqual(['aws_lb_target_group.used']);
    expect([...g.model.byAddress.keys()]).toEqual(['aws_lb_target_group.used', 'aws_ecs_service.s']);
    expect(g.model.byConfigAddress.has('aws_lb_target_group.other')).toBe(false);
    expect(g.model.byBaseAddress.has('aws_lb_target_group.many')).toBe(false);
    expect(links(g, 'aws_ecs_service.s', 'target-group')).toEqual(['aws_lb_target_group.used']);
    expect(dropUnlinked(g.model, (r) => g.graph.linked(r), TYPE_TABLES)).toBe(0);
  });

  it('by task definition ARN, family:revision or family', () => {
    const td = { address: 'aws_ecs_task_definition.t', after: { family: 'app', revision: 4, arn: `${ARN}:task-definition/app:4` } };
    for (const value of [`${ARN}:task-definition/app:4`, 'app:4', 'app']) {
      const g = built([td, { address: 'aws_ecs_service.s', after: { name: 's', task_definition: value }, expressions: {} }]);
      expect(links(g, 'aws_ecs_service.s', 'task-definition')).toEqual(['aws_ecs_task_definition.t']);
    }
  });

  it('many task definitions of one family: each is indexed once, and an ARN still picks its own', () => {
    const n = 1000;
    const tds = Array.from({ length: n }, (_, i) => ({
      address: `aws_ecs_task_definition.t["k${i}"]`,
      after: { family: 'app', revision: i + 1, arn: `${ARN}:task-definition/app:${i + 1}` },
    }));
    const g = built([
      ...tds,
      { address: 'aws_ecs_service.one', after: { name: 'one', task_definition: `${ARN}:task-definition/app:734` }, expressions: {} },
      { address: 'aws_ecs_service.any', after: { name: 'any', task_definition: 'app' }, expressions: {} },
    ]);
    expect(links(g, 'aws_ecs_service.one', 'task-definition')).toEqual(['aws_ecs_task_definition.t["k733"]']);
    const all = links(g, 'aws_ecs_service.any', 'task-definition');
    expect(new Set(all).size).toBe(all.length);
  });

  it('count.index references pick the instance with the same index', () => {
    const rs: ResSpec[] = [0, 1].flatMap((i) => [
      { address: `aws_ecs_task_definition.t[${i}]`, after: { family: `f${i}` }, unknown: { arn: true } },
      {
        address: `aws_ecs_service.s[${i}]`,
        after: { name: `s${i}` },
        unknown: { task_definition: true },
        expressions: { task_definition: ref('aws_ecs_task_definition.t', 'count.index') },
      },
    ]);
    const g = built(rs);
    expect(links(g, 'aws_ecs_service.s[0]', 'task-definition')).toEqual(['aws_ecs_task_definition.t[0]']);
    expect(links(g, 'aws_ecs_service.s[1]', 'task-definition')).toEqual(['aws_ecs_task_definition.t[1]']);
  });

  it('follows a module variable up to the resource that sets it, and a module output down', () => {
    const g = built(
      [
        { address: 'aws_eks_cluster.main', after: { name: 'main' }, unknown: { arn: true } },
        {
          address: 'module.nodes.aws_eks_node_group.ng',
          after: { node_group_name: 'ng' },
          unknown: { cluster_name: true },
          expressions: { cluster_name: ref('var.cluster_name') },
        },
        { address: 'module.lt.aws_launch_template.t', after: { name: 'lt' }, unknown: { id: true } },
        {
          address: 'aws_autoscaling_group.g',
          after: { name: 'g', launch_template: [{ version: '$Latest' }] },
          unknown: { launch_template: [{ id: true }] },
          expressions: { launch_template: [{ id: ref('module.lt.id', 'module.lt') }] },
        },
      ],
      {
        moduleCalls: {
          'module.nodes': { expressions: { cluster_name: ref('aws_eks_cluster.main.name', 'aws_eks_cluster.main') } },
          'module.lt': { outputs: { id: { expression: ref('aws_launch_template.t.id', 'aws_launch_template.t') } } },
        },
      },
    );
    expect(links(g, 'module.nodes.aws_eks_node_group.ng', 'cluster')).toEqual(['aws_eks_cluster.main']);
    expect(links(g, 'aws_autoscaling_group.g', 'launch-template')).toEqual(['module.lt.aws_launch_template.t']);
  });

  it('an ambiguous reference links nothing rather than guessing', () => {
    const g = built([
      { address: 'aws_launch_template.t["a"]', after: { name: 'a' }, unknown: { id: true } },
      { address: 'aws_launch_template.t["b"]', after: { name: 'b' }, unknown: { id: true } },
      {
        address: 'aws_autoscaling_group.g',
        after: { name: 'g', launch_template: [{}] },
        unknown: { launch_template: [{ id: true }] },
        expressions: { launch_template: [{ id: ref('aws_launch_template.t') }] },
      },
    ]);
    expect(links(g, 'aws_autoscaling_group.g', 'launch-template')).toEqual([]);
  });

  it('mixed instances policy and launch configuration links', () => {
    const g = built([
      { address: 'aws_launch_template.lt', after: { name: 'lt', id: 'lt-1' } },
      { address: 'aws_launch_configuration.lc', after: { name: 'lc' } },
      {
        address: 'aws_autoscaling_group.m',
        after: {
          name: 'm',
          mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_id: 'lt-1' }] }] }],
        },
        expressions: {},
      },
      { address: 'aws_autoscaling_group.c', after: { name: 'c', launch_configuration: 'lc' }, expressions: {} },
    ]);
    expect(links(g, 'aws_autoscaling_group.m', 'launch-template')).toEqual(['aws_launch_template.lt']);
    expect(links(g, 'aws_autoscaling_group.c', 'launch-configuration')).toEqual(['aws_launch_configuration.lc']);
  });

  it('scaling policy → target by namespace, resource id and dimension', () => {
    const t = { service_namespace: 'ecs', resource_id: 'service/c/s', scalable_dimension: 'ecs:service:DesiredCount' };
    const g = built([
      { address: 'aws_appautoscaling_target.t', after: { ...t, min_capacity: 1, max_capacity: 3 } },
      { address: 'aws_appautoscaling_target.other', after: { ...t, resource_id: 'service/c/other' } },
      { address: 'aws_appautoscaling_policy.p', after: { name: 'p', ...t }, expressions: { resource_id: constant('service/c/s') } },
    ]);
    expect(links(g, 'aws_appautoscaling_policy.p', 'scaling-target')).toEqual(['aws_appautoscaling_target.t']);
  });
});

describe('links the EKS Fargate and autoscaling rules ask for', () => {
  it('Fargate profile → role and subnets (each with its path), association → subnet and route table, route → gateway', () => {
    const g = built([
      { address: 'aws_iam_role.pods', after: { name: 'pods' }, unknown: { arn: true, id: true } },
      { address: 'aws_subnet.private[0]', after: { cidr_block: '10.0.0.0/24' }, unknown: { id: true } },
      { address: 'aws_subnet.private[1]', after: { cidr_block: '10.0.1.0/24' }, unknown: { id: true } },
      { address: 'aws_subnet.known', actions: ['no-op'], after: { id: 'subnet-0aaa' } },
      { address: 'aws_internet_gateway.main', after: {}, unknown: { id: true } },
      {
        address: 'aws_route_table.public',
        after: { route: [{ cidr_block: '0.0.0.0/0' }] },
        unknown: { id: true, route: [{ gateway_id: true }] },
        expressions: {
          route: [{ cidr_block: constant('0.0.0.0/0'), gateway_id: ref('aws_internet_gateway.main.id', 'aws_internet_gateway.main') }],
        },
      },
      {
        address: 'aws_route_table_association.a',
        after: {},
        unknown: { id: true, subnet_id: true, route_table_id: true },
        expressions: {
          subnet_id: ref('aws_subnet.private[0].id', 'aws_subnet.private[0]'),
          route_table_id: ref('aws_route_table.public.id', 'aws_route_table.public'),
        },
      },
      {
        address: 'aws_eks_fargate_profile.apps',
        after: { cluster_name: 'main', fargate_profile_name: 'apps', subnet_ids: ['subnet-0aaa', null] },
        unknown: { arn: true, pod_execution_role_arn: true, subnet_ids: [false, true] },
        expressions: {
          pod_execution_role_arn: ref('aws_iam_role.pods.arn', 'aws_iam_role.pods'),
          subnet_ids: ref('aws_subnet.private', 'aws_subnet.private[*].id'),
        },
      },
    ]);
    expect(links(g, 'aws_eks_fargate_profile.apps', 'iam-role')).toEqual(['aws_iam_role.pods']);
    const fp = g.model.byAddress.get('aws_eks_fargate_profile.apps')!;
    expect(g.graph.edgesOf(fp, 'subnet').map((e) => [e.to.address, e.via, e.path])).toEqual([
      ['aws_subnet.known', 'value', ['subnet_ids', 0]],
      ['aws_subnet.private[0]', 'reference', ['subnet_ids']],
      ['aws_subnet.private[1]', 'reference', ['subnet_ids']],
    ]);
    expect(links(g, 'aws_route_table_association.a', 'subnet')).toEqual(['aws_subnet.private[0]']);
    expect(links(g, 'aws_route_table_association.a', 'route-table')).toEqual(['aws_route_table.public']);
    const rt = g.model.byAddress.get('aws_route_table.public')!;
    expect(g.graph.edgesOf(rt, 'internet-gateway').map((e) => [e.to.address, e.path])).toEqual([
      ['aws_internet_gateway.main', ['route', 0, 'gateway_id']],
    ]);
  });

  it('a scaling policy depends on the target it refers to or lists in depends_on; an Auto Scaling policy links its group', () => {
    const target = (name: string): ResSpec => ({
      address: `aws_appautoscaling_target.${name}`,
      after: {
        service_namespace: 'ecs',
        resource_id: `service/main/${name}`,
        scalable_dimension: 'ecs:service:DesiredCount',
        min_capacity: 1,
        max_capacity: 3,
      },
    });
    const policy = (name: string, expressions: Record<string, unknown>): ResSpec => ({
      address: `aws_appautoscaling_policy.${name}`,
      after: { name, service_namespace: 'ecs', resource_id: `service/main/${name}`, scalable_dimension: 'ecs:service:DesiredCount' },
      expressions,
    });
    const plan = buildPlan([
      target('api'),
      target('web'),
      target('jobs'),
      policy('api', { resource_id: ref('aws_appautoscaling_target.api.resource_id', 'aws_appautoscaling_target.api') }),
      policy('web', { resource_id: constant('service/main/web') }),
      policy('jobs', { resource_id: constant('service/main/jobs') }),
      { address: 'aws_autoscaling_group.workers', after: { min_size: 1, max_size: 3 }, unknown: { name: true } },
      {
        address: 'aws_autoscaling_policy.cpu',
        after: { policy_type: 'TargetTrackingScaling' },
        unknown: { autoscaling_group_name: true },
        expressions: { autoscaling_group_name: ref('aws_autoscaling_group.workers.name', 'aws_autoscaling_group.workers') },
      },
    ]);
    const resources = (plan.configuration as { root_module: { resources: { address: string; depends_on?: string[] }[] } }).root_module
      .resources;
    resources.find((r) => r.address === 'aws_appautoscaling_policy.web')!.depends_on = ['aws_appautoscaling_target.web'];
    const model = buildModel(validatePlan('t.json', JSON.parse(JSON.stringify(plan))));
    const g = { model, graph: buildGraph(model) };
    expect(links(g, 'aws_appautoscaling_policy.api', 'depends-on')).toEqual(['aws_appautoscaling_target.api']);
    expect(links(g, 'aws_appautoscaling_policy.web', 'depends-on')).toEqual(['aws_appautoscaling_target.web']);
    expect(links(g, 'aws_appautoscaling_policy.jobs', 'depends-on')).toEqual([]);
    expect(links(g, 'aws_autoscaling_policy.cpu', 'autoscaling-group')).toEqual(['aws_autoscaling_group.workers']);
  });
});

describe('ResourceGraph.one', () => {
  it('is the single resource out() lists for the kind, and undefined for none or several (any edges)', () => {
    const rs = ['a', 'b', 'c', 'd'].map((n) => ({ address: `aws_x.${n}`, type: 'aws_x' }) as unknown as Resource);
    const kinds: EdgeKind[] = ['cluster', 'task-definition'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(3), fc.nat(1), fc.nat(1)), { maxLength: 8 }), (edges) => {
        const g = new ResourceGraph();
        for (const [f, t, k, p] of edges)
          g.add({ from: rs[f]!, to: rs[t]!, kind: kinds[k]!, via: 'value', path: p === 0 ? ['x'] : ['y', 0] });
        for (const r of rs)
          for (const k of kinds) {
            const l = g.out(r, k);
            expect(g.one(r, k)).toBe(l.length === 1 ? l[0] : undefined);
          }
      }),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 500) },
    );
  });
});
