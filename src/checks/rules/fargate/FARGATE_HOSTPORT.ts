import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { containerLabel, containerPath, containersOf, showIn } from './util.js';

/** Network modes in which a container port is the task's own port, so no other host port can map to it. */
const SAME_PORT_MODES = ['awsvpc', 'host'];

export const FARGATE_HOSTPORT: Rule = {
  id: 'FARGATE_HOSTPORT',
  severity: 'error',
  title: 'With awsvpc or host networking, hostPort must equal containerPort',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td) {
    const mode = td.current.str('network_mode');
    if (mode.state !== 'known' || !SAME_PORT_MODES.includes(mode.value)) return [];
    const tc = containersOf(td);
    if (!tc) return [];
    const out: RuleResult[] = [];
    tc.list.forEach((c, i) => {
      (c.portMappings ?? []).forEach((pm, j) => {
        const host = pm.hostPort;
        // hostPort 0 or absent means "the same as containerPort" in these modes.
        if (host === undefined || host === null || host === 0 || pm.containerPort === undefined || pm.containerPort === null) return;
        if (host === pm.containerPort) return;
        out.push({
          path: containerPath(i, 'portMappings', j, 'hostPort'),
          message: `${containerLabel(tc, i)} maps hostPort ${showIn(tc, host)} to containerPort ${showIn(tc, pm.containerPort)}; with network_mode ${show(mode)} hostPort must be left out or equal containerPort`,
        });
      });
    });
    return out;
  },
};
