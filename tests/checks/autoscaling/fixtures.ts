import { ref, type ResSpec } from '../../helpers/plan.js';

/** Real-shaped ECS service auto scaling resources for the rule tests. */
export const ecsCluster: ResSpec = { address: 'aws_ecs_cluster.main', after: { name: 'main' }, unknown: { arn: true, id: true } };

export function service(over: Record<string, unknown> = {}, extra: Partial<ResSpec> = {}): ResSpec {
  return {
    address: 'aws_ecs_service.api',
    after: { name: 'api', desired_count: 2, launch_type: 'FARGATE', scheduling_strategy: 'REPLICA', ...over },
    unknown: { id: true, cluster: true, task_definition: true },
    expressions: {
      name: { constant_value: 'api' },
      cluster: ref('aws_ecs_cluster.main.id', 'aws_ecs_cluster.main'),
      desired_count: { constant_value: 2 },
    },
    ...extra,
  };
}

export function target(over: Record<string, unknown> = {}, extra: Partial<ResSpec> = {}): ResSpec {
  return {
    address: 'aws_appautoscaling_target.api',
    after: {
      service_namespace: 'ecs',
      resource_id: 'service/main/api',
      scalable_dimension: 'ecs:service:DesiredCount',
      min_capacity: 1,
      max_capacity: 4,
      ...over,
    },
    unknown: { id: true, arn: true, role_arn: true },
    expressions: {
      service_namespace: { constant_value: 'ecs' },
      resource_id: ref('aws_ecs_cluster.main.name', 'aws_ecs_cluster.main', 'aws_ecs_service.api.name', 'aws_ecs_service.api'),
      scalable_dimension: { constant_value: 'ecs:service:DesiredCount' },
    },
    ...extra,
  };
}

export function policy(tt: Record<string, unknown> = {}, over: Record<string, unknown> = {}, extra: Partial<ResSpec> = {}): ResSpec {
  return {
    address: 'aws_appautoscaling_policy.cpu',
    after: {
      name: 'cpu',
      policy_type: 'TargetTrackingScaling',
      service_namespace: 'ecs',
      resource_id: 'service/main/api',
      scalable_dimension: 'ecs:service:DesiredCount',
      step_scaling_policy_configuration: [],
      target_tracking_scaling_policy_configuration: [
        {
          target_value: 60,
          disable_scale_in: false,
          scale_in_cooldown: 300,
          scale_out_cooldown: 60,
          customized_metric_specification: [],
          predefined_metric_specification: [{ predefined_metric_type: 'ECSServiceAverageCPUUtilization', resource_label: '' }],
          ...tt,
        },
      ],
      ...over,
    },
    unknown: { id: true, arn: true, alarm_arns: true },
    expressions: {
      policy_type: { constant_value: 'TargetTrackingScaling' },
      service_namespace: ref('aws_appautoscaling_target.api.service_namespace', 'aws_appautoscaling_target.api'),
      resource_id: ref('aws_appautoscaling_target.api.resource_id', 'aws_appautoscaling_target.api'),
      scalable_dimension: ref('aws_appautoscaling_target.api.scalable_dimension', 'aws_appautoscaling_target.api'),
    },
    ...extra,
  };
}
