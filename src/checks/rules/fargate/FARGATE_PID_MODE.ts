import { fargateTaskRules } from '../../../aws/facts-fargate.js';
import { literal, show } from '../../show.js';
import type { Rule } from '../../types.js';
import { linuxPlatformTooOld, onFargate, orList, osOf } from './util.js';

const allowed = fargateTaskRules.pidModes;

export const FARGATE_PID_MODE: Rule = {
  id: 'FARGATE_PID_MODE',
  severity: 'error',
  title: 'pid_mode on Fargate',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    const pid = td.current.str('pid_mode');
    if (pid.state !== 'known' || pid.value === '' || !onFargate(td, ctx)) return [];
    if (!allowed.includes(pid.value)) {
      return [
        {
          path: 'pid_mode',
          message: `pid_mode ${show(pid)} is not supported on Fargate; use ${orList(allowed.map(literal))} or leave it unset`,
        },
      ];
    }
    if (osOf(td) === 'WINDOWS')
      return [{ path: 'pid_mode', message: 'pid_mode is not supported for Windows tasks on Fargate; leave it unset' }];
    return linuxPlatformTooOld(td, ctx, `pid_mode ${show(pid)}`);
  },
};
