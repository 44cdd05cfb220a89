import { show } from '../../show.js';
import type { Rule } from '../../types.js';

export const AAS_MIN_MAX: Rule = {
  id: 'AAS_MIN_MAX',
  severity: 'error',
  title: 'Scalable target min_capacity must not exceed max_capacity',
  types: ['aws_appautoscaling_target'],
  reads: [],
  check(r) {
    const min = r.current.num('min_capacity');
    const max = r.current.num('max_capacity');
    if (min.state !== 'known' || max.state !== 'known' || min.value <= max.value) return [];
    return [
      {
        path: 'min_capacity',
        message: `min_capacity ${show(min)} is greater than max_capacity ${show(max)}; RegisterScalableTarget rejects it. Set min_capacity ≤ max_capacity`,
      },
    ];
  },
};
