import { z } from 'zod';
import type { Resource } from './model.js';
import type { Attributes } from './read.js';

/**
 * Typed views of the resource types we analyse. The zod schema is the type: each view's
 * TypeScript type is inferred from its schema. Fields are optional and tolerant (a value of the
 * wrong type reads as absent), because a plan may carry anything; whether a value is unknown or
 * sensitive is asked of `Values`, which the view carries alongside.
 */
const opt = <T extends z.ZodType>(s: T) => s.nullish().catch(undefined);
const str = opt(z.string());
const num = opt(z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]));
const bool = opt(z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]));
const strList = opt(z.array(z.string().nullable()).transform((a) => a.filter((x): x is string => x !== null)));
const block = <S extends z.ZodRawShape>(shape: S) => opt(z.array(z.looseObject(shape).nullable()).transform((a) => a.filter((x) => x !== null)));
const tags = opt(z.record(z.string(), z.string().nullable()));

const Strategy = block({ capacity_provider: str, base: num, weight: num });

export const EcsServiceSchema = z.looseObject({
  name: str,
  cluster: str,
  task_definition: str,
  desired_count: num,
  launch_type: str,
  platform_version: str,
  scheduling_strategy: str,
  capacity_provider_strategy: Strategy,
  deployment_controller: block({ type: str }),
  deployment_circuit_breaker: block({ enable: bool, rollback: bool }),
  deployment_maximum_percent: num,
  deployment_minimum_healthy_percent: num,
  network_configuration: block({ subnets: strList, security_groups: strList, assign_public_ip: bool }),
  load_balancer: block({ target_group_arn: str, elb_name: str, container_name: str, container_port: num }),
  health_check_grace_period_seconds: num,
  iam_role: str,
  tags,
});

export const EcsTaskDefinitionSchema = z.looseObject({
  family: str,
  arn: str,
  revision: num,
  cpu: str,
  memory: str,
  network_mode: str,
  requires_compatibilities: strList,
  container_definitions: str,
  execution_role_arn: str,
  task_role_arn: str,
  ipc_mode: str,
  pid_mode: str,
  placement_constraints: block({ type: str, expression: str }),
  inference_accelerator: block({ device_name: str, device_type: str }),
  runtime_platform: block({ cpu_architecture: str, operating_system_family: str }),
  ephemeral_storage: block({ size_in_gib: num }),
  volume: block({ name: str, host_path: str, docker_volume_configuration: opt(z.array(z.unknown())), efs_volume_configuration: opt(z.array(z.unknown())) }),
  tags,
});

export const EcsClusterSchema = z.looseObject({
  name: str,
  arn: str,
  id: str,
  capacity_providers: strList,
  default_capacity_provider_strategy: Strategy,
  setting: block({ name: str, value: str }),
  tags,
});

export const EcsClusterCapacityProvidersSchema = z.looseObject({
  cluster_name: str,
  capacity_providers: strList,
  default_capacity_provider_strategy: Strategy,
});

export const EcsCapacityProviderSchema = z.looseObject({
  name: str,
  arn: str,
  auto_scaling_group_provider: block({
    auto_scaling_group_arn: str,
    managed_termination_protection: str,
    managed_scaling: block({ status: str, target_capacity: num, minimum_scaling_step_size: num, maximum_scaling_step_size: num }),
  }),
});

export const EksClusterSchema = z.looseObject({
  name: str,
  arn: str,
  version: str,
  platform_version: str,
  role_arn: str,
  upgrade_policy: block({ support_type: str }),
  vpc_config: block({ subnet_ids: strList, endpoint_public_access: bool, endpoint_private_access: bool }),
  tags,
});

export const EksNodeGroupSchema = z.looseObject({
  cluster_name: str,
  node_group_name: str,
  node_group_name_prefix: str,
  version: str,
  release_version: str,
  ami_type: str,
  capacity_type: str,
  instance_types: strList,
  disk_size: num,
  subnet_ids: strList,
  scaling_config: block({ desired_size: num, min_size: num, max_size: num }),
  update_config: block({ max_unavailable: num, max_unavailable_percentage: num }),
  launch_template: block({ id: str, name: str, version: str }),
  remote_access: block({ ec2_ssh_key: str, source_security_group_ids: strList }),
  labels: opt(z.record(z.string(), z.string().nullable())),
  tags,
});

export const EksFargateProfileSchema = z.looseObject({
  cluster_name: str,
  fargate_profile_name: str,
  pod_execution_role_arn: str,
  subnet_ids: strList,
  selector: block({ namespace: str, labels: opt(z.record(z.string(), z.string().nullable())) }),
});

export const EksAddonSchema = z.looseObject({
  cluster_name: str,
  addon_name: str,
  addon_version: str,
  resolve_conflicts_on_create: str,
  resolve_conflicts_on_update: str,
});

export const AppAutoscalingTargetSchema = z.looseObject({
  service_namespace: str,
  resource_id: str,
  scalable_dimension: str,
  min_capacity: num,
  max_capacity: num,
  role_arn: str,
});

