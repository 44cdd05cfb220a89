import { show } from '../../show.js';
import type { Resource } from '../../../plan/model.js';
import type { Rule } from '../../types.js';

const FIX = 'add desired_count to lifecycle { ignore_changes }';
/** The targets that scale the service, for a message (built only when there is one). */
const scalers = (targets: readonly Resource[]): string => targets.map((t) => t.address).join(', ');

export const AAS_DESIRED_RESET: Rule = {
  id: 'AAS_DESIRED_RESET',
  severity: 'warning',
  title: 'Auto-scaled service without ignore_changes on desired_count',
  types: ['aws_ecs_service'],
  reads: ['aws_appautoscaling_target'],
  check(s, ctx) {
    const targets = ctx.graph.in(s, 'service', 'aws_appautoscaling_target').filter((t) => t.action !== 'delete' && t.action !== 'forget');
    if (targets.length === 0) return [];
    const ignored = ctx.ignoreChanges(s);
    if (ignored === 'all' || ignored?.includes('desired_count')) return [];
    if (s.action === 'update') {
      const before = s.before.num('desired_count');
      const after = s.after.num('desired_count');
      if (before.state === 'known' && after.state === 'known' && before.value !== after.value) {
        return [
          {
            path: 'desired_count',
            message: `desired_count changes from ${show(before)} to ${show(after)} while ${scalers(targets)} scales this service: the apply resets the task count auto scaling chose (usually because auto scaling changed it since the last apply); ${FIX}`,
          },
        ];
      }
    }
    // With the .tf sources read, a missing ignore_changes is certain even when this plan shows no change yet.
    if (ignored !== undefined) {
      return [
        {
          path: 'desired_count',
          message: `${scalers(targets)} scales this service but its lifecycle.ignore_changes does not list desired_count: once auto scaling changes the task count, the next apply resets it; ${FIX}`,
        },
      ];
    }
    return [];
  },
};
