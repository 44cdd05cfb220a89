import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { onFargate } from './util.js';

export const FARGATE_NETWORK_MODE: Rule = {
  id: 'FARGATE_NETWORK_MODE',
  severity: 'error',
  title: 'Fargate tasks use the awsvpc network mode',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    const mode = td.current.str('network_mode');
    if (mode.state === 'unknown' || (mode.state === 'known' && mode.value === 'awsvpc') || !onFargate(td, ctx)) return [];
    return [{ path: 'network_mode', message: `network_mode is ${show(mode)}; Fargate supports only "awsvpc"` }];
  },
};
