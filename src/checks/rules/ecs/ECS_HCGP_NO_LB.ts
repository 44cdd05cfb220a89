import { parseContainers } from '../../../plan/taskdef.js';
import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { hasItems, taskDefinitionOf } from './util.js';

export const ECS_HCGP_NO_LB: Rule = {
  id: 'ECS_HCGP_NO_LB',
  severity: 'warning',
  title: 'health_check_grace_period_seconds has a health check to apply to',
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_task_definition'],
  check(service, ctx) {
    const grace = service.current.num('health_check_grace_period_seconds');
    // 0 is not sent (the provider facts): it reads as not set.
    if (grace.state !== 'known') return [];
    if (hasItems(service, 'load_balancer') !== false || hasItems(service, 'vpc_lattice_configurations') !== false) return [];
    // The grace period also covers container health checks, so a task with one uses it.
    const td = taskDefinitionOf(service, ctx);
    const containers = td && parseContainers(td.current);
    if (!containers || containers.state !== 'known') return [];
    if (containers.containers.some((c) => (c as Record<string, unknown>).healthCheck != null)) return [];
    return [
      {
        path: 'health_check_grace_period_seconds',
        message:
          `health_check_grace_period_seconds ${show(grace)} is set, but the service has no load_balancer or VPC Lattice target and ` +
          `task definition ${td.address} has no container healthCheck, so there is no health check for it to delay ` +
          '(older ECS API versions reject it). Remove it, or add the load balancer or container health check it is meant for',
      },
    ];
  },
};
