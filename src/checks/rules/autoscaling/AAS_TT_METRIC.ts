import { appAutoscaling, ecsPredefinedMetric } from '../../../aws/facts-autoscaling.js';
import { literal, show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';

const CFG = 'target_tracking_scaling_policy_configuration[0]';
const SPEC = `${CFG}.predefined_metric_specification[0]`;

export const AAS_TT_METRIC: Rule = {
  id: 'AAS_TT_METRIC',
  severity: 'error',
  title: 'Target tracking policy: metric and target value',
  types: ['aws_appautoscaling_policy'],
  reads: [],
  check(p) {
    const type = p.current.str('policy_type');
    if (type.state !== 'known' || type.value !== 'TargetTrackingScaling') return [];
    const out: RuleResult[] = [];
    const ns = p.current.str('service_namespace');
    const metricType = p.current.str(`${SPEC}.predefined_metric_type`);
    const label = p.current.str(`${SPEC}.resource_label`);
    const metric = metricType.state === 'known' ? ecsPredefinedMetric(metricType.value) : undefined;
    if (ns.state === 'known' && ns.value === appAutoscaling.ecs.serviceNamespace && metricType.state === 'known') {
      if (!metric) {
        out.push({
          path: `${SPEC}.predefined_metric_type`,
          message: `predefined_metric_type ${show(metricType)} is not an ECS service metric; use ${appAutoscaling.ecs.predefinedMetrics.map((m) => literal(m.name)).join(', ')}`,
        });
      } else if (metric.needsResourceLabel && (label.state === 'absent' || (label.state === 'known' && label.value === ''))) {
        out.push({
          path: `${SPEC}.resource_label`,
          message: `${metric.name} needs resource_label "app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>" naming the target group the service is registered with`,
        });
      } else if (!metric.needsResourceLabel && label.state === 'known' && label.value !== '') {
        out.push({
          path: `${SPEC}.resource_label`,
          message: `resource_label is allowed only with ALBRequestCountPerTarget, not with ${metric.name}; remove it`,
        });
      }
    }
    const target = p.current.num(`${CFG}.target_value`);
    if (target.state === 'known' && target.value <= 0) {
      out.push({
        severity: 'warning',
        path: `${CFG}.target_value`,
        message: `target_value ${show(target)} is not above 0: the policy can never be met and keeps scaling out to max_capacity`,
      });
    } else if (target.state === 'known' && metric?.unit === 'percent' && target.value > 100) {
      out.push({
        severity: 'warning',
        path: `${CFG}.target_value`,
        message: `target_value ${show(target)} is above 100 for ${metric.name}, a percentage: the service scales out only once its tasks run past their reservation. Use a percentage such as 50–80`,
      });
    }
    return out;
  },
};
