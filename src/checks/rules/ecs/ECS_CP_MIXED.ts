import { isFargateProvider } from '../../../plan/ecs.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { labels, strategyEntries, strategyPath } from './util.js';

export const ECS_CP_MIXED: Rule = {
  id: 'ECS_CP_MIXED',
  severity: 'error',
  title: 'A capacity provider strategy uses one kind of provider and at most one base',
  types: ['aws_ecs_service', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_cluster'],
  reads: [],
  check(r) {
    const attr = r.type === 'aws_ecs_service' ? 'capacity_provider_strategy' : 'default_capacity_provider_strategy';
    const entries = strategyEntries(r, attr);
    if (!entries || entries.length < 2) return [];
    const out: RuleResult[] = [];
    const fargate = entries.filter((e) => isFargateProvider(e.capacityProvider));
    const asg = entries.filter((e) => !isFargateProvider(e.capacityProvider));
    if (fargate.length > 0 && asg.length > 0) {
      out.push({
        path: strategyPath(attr, asg[0]!),
        message:
          `${attr} mixes Fargate providers (${labels(fargate)}) with Auto Scaling group providers (${labels(asg)}); ` +
          'a strategy may contain only FARGATE/FARGATE_SPOT or only Auto Scaling group providers. Split the workload into separate services',
      });
    }
    const based = entries.filter((e) => e.base > 0);
    if (based.length > 1) {
      out.push({
        path: strategyPath(attr, based[1]!, 'base'),
        message:
          `${based.length} entries of ${attr} set base > 0 (${based.map((e) => `${e.label} base ${show(r.current.num([attr, e.index, 'base']))}`).join(', ')}); ` +
          'only one capacity provider in a strategy can have a base. Keep base on one entry and set the others to 0',
      });
    }
    return out;
  },
};
