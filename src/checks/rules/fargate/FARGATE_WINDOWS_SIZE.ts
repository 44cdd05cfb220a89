import { fargateTaskRules } from '../../../aws/facts-fargate.js';
import { fargateSizes } from '../../../aws/facts.js';
import { platformOf, taskCpu } from '../../../plan/taskdef.js';
import { literal, show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { onFargate, orList, showSize } from './util.js';

const ALL_CPUS = new Set(fargateSizes.ecs.rows.map((r) => r.cpu));
const WINDOWS_CPUS = [...new Set(fargateSizes.ecs.rows.filter((r) => r.os === 'windows').map((r) => r.cpu))].sort((a, b) => a - b);

export const FARGATE_WINDOWS_SIZE: Rule = {
  id: 'FARGATE_WINDOWS_SIZE',
  severity: 'error',
  title: 'Windows tasks on Fargate take 1, 2 or 4 vCPU on X86_64',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    const platform = platformOf(td.current);
    if (platform.os.state !== 'known' || platform.os.value !== 'WINDOWS' || !onFargate(td, ctx)) return [];
    const out: RuleResult[] = [];
    const cpu = taskCpu(td.current);
    // cpu values that are no Fargate size at all are FARGATE_CPU_MEMORY's finding.
    if (cpu.state === 'known' && ALL_CPUS.has(cpu.value) && !WINDOWS_CPUS.includes(cpu.value)) {
      out.push({
        path: 'cpu',
        message: `${showSize(td, 'cpu', cpu)} is not a Fargate size for Windows; Windows tasks take ${orList(WINDOWS_CPUS.map((c) => c / 1024))} vCPU (cpu ${orList(WINDOWS_CPUS)})`,
      });
    }
    const arch = platform.arch;
    const allowed = fargateTaskRules.windowsArchitectures;
    if (arch.state === 'known' && !allowed.includes(arch.value)) {
      out.push({
        path: 'runtime_platform[0].cpu_architecture',
        message: `cpu_architecture ${show(td.current.str(['runtime_platform', 0, 'cpu_architecture']))} is not available for Windows on Fargate; use ${orList(allowed.map(literal))}`,
      });
    }
    return out;
  },
};
