import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { isNew, live } from '../resolve.js';
import { KEY_ATTRS, keyConflicts, knownKey, scalingKey, type ScalingKey } from './util.js';

export const AAS_POLICY_TARGET_MATCH: Rule = {
  id: 'AAS_POLICY_TARGET_MATCH',
  severity: 'error',
  title: 'Scaling policy must match a registered scalable target',
  types: ['aws_appautoscaling_policy'],
  reads: ['aws_appautoscaling_target'],
  check(p, ctx) {
    // An unchanged policy already found its target when it was created.
    if (!p.changed) return [];
    const key = scalingKey(p);
    const targets = ctx.graph.out(p, 'scaling-target');
    if (targets.length > 0) {
      for (const t of targets) {
        const diff = keyConflicts(key, scalingKey(t));
        if (diff.length > 0) {
          return [
            {
              path: KEY_ATTRS[diff[0]!],
              message: `the policy refers to ${t.address} but its ${diff.map((d) => KEY_ATTRS[d]).join(', ')} differ${diff.length === 1 ? 's' : ''} from the target's (${describe(key)} vs ${describe(scalingKey(t))}); PutScalingPolicy fails with ObjectNotFoundException`,
            },
          ];
        }
      }
      const racing = targets.filter((t) => isNew(t) && !ctx.graph.out(p, 'depends-on').includes(t));
      return racing.map((t) => ({
        path: 'resource_id',
        severity: 'warning' as const,
        message: `the policy does not refer to ${t.address}, which this plan creates, so Terraform may create the policy first and fail with "No scalable target registered"; use resource_id = ${t.configAddress.split('.').slice(-2).join('.')}.resource_id (and the same for the namespace and dimension)`,
      }));
    }
    const k = knownKey(key);
    if (!k) return [];
    const all = live(ctx, 'aws_appautoscaling_target');
    // A target whose parts are partly unknown may still be the one.
    if (all.some((t) => !knownKey(scalingKey(t)) && keyConflicts(key, scalingKey(t)).length === 0)) return [];
    const sameId = all.find((t) => knownKey(scalingKey(t))?.id === k.id);
    if (sameId) {
      return [
        {
          path: 'scalable_dimension',
          message: `no scalable target registers ${describe(key)}; ${sameId.address} registers that resource as ${describe(scalingKey(sameId))}. PutScalingPolicy fails with ObjectNotFoundException`,
        },
      ];
    }
    return [
      {
        path: 'resource_id',
        severity: 'warning',
        message: `no aws_appautoscaling_target in this plan registers ${describe(key)}; unless it is registered outside this configuration, PutScalingPolicy fails with ObjectNotFoundException ("No scalable target registered")`,
      },
    ];
  },
};

function describe(k: ScalingKey): string {
  return `${show(k.ns)} ${show(k.id)} ${show(k.dim)}`;
}
