import { servicePlacement } from '../../../plan/ecs.js';
import { platformOf } from '../../../plan/taskdef.js';
import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { placementLabel, strategyEntries, strategyPath, taskDefinitionOf } from './util.js';

/** A strategy entry that receives tasks: it has a base or a weight. */
const receives = (s: { base: number; weight: number }) => s.base > 0 || s.weight > 0;

export const FARGATE_SPOT_WINDOWS: Rule = {
  id: 'FARGATE_SPOT_WINDOWS',
  severity: 'error',
  title: 'Windows tasks are not placed on Fargate Spot',
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_task_definition'],
  check(service, ctx) {
    const placement = servicePlacement(service, ctx.graph);
    if (placement.kind !== 'strategy') return [];
    const spot = placement.strategy.filter((s) => s.capacityProvider === 'FARGATE_SPOT' && receives(s));
    if (spot.length === 0) return [];
    const td = taskDefinitionOf(service, ctx);
    const platform = td && platformOf(td.current);
    if (!td || !platform || platform.os.state !== 'known' || platform.os.value !== 'WINDOWS') return [];
    const onlySpot = placement.strategy.every((s) => s.capacityProvider === 'FARGATE_SPOT' || !receives(s));
    const entry =
      placement.from === 'service'
        ? strategyEntries(service, 'capacity_provider_strategy')?.find((e) => e.capacityProvider === 'FARGATE_SPOT')
        : undefined;
    const os = `operating_system_family ${show(platform.osFamily)}`;
    return [
      {
        severity: onlySpot ? 'error' : 'warning',
        ...(entry ? { path: strategyPath('capacity_provider_strategy', entry, 'capacity_provider') } : {}),
        message: onlySpot
          ? `task definition ${td.address} is a Windows task (${os}) and ${placementLabel(placement, service, ctx)} places every task on FARGATE_SPOT, which runs only Linux tasks, so no task can start; use the FARGATE capacity provider`
          : `task definition ${td.address} is a Windows task (${os}) and ${placementLabel(placement, service, ctx)} sends part of the tasks to FARGATE_SPOT, which runs only Linux tasks; those tasks cannot start. Remove FARGATE_SPOT from the strategy`,
      },
    ];
  },
};
