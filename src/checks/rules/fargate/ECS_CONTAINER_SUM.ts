import { taskCpu, taskMemory } from '../../../plan/taskdef.js';
import type { Rule, RuleResult } from '../../types.js';
import { containerLabel, containerPath, containersOf, onFargate, showIn, showSize } from './util.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const num = (v: number | null | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

export const ECS_CONTAINER_SUM: Rule = {
  id: 'ECS_CONTAINER_SUM',
  severity: 'error',
  title: 'Container cpu and memory must fit the task',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    const tc = containersOf(td);
    if (!tc || tc.list.length === 0) return [];
    const out: RuleResult[] = [];

    const cpu = taskCpu(td.current);
    if (cpu.state === 'known') {
      const total = sum(tc.list.map((c) => num(c.cpu) ?? 0));
      if (total > cpu.value) {
        out.push({
          path: 'container_definitions',
          message: `the containers' cpu adds up to ${showIn(tc, total)} units, more than the task's ${showSize(td, 'cpu', cpu)}; lower the container cpu values or raise the task cpu`,
        });
      }
    }

    const mem = taskMemory(td.current);
    if (mem.state === 'known') {
      tc.list.forEach((c, i) => {
        const m = num(c.memory);
        if (m !== undefined && m > mem.value) {
          out.push({
            path: containerPath(i, 'memory'),
            message: `${containerLabel(tc, i)} sets memory ${showIn(tc, m)} MiB, more than the task's ${showSize(td, 'memory', mem)}`,
          });
        }
      });
      // What ECS reserves for each container: memoryReservation, else memory.
      const reserved = tc.list.map((c) => num(c.memoryReservation) ?? num(c.memory)).filter((x): x is number => x !== undefined);
      if (reserved.length > 1 && sum(reserved) > mem.value) {
        out.push({
          path: 'container_definitions',
          message: `the containers reserve ${showIn(tc, sum(reserved))} MiB in total (memoryReservation, else memory), more than the task's ${showSize(td, 'memory', mem)}`,
        });
      }
    }

    tc.list.forEach((c, i) => {
      const m = num(c.memory);
      const r = num(c.memoryReservation);
      if (m !== undefined && r !== undefined && m < r) {
        out.push({
          path: containerPath(i, 'memoryReservation'),
          message: `${containerLabel(tc, i)} sets memoryReservation ${showIn(tc, r)} MiB above its memory limit ${showIn(tc, m)} MiB; memoryReservation (the soft limit) must not exceed memory (the hard limit)`,
        });
      }
    });

    if (tc.list.every((c) => c.essential === false)) {
      out.push({
        path: 'container_definitions',
        message: 'no container is essential (every one sets essential = false); a task definition needs at least one essential container',
      });
    }

    // Without task-level memory (EC2 and external tasks; Fargate is FARGATE_TASK_CPU_REQUIRED's), every container needs a memory value.
    if (mem.state === 'absent' && td.current.list('requires_compatibilities').state !== 'unknown' && !onFargate(td, ctx)) {
      tc.list.forEach((c, i) => {
        if (num(c.memory) === undefined && num(c.memoryReservation) === undefined) {
          out.push({
            path: containerPath(i, 'memory'),
            message: `${containerLabel(tc, i)} sets neither memory nor memoryReservation and the task has no memory; set one of them, or task-level memory`,
          });
        }
      });
    }
    return out;
  },
};
