import { fargateTaskRules } from '../../../aws/facts-fargate.js';
import { fargateSizes } from '../../../aws/facts.js';
import { taskCpu, taskMemory } from '../../../plan/taskdef.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { linuxPlatformTooOld, onFargate, orList, osOf, showSize } from './util.js';

const ROWS = fargateSizes.ecs.rows;
const CPUS = [...new Set(ROWS.map((r) => r.cpu))].sort((a, b) => a - b);
const vcpu = (units: number): string => `${units / 1024} vCPU`;

/** "2048–8192 MiB in 1024 steps", or "512, 1024 or 2048 MiB" when the steps are uneven. */
function describeMemory(list: readonly number[]): string {
  const step = list.length > 2 ? list[1]! - list[0]! : 0;
  const even = step > 0 && list.every((m, i) => i === 0 || m - list[i - 1]! === step);
  return even ? `${list[0]}–${list[list.length - 1]} MiB in ${step} steps` : `${orList(list)} MiB`;
}

/** Memory sizes for a cpu value on the task's OS (any OS when it is unknown). */
function memoryFor(cpu: number, os: 'LINUX' | 'WINDOWS' | undefined): readonly number[] | undefined {
  return ROWS.find((r) => r.cpu === cpu && (os === undefined || r.os === os.toLowerCase()))?.memoryMiB;
}

export const FARGATE_CPU_MEMORY: Rule = {
  id: 'FARGATE_CPU_MEMORY',
  severity: 'error',
  title: 'Task cpu and memory must be a Fargate size',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    if (!onFargate(td, ctx)) return [];
    const cpu = taskCpu(td.current);
    const mem = taskMemory(td.current);
    const unreadable: RuleResult[] = [];
    if (cpu.state === 'invalid') unreadable.push(cannotRead('cpu', show(cpu)));
    if (mem.state === 'invalid') unreadable.push(cannotRead('memory', show(mem)));
    if (unreadable.length > 0 || cpu.state !== 'known' || mem.state !== 'known') return unreadable;

    const os = osOf(td);
    // A Linux-only size on a Windows task is FARGATE_WINDOWS_SIZE's finding.
    if (os === 'WINDOWS' && CPUS.includes(cpu.value) && !ROWS.some((r) => r.os === 'windows' && r.cpu === cpu.value)) return [];
    const memList = memoryFor(cpu.value, os);
    if (!memList) {
      return [
        {
          path: 'cpu',
          message: `${showSize(td, 'cpu', cpu)} is not a Fargate size; Fargate task cpu is ${orList(CPUS)} (${vcpu(CPUS[0]!)} to ${vcpu(CPUS[CPUS.length - 1]!)})`,
        },
      ];
    }
    if (!memList.includes(mem.value)) {
      const sensitive = cpu.sensitive || mem.sensitive;
      const fits = CPUS.filter((c) => memoryFor(c, os)?.includes(mem.value));
      const hint = sensitive || fits.length === 0 ? '' : `; ${mem.value} MiB fits ${orList(fits.map((c) => c / 1024))} vCPU`;
      const takes = sensitive ? '' : `; ${vcpu(cpu.value)} takes ${describeMemory(memList)}`;
      return [
        {
          path: 'memory',
          message: `${showSize(td, 'cpu', cpu)} with ${showSize(td, 'memory', mem)} is not a Fargate size${takes}${hint}`,
        },
      ];
    }
    if (cpu.value >= fargateTaskRules.linuxPlatform.cpuFrom) return linuxPlatformTooOld(td, ctx, vcpu(cpu.value));
    return [];
  },
};

function cannotRead(attr: 'cpu' | 'memory', shown: string): RuleResult {
  const example = attr === 'cpu' ? '"1024" or "1 vCPU"' : '"2048" or "2 GB"';
  return {
    severity: 'info',
    path: attr,
    message: `${attr} ${shown} could not be read (expected a value such as ${example}); the Fargate size was not checked`,
  };
}
