import { providerKind } from '../../../plan/ecs.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { labels, strategyEntries, strategyPath, type StrategyEntry } from './util.js';

export const ECS_CP_MIXED: Rule = {
  id: 'ECS_CP_MIXED',
  severity: 'error',
  title: 'A capacity provider strategy uses one kind of provider and at most one base',
  types: ['aws_ecs_service', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_cluster'],
  reads: ['aws_ecs_capacity_provider'],
  check(r, ctx) {
    const attr = r.type === 'aws_ecs_service' ? 'capacity_provider_strategy' : 'default_capacity_provider_strategy';
    const entries = strategyEntries(r, attr);
    if (!entries || entries.length < 2) return [];
    const out: RuleResult[] = [];
    // A provider the plan does not describe is read as an Auto Scaling group provider, as before.
    const kindOf = (e: StrategyEntry) => providerKind(r, e.capacityProvider, ctx.graph);
    const fargate = entries.filter((e) => kindOf(e) === 'fargate');
    const asg = entries.filter((e) => kindOf(e) === 'asg');
    const managed = entries.filter((e) => kindOf(e) === 'managed-instances');
    const groups = [
      { entries: fargate, label: 'Fargate providers' },
      { entries: asg, label: 'Auto Scaling group providers' },
      { entries: managed, label: 'Managed Instances providers' },
    ].filter((g) => g.entries.length > 0);
    if (groups.length > 1) {
      const [first, second] = groups as [(typeof groups)[0], (typeof groups)[0]];
      const kinds =
        managed.length > 0
          ? 'one kind of provider (FARGATE/FARGATE_SPOT, Auto Scaling group or Managed Instances providers)'
          : 'only FARGATE/FARGATE_SPOT or only Auto Scaling group providers';
      out.push({
        path: strategyPath(attr, second.entries[0]!),
        message:
          `${attr} mixes ${first.label} (${labels(first.entries)}) with ${groups
            .slice(1)
            .map((g) => `${g.label} (${labels(g.entries)})`)
            .join(' and ')}; ` + `a strategy may contain ${kinds}. Split the workload into separate services`,
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
