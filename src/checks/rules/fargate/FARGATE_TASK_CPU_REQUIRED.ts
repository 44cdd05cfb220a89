import type { Rule } from '../../types.js';
import { onFargate } from './util.js';

export const FARGATE_TASK_CPU_REQUIRED: Rule = {
  id: 'FARGATE_TASK_CPU_REQUIRED',
  severity: 'error',
  title: 'Fargate needs task-level cpu and memory',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    if (!onFargate(td, ctx)) return [];
    return (['cpu', 'memory'] as const)
      .filter((attr) => {
        const l = td.current.get(attr);
        return l.state === 'absent' || (l.state === 'known' && l.value === '');
      })
      .map((attr) => ({
        path: attr,
        message: `${attr} is not set; Fargate requires task-level ${attr} (for example cpu = "256" with memory = "512")`,
      }));
  },
};
