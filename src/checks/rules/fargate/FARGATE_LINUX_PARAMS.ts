import { fargateTaskRules } from '../../../aws/facts-fargate.js';
import { literal } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import {
  containerLabel,
  containerPath,
  containersOf,
  containerValue,
  isSet,
  linuxPlatformTooOld,
  onFargate,
  orList,
  showIn,
} from './util.js';

const { allowedCapabilities, unsupported } = fargateTaskRules.linuxParameters;
/** The unsupported linuxParameters, each with its path split once (read for every container). */
const UNSUPPORTED = unsupported.map((param) => ({ param, steps: `linuxParameters.${param}`.split('.') }));
/** ECS names capabilities without the kernel's `CAP_` prefix. */
const bare = (cap: string) => cap.toUpperCase().replace(/^CAP_/, '');

export const FARGATE_LINUX_PARAMS: Rule = {
  id: 'FARGATE_LINUX_PARAMS',
  severity: 'error',
  title: 'linuxParameters Fargate does not accept',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    if (!onFargate(td, ctx)) return [];
    const tc = containersOf(td);
    if (!tc) return [];
    const out: RuleResult[] = [];
    let addsAllowedCapability = false;
    tc.list.forEach((c, i) => {
      (c.linuxParameters?.capabilities?.add ?? []).forEach((cap, j) => {
        if (allowedCapabilities.includes(bare(cap))) {
          addsAllowedCapability = true;
          return;
        }
        out.push({
          path: containerPath(i, 'linuxParameters', 'capabilities', 'add', j),
          message: `${containerLabel(tc, i)} adds the capability ${showIn(tc, cap)}; on Fargate linuxParameters.capabilities.add may hold only ${orList(allowedCapabilities.map(literal))}`,
        });
      });
      for (const { param, steps } of UNSUPPORTED) {
        const v = containerValue(c, steps);
        if (isSet(v)) {
          out.push({
            path: containerPath(i, 'linuxParameters', param),
            message: `${containerLabel(tc, i)} sets linuxParameters.${param}, which Fargate does not support; remove it`,
          });
        }
      }
    });
    if (addsAllowedCapability) out.push(...linuxPlatformTooOld(td, ctx, `linuxParameters.capabilities.add ${orList(allowedCapabilities)}`));
    return out;
  },
};
