import { fargateTaskRules } from '../../../aws/facts-fargate.js';
import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { linuxPlatformTooOld, onFargate } from './util.js';

const { min, max, default: dflt } = fargateTaskRules.ephemeralStorageGiB;

export const FARGATE_EPHEMERAL_STORAGE: Rule = {
  id: 'FARGATE_EPHEMERAL_STORAGE',
  severity: 'error',
  title: `Fargate ephemeral storage is ${min}–${max} GiB`,
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    const size = td.current.num(['ephemeral_storage', 0, 'size_in_gib']);
    if (size.state !== 'known' || !onFargate(td, ctx)) return [];
    if (size.value < min || size.value > max) {
      return [
        {
          path: 'ephemeral_storage[0].size_in_gib',
          message: `ephemeral_storage size_in_gib ${show(size)} is out of range; Fargate takes ${min}–${max} GiB (without the block a task gets ${dflt} GiB)`,
        },
      ];
    }
    return linuxPlatformTooOld(td, ctx, 'ephemeral_storage');
  },
};
