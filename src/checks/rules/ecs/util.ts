import type { AnalysisContext } from '../../../engine/context.js';
import { readStrategy, type Placement, type StrategyItem } from '../../../plan/ecs.js';
import type { Resource } from '../../../plan/model.js';
import type { Reading } from '../../../plan/read.js';
import { formatPath } from '../../../plan/values.js';
import { literal, show } from '../../show.js';

/** Helpers shared by the ECS service, cluster and capacity provider rules. */

/** The task definition a service runs, when it is in the plan and resolves to exactly one. */
export const taskDefinitionOf = (service: Resource, ctx: AnalysisContext): Resource | undefined =>
  ctx.graph.one(service, 'task-definition');

/** The ECS cluster a service or cluster-capacity-providers resource names, when it is in the plan. */
export const clusterOf = (r: Resource, ctx: AnalysisContext): Resource | undefined => ctx.graph.one(r, 'cluster');

export interface NetworkMode {
  value: string;
  sensitive: boolean;
  /** network_mode is not set: ECS uses "bridge" on Linux and "default" on Windows. */
  defaulted: boolean;
}

/** A task definition's network mode, with the ECS default when it is not set; undefined when unknown. */
export function networkModeOf(td: Resource): NetworkMode | undefined {
  const l = td.current.str('network_mode');
  if (l.state !== 'known') return undefined;
  return { value: l.value, sensitive: l.sensitive, defaulted: l.origin === 'aws-default' };
}

/** `network_mode "awsvpc"`, `network_mode (sensitive)` or `network_mode not set (ECS uses "bridge")`. */
export function showNetworkMode(m: NetworkMode): string {
  if (m.defaulted) return `network_mode not set (ECS uses "${m.value}")`;
  return `network_mode ${show({ state: 'known', value: m.value, sensitive: m.sensitive })}`;
}

/** Non-empty known list at `attr`; false when absent or empty; undefined when unknown. */
export function hasItems(r: Resource, attr: string): boolean | undefined {
  const l = r.current.list(attr);
  if (l.state === 'unknown') return undefined;
  return l.state === 'known' && l.value.length > 0;
}

/** A strategy entry with its position, for paths like `capacity_provider_strategy[1].base`. */
export interface StrategyEntry extends StrategyItem {
  index: number;
  /** The provider name rendered for messages ("(sensitive)" when it is). */
  label: string;
}

/** The entries of a `capacity_provider_strategy`-shaped block list; undefined when unknown or absent. */
export function strategyEntries(r: Resource, attr: string): StrategyEntry[] | undefined {
  const s = readStrategy(r, attr);
  if (s.state !== 'known') return undefined;
  if (s.value.length === 0) return [];
  const list = r.current.list(attr);
  const n = list.state === 'known' ? list.value.length : 0;
  const out: StrategyEntry[] = [];
  let k = 0;
  for (let i = 0; i < n && k < s.value.length; i++) {
    const cp = r.current.str([attr, i, 'capacity_provider']);
    if (cp.state !== 'known') continue;
    out.push({ ...s.value[k++]!, index: i, label: show(cp) });
  }
  return out;
}

export const strategyPath = (attr: string, e: StrategyEntry, field?: string): string =>
  formatPath(field ? [attr, e.index, field] : [attr, e.index]);

/** `"FARGATE", "FARGATE_SPOT"` */
export const labels = (entries: readonly StrategyEntry[]): string => entries.map((e) => e.label).join(', ');

/** The scheduling strategy of a service (REPLICA when not set: the provider facts say so). */
export const schedulingStrategy = (service: Resource): Reading<string> => service.current.str('scheduling_strategy');

/** The deployment controller type of a service (ECS when not set: the provider facts say so). */
export const deploymentController = (service: Resource): Reading<string> => service.current.str(['deployment_controller', 0, 'type']);

/** Whether the strategy a placement came from holds a sensitive value (then names are not shown). */
function strategySensitive(p: Placement & { kind: 'strategy' }, service: Resource, ctx: AnalysisContext): boolean {
  if (p.from === 'service') return service.current.hasSensitive('capacity_provider_strategy');
  const cluster = clusterOf(service, ctx);
  if (!cluster) return false;
  return [cluster, ...ctx.graph.out(cluster, 'cluster-capacity-providers')].some((r) =>
    r.current.hasSensitive('default_capacity_provider_strategy'),
  );
}

/** Where the tasks go, for messages: `launch_type "FARGATE"`, `capacity_provider_strategy "FARGATE_SPOT"`, … */
export function placementLabel(p: Placement, service: Resource, ctx: AnalysisContext): string {
  switch (p.kind) {
    case 'launch-type':
      return `launch_type ${show(service.current.str('launch_type'))}`;
    case 'strategy': {
      const names = strategySensitive(p, service, ctx) ? '(sensitive)' : p.strategy.map((s) => literal(s.capacityProvider)).join(', ');
      return p.from === 'service' ? `capacity_provider_strategy ${names}` : `the cluster's default capacity provider strategy ${names}`;
    }
    case 'default':
      return 'no launch type or capacity provider strategy, so EC2';
    case 'unknown':
      return p.why;
  }
}

/**
 * The instance types an Auto Scaling group launches: the mixed instances policy's overrides, else
 * its launch template's or launch configuration's `instance_type`. Undefined when unknown, or
 * when overrides carry weights (then max_size counts capacity units, not instances).
 */
export function asgInstanceTypes(asg: Resource, ctx: AnalysisContext): string[] | undefined {
  const ov = ['mixed_instances_policy', 0, 'launch_template', 0, 'override'] as const;
  const overrides = asg.current.list([...ov]);
  if (overrides.state === 'unknown') return undefined;
  if (overrides.state === 'known' && overrides.value.length > 0) {
    const types: string[] = [];
    for (let i = 0; i < overrides.value.length; i++) {
      const weight = asg.current.str([...ov, i, 'weighted_capacity']);
      const type = asg.current.str([...ov, i, 'instance_type']);
      if (weight.state === 'unknown' || (weight.state === 'known' && weight.value !== '') || type.state !== 'known' || type.sensitive)
        return undefined;
      types.push(type.value);
    }
    return types;
  }
  const source = ctx.graph.one(asg, 'launch-template') ?? ctx.graph.one(asg, 'launch-configuration');
  const type = source?.current.str('instance_type');
  return type?.state === 'known' && !type.sensitive && type.value !== '' ? [type.value] : undefined;
}
