import { arnName, type ResourceGraph } from './graph.js';
import type { Resource } from './model.js';
import type { Lookup } from './values.js';

/**
 * ECS placement semantics shared by the checks and the estimators: where a service's tasks run
 * (launch type, or capacity provider strategy on the service or the cluster's default), and
 * whether a task definition is used on Fargate.
 */
export interface StrategyItem {
  capacityProvider: string;
  base: number;
  weight: number;
}

export type Placement =
  | { kind: 'launch-type'; launchType: string }
  | { kind: 'strategy'; strategy: StrategyItem[]; from: 'service' | 'cluster-default' }
  | { kind: 'unknown'; why: string }
  /** No launch type and no strategy anywhere: ECS uses EC2. */
  | { kind: 'default' };

export const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;
export const isFargateProvider = (name: string) => (FARGATE_PROVIDERS as readonly string[]).includes(name);

/** Reads a `capacity_provider_strategy`-shaped block list. */
export function readStrategy(r: Resource, attr: string): Lookup<StrategyItem[]> {
  const l = r.current.list(attr);
  if (l.state !== 'known') return l;
  const items: StrategyItem[] = [];
  for (let i = 0; i < l.value.length; i++) {
    const cp = r.current.str([attr, i, 'capacity_provider']);
    if (cp.state === 'unknown') return { state: 'unknown', sensitive: cp.sensitive };
    if (cp.state !== 'known') continue;
    const base = r.current.num([attr, i, 'base']);
    const weight = r.current.num([attr, i, 'weight']);
    if (base.state === 'unknown' || weight.state === 'unknown') return { state: 'unknown', sensitive: false };
    items.push({
      capacityProvider: cp.value,
      base: base.state === 'known' ? base.value : 0,
      weight: weight.state === 'known' ? weight.value : 0,
    });
  }
  return { state: 'known', value: items, sensitive: l.sensitive };
}

/** The cluster-level default strategy: from aws_ecs_cluster_capacity_providers, or the cluster itself (older provider). */
export function clusterDefaultStrategy(cluster: Resource, graph: ResourceGraph): Lookup<StrategyItem[]> {
  for (const ccp of graph.out(cluster, 'cluster-capacity-providers')) {
    const s = readStrategy(ccp, 'default_capacity_provider_strategy');
    if (s.state !== 'absent' && !(s.state === 'known' && s.value.length === 0)) return s;
  }
  return readStrategy(cluster, 'default_capacity_provider_strategy');
}

/**
 * Where a service's (or a task set's) tasks are placed, as ECS decides at CreateService /
 * CreateTaskSet: its own capacity provider strategy or launch type; when it has neither, the
 * cluster's default capacity provider strategy; when the cluster has none, the EC2 launch type.
 *
 * A cluster that is not in this plan (named by a value, or, with no `cluster` written, the
 * account's `default` cluster) keeps its default strategy outside the plan: the placement is then
 * `unknown`, and `why` says what ECS will do, so that no check or estimate assumes EC2 or Fargate
 * for it.
 */
export function servicePlacement(service: Resource, graph: ResourceGraph): Placement {
  const lt = service.current.str('launch_type');
  const strat = readStrategy(service, 'capacity_provider_strategy');
  if (strat.state === 'unknown') return { kind: 'unknown', why: 'capacity_provider_strategy is known only after apply' };
  if (strat.state === 'known' && strat.value.length > 0) return { kind: 'strategy', strategy: strat.value, from: 'service' };
  if (lt.state === 'unknown') return { kind: 'unknown', why: 'launch_type is known only after apply' };
  if (lt.state === 'known' && lt.value !== '') return { kind: 'launch-type', launchType: lt.value };
  const cluster = graph.one(service, 'cluster');
  if (cluster) {
    const def = clusterDefaultStrategy(cluster, graph);
    if (def.state === 'unknown')
      return { kind: 'unknown', why: "the cluster's default capacity provider strategy is known only after apply" };
    if (def.state === 'known' && def.value.length > 0) return { kind: 'strategy', strategy: def.value, from: 'cluster-default' };
    return { kind: 'default' };
  }
  const named = service.current.str('cluster');
  if (named.state === 'absent') return { kind: 'default' };
  const follows = 'ECS places the tasks by its default capacity provider strategy, or with the EC2 launch type when it has none';
  if (named.state === 'known' && named.origin === 'aws-default') {
    return {
      kind: 'unknown',
      why: `no cluster is set, so the service runs in the account's "default" cluster, which is not in this plan: ${follows}`,
    };
  }
  if (named.state === 'known' && !named.sensitive) {
    return { kind: 'unknown', why: `its cluster ${JSON.stringify(arnName(named.value))} is not in this plan: ${follows}` };
  }
  return { kind: 'unknown', why: `its cluster is not in this plan: ${follows}` };
}

