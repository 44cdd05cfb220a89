import { placementIsFargate, servicePlacement } from '../../../plan/ecs.js';
import { literal, show } from '../../show.js';
import type { Rule } from '../../types.js';
import { placementLabel, taskDefinitionOf } from './util.js';

export const ECS_SERVICE_TD_COMPAT: Rule = {
  id: 'ECS_SERVICE_TD_COMPAT',
  severity: 'error',
  title: 'A Fargate service runs a task definition that requires FARGATE compatibility',
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_task_definition'],
  check(service, ctx) {
    const placement = servicePlacement(service, ctx.graph);
    if (placementIsFargate(placement) !== true) return [];
    const td = taskDefinitionOf(service, ctx);
    if (!td) return [];
    const rc = td.current.list('requires_compatibilities');
    // Without requires_compatibilities ECS computes the compatibilities itself (a Fargate-ready
    // definition gets FARGATE too), so only an explicit list without FARGATE is certain to fail.
    if (rc.state !== 'known' || rc.value.length === 0 || rc.value.includes('FARGATE')) return [];
    return [
      {
        path: 'task_definition',
        message:
          `the service runs on Fargate (${placementLabel(placement, service, ctx)}), but task definition ${td.address} has requires_compatibilities ` +
          `${show(rc)}; ECS answers "Task definition does not support launch_type FARGATE". Add ${literal('FARGATE')} to requires_compatibilities, ` +
          'or run the service on EC2 capacity',
      },
    ];
  },
};
