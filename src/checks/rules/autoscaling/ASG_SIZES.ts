import type { AnalysisContext } from '../../../engine/context.js';
import type { Resource } from '../../../plan/model.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { knownStr, live } from '../resolve.js';

export const ASG_SIZES: Rule = {
  id: 'ASG_SIZES',
  severity: 'error',
  title: 'Auto Scaling group sizes: min ≤ desired ≤ max',
  types: ['aws_autoscaling_group'],
  reads: ['aws_autoscaling_policy'],
  check(r, ctx) {
    const min = r.current.num('min_size');
    const max = r.current.num('max_size');
    const desired = r.current.num('desired_capacity');
    if (min.state !== 'known' || max.state !== 'known') return [];
    if (min.value > max.value) {
      return [
        {
          path: 'min_size',
          message: `min_size ${show(min)} is greater than max_size ${show(max)}; the Auto Scaling API rejects the group. Set min_size ≤ max_size`,
        },
      ];
    }
    const out: RuleResult[] = [];
    if (desired.state === 'known' && desiredIsSent(r, ctx) && (desired.value < min.value || desired.value > max.value)) {
      out.push({
        path: 'desired_capacity',
        message: `desired_capacity ${show(desired)} is outside min_size ${show(min)} – max_size ${show(max)}; the API rejects it ("Desired capacity:${show(desired)} must be between the specified min size and max size")`,
      });
    }
    if (min.value === max.value) {
      for (const p of targetTrackingPolicies(r, ctx)) {
        out.push({
          severity: 'warning',
          path: 'max_size',
          message: `target tracking policy ${p.address} scales this group, but min_size and max_size are both ${show(min)}, so it can never add or remove an instance; raise max_size above min_size`,
        });
      }
    }
    return out;
  },
};

/**
 * Whether the plan sends desired_capacity to AWS: it is set in the configuration and not in
 * ignore_changes. Otherwise the plan shows the prior value, and AWS moves the group into the
 * new min–max range by itself.
 */
function desiredIsSent(r: Resource, ctx: AnalysisContext): boolean {
  const ignored = ctx.ignoreChanges(r);
  if (ignored === 'all' || ignored?.includes('desired_capacity')) return false;
  const d = r.current.num('desired_capacity');
  // Without a configuration for the group, it cannot be told: judge the value the plan shows.
  return d.state === 'known' && (d.origin === 'config' || d.origin === 'unclear');
}

function targetTrackingPolicies(asg: Resource, ctx: AnalysisContext): Resource[] {
  const policies = ctx.graph.in(asg, 'autoscaling-group', 'aws_autoscaling_policy');
  return live(ctx, 'aws_autoscaling_policy').filter((p) => policies.includes(p) && knownStr(p, 'policy_type') === 'TargetTrackingScaling');
}
