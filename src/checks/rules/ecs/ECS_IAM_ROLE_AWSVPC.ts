import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { networkModeOf, showNetworkMode, taskDefinitionOf } from './util.js';

export const ECS_IAM_ROLE_AWSVPC: Rule = {
  id: 'ECS_IAM_ROLE_AWSVPC',
  severity: 'warning',
  title: 'No service iam_role for awsvpc tasks',
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_task_definition'],
  check(service, ctx) {
    const role = service.current.str('iam_role');
    // A role created in the same plan has an ARN known only after apply; the configuration still sets it.
    const set =
      role.state === 'known' ? role.value !== '' && role.origin === 'config' : role.state === 'unknown' && role.reason === 'expression';
    if (!set) return [];
    const td = taskDefinitionOf(service, ctx);
    const mode = td && networkModeOf(td);
    if (!td || !mode || mode.value !== 'awsvpc') return [];
    return [
      {
        path: 'iam_role',
        message:
          `iam_role ${show(role)} is set, but task definition ${td.address} uses ${showNetworkMode(mode)}; awsvpc services register targets ` +
          'through the ECS service-linked role, and the service role must not be given for them. Remove iam_role',
      },
    ];
  },
};
