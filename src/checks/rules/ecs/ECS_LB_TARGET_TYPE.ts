import type { AnalysisContext } from '../../../engine/context.js';
import type { Resource } from '../../../plan/model.js';
import { formatPath, type Path } from '../../../plan/values.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { networkModeOf, showNetworkMode, taskDefinitionOf } from './util.js';

/** The target group a path of `load_balancer[i]` points at: the graph links each block by value or reference. */
function targetGroupAt(service: Resource, path: Path, ctx: AnalysisContext): Resource | undefined {
  const hits = ctx.graph.out(service, 'target-group', path);
  return hits.length === 1 ? hits[0] : undefined;
}

/** The target type a network mode needs; undefined for modes that take no load balancer. */
function neededTargetType(mode: string): 'ip' | 'instance' | undefined {
  if (mode === 'awsvpc') return 'ip';
  if (mode === 'bridge' || mode === 'host' || mode === 'default') return 'instance';
  return undefined;
}

export const ECS_LB_TARGET_TYPE: Rule = {
  id: 'ECS_LB_TARGET_TYPE',
  severity: 'error',
  title: "The target group's target_type matches the task's network mode",
  types: ['aws_ecs_service'],
  reads: ['aws_alb_target_group linked', 'aws_ecs_task_definition', 'aws_lb_target_group linked'],
  check(service, ctx) {
    const td = taskDefinitionOf(service, ctx);
    const mode = td && networkModeOf(td);
    const need = mode && neededTargetType(mode.value);
    const lbs = service.current.list('load_balancer');
    if (!td || !mode || !need || lbs.state !== 'known') return [];
    const out: RuleResult[] = [];
    for (let i = 0; i < lbs.value.length; i++) {
      // The primary target group, and the alternate (green) one of a blue/green, linear or canary deployment:
      // ECS registers the new revision's tasks in it the same way.
      const paths: [Path, string][] = [
        [['load_balancer', i, 'target_group_arn'], 'target group'],
        [['load_balancer', i, 'advanced_configuration', 0, 'alternate_target_group_arn'], 'alternate target group'],
      ];
      for (const [path, what] of paths) {
        const tg = targetGroupAt(service, path, ctx);
        if (!tg) continue;
        const tt = tg.current.str('target_type');
        if (tt.state === 'unknown') continue;
        const actual = tt.state === 'known' && tt.value !== '' ? tt.value : 'instance';
        if (actual === need) continue;
        const shown = tt.state === 'known' && tt.value !== '' ? show(tt) : '"instance" (the default)';
        out.push({
          path: formatPath(path),
          message:
            `${what} ${tg.address} has target_type ${shown}, but task definition ${td.address} uses ${showNetworkMode(mode)}, ` +
            `which registers tasks by ${need === 'ip' ? 'IP address' : 'instance ID and port'}; set target_type = "${need}" on the target group (this replaces it)`,
        });
      }
    }
    return out;
  },
};
