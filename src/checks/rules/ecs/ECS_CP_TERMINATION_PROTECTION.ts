import { kindOfProvider } from '../../../plan/ecs.js';
import { show } from '../../show.js';
import type { Rule } from '../../types.js';

export const ECS_CP_TERMINATION_PROTECTION: Rule = {
  id: 'ECS_CP_TERMINATION_PROTECTION',
  severity: 'warning',
  title: "Managed termination protection has the Auto Scaling group's scale-in protection",
  types: ['aws_ecs_capacity_provider'],
  reads: ['aws_autoscaling_group'],
  check(cp, ctx) {
    // A Managed Instances provider has no Auto Scaling group: ECS manages its instances' lifecycle itself.
    if (kindOfProvider(cp) !== 'asg') return [];
    const mtp = cp.current.str(['auto_scaling_group_provider', 0, 'managed_termination_protection']);
    if (mtp.state !== 'known' || mtp.value !== 'ENABLED') return [];
    const asg = ctx.graph.one(cp, 'autoscaling-group');
    if (!asg) return [];
    const protect = asg.current.bool('protect_from_scale_in');
    if (protect.state === 'unknown' || (protect.state === 'known' && protect.value)) return [];
    const shown = protect.state === 'known' ? `protect_from_scale_in = ${show(protect)}` : 'protect_from_scale_in not set (false)';
    return [
      {
        path: 'auto_scaling_group_provider[0].managed_termination_protection',
        message:
          `managed_termination_protection is ${show(mtp)}, but Auto Scaling group ${asg.address} has ${shown}; ECS keeps instances that run tasks ` +
          "from being terminated only through the instances' scale-in protection (older ECS API versions reject this capacity provider). " +
          'Set protect_from_scale_in = true on the group, or managed_termination_protection = "DISABLED"',
      },
    ];
  },
};