export const AppAutoscalingPolicySchema = z.looseObject({
  name: str,
  policy_type: str,
  service_namespace: str,
  resource_id: str,
  scalable_dimension: str,
  target_tracking_scaling_policy_configuration: block({
    target_value: num,
    disable_scale_in: bool,
    predefined_metric_specification: block({ predefined_metric_type: str, resource_label: str }),
    customized_metric_specification: opt(z.array(z.unknown())),
  }),
  step_scaling_policy_configuration: opt(z.array(z.unknown())),
});

const LaunchTemplateSpec = block({ id: str, name: str, version: str });

export const AutoscalingGroupSchema = z.looseObject({
  name: str,
  arn: str,
  min_size: num,
  max_size: num,
  desired_capacity: num,
  launch_configuration: str,
  launch_template: LaunchTemplateSpec,
  protect_from_scale_in: bool,
  capacity_rebalance: bool,
  mixed_instances_policy: block({
    instances_distribution: block({
      on_demand_base_capacity: num,
      on_demand_percentage_above_base_capacity: num,
      spot_allocation_strategy: str,
      on_demand_allocation_strategy: str,
    }),
    launch_template: block({
      launch_template_specification: block({ launch_template_id: str, launch_template_name: str, version: str }),
      override: block({ instance_type: str, weighted_capacity: str, launch_template_specification: opt(z.array(z.unknown())) }),
    }),
  }),
  vpc_zone_identifier: strList,
  tag: opt(z.array(z.unknown())),
});

const BlockDevices = block({
  device_name: str,
  ebs: block({ volume_size: num, volume_type: str, iops: num, throughput: num, encrypted: str }),
});

export const LaunchTemplateSchema = z.looseObject({
  name: str,
  name_prefix: str,
  id: str,
  arn: str,
  image_id: str,
  instance_type: str,
  iam_instance_profile: block({ arn: str, name: str }),
  instance_initiated_shutdown_behavior: str,
  block_device_mappings: BlockDevices,
  network_interfaces: block({ subnet_id: str, associate_public_ip_address: str }),
  metadata_options: block({ http_tokens: str, http_put_response_hop_limit: num, http_endpoint: str }),
  instance_market_options: block({ market_type: str }),
  latest_version: num,
  default_version: num,
});

export const LaunchConfigurationSchema = z.looseObject({
  name: str,
  name_prefix: str,
  id: str,
  arn: str,
  image_id: str,
  instance_type: str,
  spot_price: str,
  root_block_device: block({ volume_size: num, volume_type: str, iops: num, throughput: num }),
  ebs_block_device: block({ device_name: str, volume_size: num, volume_type: str, iops: num }),
});

export const LbTargetGroupSchema = z.looseObject({
  name: str,
  arn: str,
  id: str,
  target_type: str,
  port: num,
  protocol: str,
});

export const VIEW_SCHEMAS = {
  aws_ecs_service: EcsServiceSchema,
  aws_ecs_task_definition: EcsTaskDefinitionSchema,
  aws_ecs_cluster: EcsClusterSchema,
  aws_ecs_cluster_capacity_providers: EcsClusterCapacityProvidersSchema,
  aws_ecs_capacity_provider: EcsCapacityProviderSchema,
  aws_eks_cluster: EksClusterSchema,
  aws_eks_node_group: EksNodeGroupSchema,
  aws_eks_fargate_profile: EksFargateProfileSchema,
  aws_eks_addon: EksAddonSchema,
  aws_appautoscaling_target: AppAutoscalingTargetSchema,
  aws_appautoscaling_policy: AppAutoscalingPolicySchema,
  aws_autoscaling_group: AutoscalingGroupSchema,
  aws_launch_template: LaunchTemplateSchema,
  aws_launch_configuration: LaunchConfigurationSchema,
  aws_lb_target_group: LbTargetGroupSchema,
  aws_alb_target_group: LbTargetGroupSchema,
} as const;

export type ViewType = keyof typeof VIEW_SCHEMAS;
export type ViewData<T extends ViewType> = z.infer<(typeof VIEW_SCHEMAS)[T]>;

export interface View<T extends ViewType> {
  resource: Resource;
  /** Typed data of the chosen side; an absent or wrong-typed field is undefined. */
  data: ViewData<T>;
  /** The same side with its unknown and sensitive masks. */
  values: Attributes;
}

const cache = new WeakMap<Attributes, unknown>();

/** A typed view of one side of a resource's change (`after` by default; `current` for deletes). */
export function view<T extends ViewType>(type: T, r: Resource, side: 'after' | 'before' | 'current' = 'current'): View<T> {
  const values = r[side];
  let data = cache.get(values) as ViewData<T> | undefined;
  if (!data) {
    const parsed = VIEW_SCHEMAS[type].safeParse(values.raw ?? {});
    data = (parsed.success ? parsed.data : {}) as ViewData<T>;
    cache.set(values, data);
  }
  return { resource: r, data, values };
}
