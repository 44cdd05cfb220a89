import { placementIsFargate, servicePlacement } from '../../../plan/ecs.js';
import type { Resource } from '../../../plan/model.js';
import { parseContainers, platformOf, taskCpu } from '../../../plan/taskdef.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { hasItems, taskDefinitionOf, written } from './util.js';

/** True when a pinned Linux platform version is older than 1.4.0; undefined for LATEST or unparsable. */
function before140(v: string): boolean | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v.trim());
  if (!m) return undefined;
  const [maj, min] = [Number(m[1]), Number(m[2])];
  return maj < 1 || (maj === 1 && min < 4);
}

/** Task definition features that need Fargate Linux platform version 1.4.0 or later. */
function features140(td: Resource): string[] {
  const out: string[] = [];
  if (hasItems(td, 'ephemeral_storage')) out.push('ephemeral_storage');
  const pid = td.current.str('pid_mode');
  if (pid.state === 'known' && pid.value !== '') out.push('pid_mode');
  const cpu = taskCpu(td.current);
  if (cpu.state === 'known' && cpu.value >= 8192) out.push(`${cpu.sensitive ? 'task cpu' : `${cpu.value / 1024} vCPU`} (8 and 16 vCPU sizes)`);
  const volumes = td.current.list('volume');
  if (volumes.state === 'known' && volumes.value.some((_, i) => hasItems(td, `volume[${i}].efs_volume_configuration`))) out.push('EFS volumes');
  const containers = parseContainers(td.current);
  if (containers.state === 'known' && containers.containers.some((c) => c.linuxParameters?.capabilities?.add?.includes('SYS_PTRACE'))) {
    out.push('the SYS_PTRACE capability');
  }
  return out;
}

export const ECS_PLATFORM_VERSION_EC2: Rule = {
  id: 'ECS_PLATFORM_VERSION_EC2',
  severity: 'error',
  title: 'platform_version is only set for Fargate, and is new enough for the task',
  types: ['aws_ecs_service'],
  check(service, ctx) {
    const pv = service.current.str('platform_version');
    if (pv.state !== 'known' || pv.value === '' || !written(service, ctx, ['platform_version'])) return [];
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
