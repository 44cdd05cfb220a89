import { placementIsFargate, servicePlacement } from '../../../plan/ecs.js';
import type { Resource } from '../../../plan/model.js';
import { platformOf } from '../../../plan/taskdef.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { hasItems, taskDefinitionOf } from './util.js';

/** True when a pinned Linux platform version is older than 1.4.0; undefined for LATEST or unparsable. */
function before140(v: string): boolean | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v.trim());
  if (!m) return undefined;
  const [maj, min] = [Number(m[1]), Number(m[2])];
  return maj < 1 || (maj === 1 && min < 4);
}

/**
 * Task definition features that need Fargate Linux platform version 1.4.0 or later and that no
 * other rule reports. Ephemeral storage, pid_mode, the 8 and 16 vCPU sizes and SYS_PTRACE each
 * have their own Fargate rule (FARGATE_EPHEMERAL_STORAGE, FARGATE_PID_MODE, FARGATE_CPU_MEMORY,
 * FARGATE_LINUX_PARAMS), which reports the pinned version on the service; this rule adds EFS.
 */
function features140(td: Resource): string[] {
  const volumes = td.current.list('volume');
  return volumes.state === 'known' && volumes.value.some((_, i) => hasItems(td, `volume[${i}].efs_volume_configuration`))
    ? ['EFS volumes']
    : [];
}

export const ECS_PLATFORM_VERSION_EC2: Rule = {
  id: 'ECS_PLATFORM_VERSION_EC2',
  severity: 'error',
  title: 'platform_version is only set for Fargate, and is new enough for the task',
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_task_definition'],
  check(service, ctx) {
    const pv = service.current.str('platform_version');
    if (pv.state !== 'known' || pv.value === '' || pv.origin !== 'config') return [];
    const out: RuleResult[] = [];
    const lt = service.current.str('launch_type');
    if (lt.state === 'known' && lt.value === 'EC2') {
      out.push({
        path: 'platform_version',
        message: `platform_version ${show(pv)} is set with launch_type "EC2"; ECS answers "The platform version must be null when specifying an EC2 launch type". Remove platform_version`,
      });
      return out;
    }
    if (pv.sensitive || before140(pv.value) !== true || placementIsFargate(servicePlacement(service, ctx.graph)) !== true) return out;
    const td = taskDefinitionOf(service, ctx);
    const os = td && platformOf(td.current).os;
    if (!td || os?.state !== 'known' || os.value !== 'LINUX') return out;
    const needs = features140(td);
    if (needs.length > 0) {
      out.push({
        path: 'platform_version',
        message:
          `platform_version ${show(pv)} is pinned, but task definition ${td.address} uses ${needs.join(', ')}, which need Fargate platform version 1.4.0 or later; ` +
          'set platform_version = "1.4.0" or "LATEST"',
      });
    }
    return out;
  },
};