/** True / false / undefined (cannot tell) whether the placement runs tasks on Fargate. */
export function placementIsFargate(p: Placement): boolean | undefined {
  switch (p.kind) {
    case 'launch-type':
      return p.launchType === 'FARGATE';
    case 'strategy':
      return p.strategy.some((s) => isFargateProvider(s.capacityProvider));
    case 'default':
      return false;
    case 'unknown':
      return undefined;
  }
}

/** The task sets of a service (deployment controller EXTERNAL) in this plan. */
export const taskSetsOf = (service: Resource, graph: ResourceGraph): Resource[] => graph.in(service, 'service', 'aws_ecs_task_set');

/** What runs a task definition: the services whose task definition it is, and the task sets that run it. */
export const runnersOf = (td: Resource, graph: ResourceGraph): Resource[] => [
  ...graph.in(td, 'task-definition', 'aws_ecs_service'),
  ...graph.in(td, 'task-definition', 'aws_ecs_task_set'),
];

/** Whether a task definition is used on Fargate: it requires FARGATE, or a service or task set runs it there. */
export function taskDefinitionOnFargate(td: Resource, graph: ResourceGraph): boolean {
  const rc = td.current.list('requires_compatibilities');
  if (rc.state === 'known' && rc.value.includes('FARGATE')) return true;
  return runnersOf(td, graph).some((s) => placementIsFargate(servicePlacement(s, graph)) === true);
}

/**
 * The kind of a capacity provider named in a strategy: Fargate's predefined providers, an Auto
 * Scaling group provider, or an ECS Managed Instances provider (`managed_instances_provider`).
 */
export type ProviderKind = 'fargate' | 'asg' | 'managed-instances';

/** The capacity providers of a cluster in this plan: those associated with it, and the Managed Instances providers that name it. */
export function clusterCapacityProviders(cluster: Resource, graph: ResourceGraph): Resource[] {
  const listed = [cluster, ...graph.out(cluster, 'cluster-capacity-providers')].flatMap((r) => graph.out(r, 'capacity-provider'));
  return [...new Set([...listed, ...graph.in(cluster, 'cluster', 'aws_ecs_capacity_provider')])];
}

/** The aws_ecs_capacity_provider of this plan named `name` in a resource's cluster, when exactly one is. */
export function providerNamed(r: Resource, name: string, graph: ResourceGraph): Resource | undefined {
  const cluster = r.type === 'aws_ecs_cluster' ? r : graph.one(r, 'cluster');
  if (!cluster) return undefined;
  const hits = clusterCapacityProviders(cluster, graph).filter((cp) => {
    const n = cp.current.str('name');
    return n.state === 'known' && n.value === name;
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/** The kind of an aws_ecs_capacity_provider: which of its two provider blocks it has; undefined when unknown. */
export function kindOfProvider(cp: Resource): Exclude<ProviderKind, 'fargate'> | undefined {
  const has = (attr: string) => {
    const l = cp.current.list(attr);
    return l.state === 'unknown' ? undefined : l.state === 'known' && l.value.length > 0;
  };
  const mi = has('managed_instances_provider');
  const asg = has('auto_scaling_group_provider');
  if (mi === true) return 'managed-instances';
  if (asg === true) return 'asg';
  return undefined;
}

/**
 * The kind of the provider a strategy entry names: FARGATE and FARGATE_SPOT are Fargate; another
 * name is looked up among the cluster's providers in this plan. A provider that is not in the plan
 * is taken as an Auto Scaling group provider only when `assumeAsg` (the rules' long-standing
 * reading); otherwise its kind is undefined.
 */
export function providerKind(r: Resource, name: string, graph: ResourceGraph, assumeAsg = true): ProviderKind | undefined {
  if (isFargateProvider(name)) return 'fargate';
  const cp = providerNamed(r, name, graph);
  const kind = cp && kindOfProvider(cp);
  return kind ?? (assumeAsg && !cp ? 'asg' : undefined);
}
