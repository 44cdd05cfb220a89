import { fargateTaskRules } from '../../../aws/facts-fargate.js';
import { placementIsFargate, servicePlacement } from '../../../plan/ecs.js';
import { taskCpu } from '../../../plan/taskdef.js';
import { literal, show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';

const BASELINE = fargateTaskRules.ebsBaseline;

/**
 * The EBS volume ECS attaches to each Fargate task gets the baseline IOPS and throughput of the
 * task's size (AWS's table, src/aws/data/fargate-task-rules.json `ebsBaseline`): provisioned IOPS or
 * throughput above it is paid for and not delivered as a baseline; on tasks of 1 vCPU or less AWS
 * recommends gp2, gp3, st1 or sc1.
 */
export const FARGATE_EBS_PERFORMANCE: Rule = {
  id: 'FARGATE_EBS_PERFORMANCE',
  severity: 'warning',
  title: "A Fargate task's EBS volume stays within the task size's baseline performance",
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_task_definition'],
  check(svc, ctx) {
    const vc = svc.current.list('volume_configuration');
    if (vc.state !== 'known' || vc.value.length === 0) return [];
    if (placementIsFargate(servicePlacement(svc, ctx.graph)) !== true) return [];
    const td = ctx.graph.one(svc, 'task-definition');
    if (!td) return [];
    const cpu = taskCpu(td.current);
    if (cpu.state !== 'known' || cpu.sensitive || !(cpu.value > 0)) return [];
    const vcpu = cpu.value / 1024;
    const ebs = svc.current.at(['volume_configuration', 0, 'managed_ebs_volume', 0]);
    const base = 'volume_configuration[0].managed_ebs_volume[0]';
    const size = `${td.address} asks for ${literal(vcpu)} vCPU`;
    if (vcpu <= BASELINE.smallTaskMaxVcpu) {
      const type = ebs.str('volume_type');
      if (type.state !== 'known' || BASELINE.smallTaskVolumeTypes.includes(type.value)) return [];
      return [
        {
          path: `${base}.volume_type`,
          message: `volume_type ${show(type)} on a Fargate task of ${literal(vcpu)} vCPU (${size}): for tasks of ${BASELINE.smallTaskMaxVcpu} vCPU or less AWS recommends ${BASELINE.smallTaskVolumeTypes.join(', ')}, as the task's EBS performance is low; use one of those, or a larger task`,
        },
      ];
    }
    const row = [...BASELINE.byVcpu].reverse().find((r) => r.vcpu <= vcpu);
    if (!row) return [];
    const out: RuleResult[] = [];
    const iops = ebs.num('iops');
    if (iops.state === 'known' && iops.origin !== 'aws-default' && iops.value > row.iops) {
      out.push({
        path: `${base}.iops`,
        message: `iops ${show(iops)} is above the ${row.iops} IOPS baseline of a ${literal(row.vcpu)} vCPU Fargate task (${size}), which the volume shares with the task's ephemeral storage: the extra IOPS are paid for but not delivered as a baseline; lower iops, or give the task more vCPU`,
      });
    }
    const tp = ebs.num('throughput');
    if (tp.state === 'known' && tp.origin !== 'aws-default' && tp.value > row.throughputMiBps) {
      out.push({
        path: `${base}.throughput`,
        message: `throughput ${show(tp)} MiB/s is above the ${row.throughputMiBps} MiB/s baseline of a ${literal(row.vcpu)} vCPU Fargate task (${size}), which the volume shares with the task's ephemeral storage: the extra throughput is paid for but not delivered as a baseline; lower throughput, or give the task more vCPU`,
      });
    }
    return out;
  },
};
