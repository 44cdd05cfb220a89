import type { Rule } from '../../types.js';
import { hasItems, networkModeOf, showNetworkMode, taskDefinitionOf } from './util.js';

export const ECS_AWSVPC_NETCONF: Rule = {
  id: 'ECS_AWSVPC_NETCONF',
  severity: 'error',
  title: 'network_configuration is set exactly when the task uses awsvpc',
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_task_definition'],
  check(service, ctx) {
    const td = taskDefinitionOf(service, ctx);
    const mode = td && networkModeOf(td);
    const netconf = hasItems(service, 'network_configuration');
    if (!td || !mode || netconf === undefined) return [];
    const awsvpc = mode.value === 'awsvpc';
    if (awsvpc && !netconf) {
      return [
        {
          path: 'network_configuration',
          message: `task definition ${td.address} uses ${showNetworkMode(mode)}, which needs a network_configuration block (subnets, security_groups) on the service; ECS rejects the service without it`,
        },
      ];
    }
    if (!awsvpc && netconf) {
      return [
        {
          path: 'network_configuration',
          message: `network_configuration is set, but task definition ${td.address} uses ${showNetworkMode(mode)}; ECS accepts network_configuration only for "awsvpc". Remove the block, or set network_mode = "awsvpc"`,
        },
      ];
    }
    return [];
  },
};
