import { show } from '../../show.js';
import type { Rule } from '../../types.js';

export const AAS_DESIRED_IN_RANGE: Rule = {
  id: 'AAS_DESIRED_IN_RANGE',
  severity: 'warning',
  title: "Service desired_count should be inside its scalable target's range",
  types: ['aws_appautoscaling_target'],
  reads: ['aws_ecs_service'],
  check(t, ctx) {
    const service = ctx.graph.one(t, 'service');
    if (!service) return [];
    const min = t.current.num('min_capacity');
    const max = t.current.num('max_capacity');
    const desired = service.current.num('desired_count');
    if (min.state !== 'known' || max.state !== 'known' || desired.state !== 'known' || min.value > max.value) return [];
    if (desired.value >= min.value && desired.value <= max.value) return [];
    return [
      {
        resource: service,
        path: 'desired_count',
        message: `desired_count ${show(desired)} is outside the range ${show(min)}–${show(max)} of ${t.address}; auto scaling moves the service ${desired.value < min.value ? 'up' : 'down'} into the range, so the count in the configuration is not what runs. Set desired_count within min_capacity and max_capacity`,
      },
    ];
  },
};
