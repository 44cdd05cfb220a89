import type { AnalysisContext } from '../../../engine/context.js';
import { awsvpcTasksPerInstance, type AwsvpcTaskLimit } from '../../../aws/facts-ecs.js';
import { isFargateProvider, servicePlacement } from '../../../plan/ecs.js';
import type { Resource } from '../../../plan/model.js';
import { platformOf } from '../../../plan/taskdef.js';
import { literal, show } from '../../show.js';
import type { Rule } from '../../types.js';
import { providerNamed } from './ECS_TASK_PLACEMENT.js';
import { asgInstanceTypes, networkModeOf, schedulingStrategy, taskDefinitionOf } from './util.js';

/** ENI trunking from `aws_ecs_account_setting_default` awsvpcTrunking in the plan; undefined when unknown. */
function trunkingEnabled(ctx: AnalysisContext): boolean | undefined {
  let on = false;
  for (const s of ctx.model.byType.get('aws_ecs_account_setting_default') ?? []) {
    if (s.action === 'delete' || s.mode !== 'managed') continue;
    const name = s.current.str('name');
    if (name.state === 'unknown') return undefined;
    if (name.state !== 'known' || name.value !== 'awsvpcTrunking') continue;
    const value = s.current.str('value');
    if (value.state === 'unknown') return undefined;
    if (value.state === 'known' && value.value === 'enabled') on = true;
  }
  return on;
}

interface Capacity {
  asg: Resource;
  maxSize: number;
  type: string;
  limit: AwsvpcTaskLimit;
}

/** The most awsvpc tasks one provider's Auto Scaling group can host at its max_size; undefined when not known. */
function capacityOf(cp: Resource, trunking: boolean, ctx: AnalysisContext): Capacity | undefined {
  const asg = ctx.graph.one(cp, 'autoscaling-group');
  const maxSize = asg?.current.num('max_size');
  const types = asg && asgInstanceTypes(asg, ctx);
  if (!asg || maxSize?.state !== 'known' || maxSize.sensitive || !types?.length) return undefined;
  let best: { type: string; limit: AwsvpcTaskLimit } | undefined;
  for (const type of types) {
    const limit = awsvpcTasksPerInstance(type, trunking);
    if (!limit) return undefined;
    if (!best || limit.tasks > best.limit.tasks) best = { type, limit };
  }
  return best && { asg, maxSize: maxSize.value, ...best };
}

export const ECS_AWSVPC_TASK_DENSITY: Rule = {
  id: 'ECS_AWSVPC_TASK_DENSITY',
  severity: 'warning',
  title: 'awsvpc tasks fit in the ENIs of the EC2 capacity',
  types: ['aws_ecs_service'],
  reads: [
    'aws_appautoscaling_target',
    'aws_autoscaling_group',
    'aws_ecs_account_setting_default',
    'aws_ecs_capacity_provider',
    'aws_ecs_cluster',
    'aws_ecs_cluster_capacity_providers',
    'aws_ecs_task_definition',
    'aws_launch_template',
  ],
  check(service, ctx) {
    const scheduling = schedulingStrategy(service);
    if (scheduling.state !== 'known' || scheduling.value !== 'REPLICA') return [];
    const td = taskDefinitionOf(service, ctx);
    const mode = td && networkModeOf(td);
    if (!td || mode?.value !== 'awsvpc') return [];
    const placement = servicePlacement(service, ctx.graph);
    if (placement.kind !== 'strategy' || placement.strategy.some((s) => isFargateProvider(s.capacityProvider))) return [];
    const os = platformOf(td.current).os;
    const accountTrunking = trunkingEnabled(ctx);
    if (os.state !== 'known' || accountTrunking === undefined) return [];
    // ENI trunking works only on Linux container instances.
    const trunking = accountTrunking && os.value === 'LINUX';

    const caps: Capacity[] = [];
    for (const s of placement.strategy) {
      const cp = providerNamed(s.capacityProvider, service, ctx);
      const cap = cp && capacityOf(cp, trunking, ctx);
      if (!cap) return [];
      caps.push(cap);
    }
    const total = caps.reduce((n, c) => n + c.maxSize * c.limit.tasks, 0);
    const how = caps
      .map((c) => `${c.asg.address} max_size ${c.maxSize} × ${c.limit.tasks} per ${literal(c.type)} (${c.limit.basis})`)
      .join(' + ');
    const trunkNote = trunking
      ? ''
      : accountTrunking
        ? ' ENI trunking does not apply to Windows container instances.'
        : ' ENI trunking is not enabled in this plan (aws_ecs_account_setting_default awsvpcTrunking = "enabled"); enabling it raises the limit on supported types.';
    const fix = `Raise max_size, use an instance type with more ENIs, or lower the task count.${trunkNote}`;

    const desired = service.current.num('desired_count');
    if (desired.state === 'known' && !desired.sensitive && desired.value > total) {
      return [
        {
          path: 'desired_count',
          message: `desired_count ${show(desired)} awsvpc tasks need one ENI each, but the capacity providers can host at most ${total}: ${how}. ${fix}`,
        },
      ];
    }
    const targets = ctx.graph.in(service, 'service', 'aws_appautoscaling_target').filter((t) => t.action !== 'delete');
    for (const t of targets) {
      const max = t.current.num('max_capacity');
      if (max.state !== 'known' || max.sensitive || max.value <= total) continue;
      return [
        {
          resource: t,
          path: 'max_capacity',
          message: `max_capacity ${show(max)} lets auto scaling run that many awsvpc tasks of ${service.address}, but its capacity providers can host at most ${total} (one ENI per task): ${how}. ${fix}`,
        },
      ];
    }
    return [];
  },
};
