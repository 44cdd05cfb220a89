import { fargateTaskRules } from '../../../aws/facts-fargate.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { containerLabel, containerPath, containersOf, containerValue, isSet, onFargate, showIn } from './util.js';

const facts = fargateTaskRules;
/** The container parameters Fargate does not accept, each split into its path once (read for every container). */
const CONTAINER_PARAMS = facts.unsupportedContainerParameters.map((name) => ({ name, steps: name.split('.') }));

export const FARGATE_INVALID_PARAMS: Rule = {
  id: 'FARGATE_INVALID_PARAMS',
  severity: 'error',
  title: 'Parameters Fargate does not accept',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    if (!onFargate(td, ctx)) return [];
    const out: RuleResult[] = [];
    for (const attr of facts.unsupportedTaskAttributes) {
      const l = td.current.str(attr);
      if (l.state === 'known' && l.value !== '')
        out.push({ path: attr, message: `${attr} ${show(l)} is not supported on Fargate; remove it` });
    }
    for (const block of facts.unsupportedTaskBlocks) {
      const l = td.current.list(block);
      if (l.state === 'known' && l.value.length > 0)
        out.push({ path: block, message: `${block} is not supported on Fargate; remove the block` });
    }
    const tc = containersOf(td);
    if (!tc) return out;
    tc.list.forEach((c, i) => {
      for (const param of CONTAINER_PARAMS) {
        const v = containerValue(c, param.steps);
        if (isSet(v))
          out.push({
            path: containerPath(i, ...param.steps),
            message: `${containerLabel(tc, i)} sets ${param.name} = ${showIn(tc, v)}, which Fargate does not support; remove it`,
          });
      }
      (c.resourceRequirements ?? []).forEach((rr, j) => {
        if (rr.type && facts.unsupportedResourceRequirements.includes(rr.type)) {
          out.push({
            path: containerPath(i, 'resourceRequirements', j, 'type'),
            message: `${containerLabel(tc, i)} asks for a ${showIn(tc, rr.type)} resource, which Fargate does not offer; run GPU tasks on EC2 capacity`,
          });
        }
      });
    });
    return out;
  },
};
