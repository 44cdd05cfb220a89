import { constant, constants, ref, type ResSpec } from '../../helpers/plan.js';

/**
 * Real-format resource specs for the ECS rule tests: a task definition, a service, its cluster
 * and capacity providers, an Auto Scaling group with its launch template, target groups and
 * scaling targets. Each builder takes overrides of `after`; references that are unknown at plan
 * time (ARNs, IDs) are written as Terraform writes them: in after_unknown and as configuration
 * references.
 */
type Attrs = Record<string, unknown>;

export interface Extra {
  unknown?: Record<string, unknown>;
  sensitive?: Record<string, unknown>;
  /** Configuration expressions that replace the constant ones (e.g. references). */
  expressions?: Record<string, unknown>;
  actions?: string[];
  before?: Attrs;
}

/** Configuration expressions for `after`: every non-null attribute as a constant, then `extra`. */
export function exprs(after: Attrs, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) if (v !== null && v !== undefined) out[k] = constant(v);
  return { ...out, ...extra };
}

function spec(address: string, after: Attrs, x: Extra = {}, refs: { unknown?: Attrs; expressions?: Attrs } = {}): ResSpec {
  const unknown = { ...refs.unknown, ...x.unknown };
  for (const k of Object.keys(unknown)) if (after[k] === undefined) after[k] = null;
  return {
    address,
    after,
    unknown,
    ...(x.sensitive ? { sensitive: x.sensitive } : {}),
    ...(x.actions ? { actions: x.actions } : {}),
    ...(x.before ? { before: x.before } : {}),
    expressions: exprs(after, { ...refs.expressions, ...x.expressions }),
  };
}

export const container = (over: Attrs = {}) => ({
  name: 'app',
  image: 'public.ecr.aws/nginx/nginx:1.27',
  essential: true,
  portMappings: [{ containerPort: 80 }],
  ...over,
});

export function taskDef(name: string, over: Attrs = {}, x: Extra = {}, containers: Attrs[] = [container()]): ResSpec {
  return spec(
    `aws_ecs_task_definition.${name}`,
    {
      family: name,
      cpu: '256',
      memory: '512',
      network_mode: 'awsvpc',
      requires_compatibilities: ['FARGATE'],
      container_definitions: JSON.stringify(containers),
      ...over,
    },
    x,
    { unknown: { arn: true, revision: true } },
  );
}

/** A service running task definition `td` (by reference to its ARN) in cluster "main". */
export function service(name: string, over: Attrs = {}, x: Extra = {}, td = 'web'): ResSpec {
  return spec(
    `aws_ecs_service.${name}`,
    {
      name,
      cluster: 'main',
      desired_count: 2,
      launch_type: 'FARGATE',
      scheduling_strategy: 'REPLICA',
      deployment_maximum_percent: 200,
      deployment_minimum_healthy_percent: 100,
      deployment_circuit_breaker: [{ enable: true, rollback: true }],
      deployment_controller: [],
      capacity_provider_strategy: [],
      load_balancer: [],
      network_configuration: [{ subnets: ['subnet-0a1b2c3d'], security_groups: ['sg-0a1b2c3d'], assign_public_ip: false }],
      ...over,
    },
    x,
    {
      unknown: { id: true, task_definition: true },
      expressions: { task_definition: ref(`aws_ecs_task_definition.${td}.arn`, `aws_ecs_task_definition.${td}`) },
    },
  );
}

export const cluster = (over: Attrs = {}, x: Extra = {}): ResSpec =>
  spec('aws_ecs_cluster.main', { name: 'main', setting: [], ...over }, x, { unknown: { arn: true, id: true } });

export const clusterProviders = (providers: string[], defaults: Attrs[] = [], x: Extra = {}): ResSpec =>
  spec(
    'aws_ecs_cluster_capacity_providers.main',
    { cluster_name: 'main', capacity_providers: providers, default_capacity_provider_strategy: defaults },
    x,
    {
      unknown: { id: true },
    },
  );

export const strategy = (...entries: [string, number, number][]) =>
  entries.map(([capacity_provider, weight, base]) => ({ capacity_provider, weight, base }));

/** A capacity provider named `name` on Auto Scaling group `asg` (linked by reference to its ARN). */
export function capacityProvider(name: string, asg = 'ecs', over: Attrs = {}, x: Extra = {}): ResSpec {
  return spec(
    `aws_ecs_capacity_provider.${name}`,
    {
      name,
      auto_scaling_group_provider: [
        {
          auto_scaling_group_arn: null,
          managed_termination_protection: 'DISABLED',
          managed_scaling: [{ status: 'ENABLED', target_capacity: 100 }],
          ...over,
        },
      ],
    },
    { ...x, unknown: { arn: true, id: true, auto_scaling_group_provider: [{ auto_scaling_group_arn: true }], ...x.unknown } },
    {
      expressions: {
        auto_scaling_group_provider: [{ auto_scaling_group_arn: ref(`aws_autoscaling_group.${asg}.arn`, `aws_autoscaling_group.${asg}`) }],
      },
    },
  );
}

/** An Auto Scaling group launched from launch template `lt` (by reference to its ID). */
export function asg(name = 'ecs', over: Attrs = {}, x: Extra = {}, lt = 'ecs'): ResSpec {
  return spec(
    `aws_autoscaling_group.${name}`,
    {
      name,
      min_size: 1,
      max_size: 3,
      desired_capacity: 1,
      protect_from_scale_in: true,
      launch_template: [{ id: null, version: '$Latest' }],
      mixed_instances_policy: [],
      vpc_zone_identifier: ['subnet-0a1b2c3d'],
      ...over,
    },
    { ...x, unknown: { arn: true, id: true, launch_template: [{ id: true }], ...x.unknown } },
    {
      expressions: {
        launch_template: [{ id: ref(`aws_launch_template.${lt}.id`, `aws_launch_template.${lt}`), version: constant('$Latest') }],
      },
    },
  );
}

export const launchTemplate = (name = 'ecs', instanceType: string | null = 'm5.large', x: Extra = {}): ResSpec =>
  spec(`aws_launch_template.${name}`, { name, image_id: 'ami-0123456789abcdef0', instance_type: instanceType }, x, {
    unknown: { id: true, arn: true, latest_version: true },
  });

export const targetGroup = (name: string, targetType: string | null, x: Extra = {}): ResSpec =>
  spec(`aws_lb_target_group.${name}`, { name, port: 80, protocol: 'HTTP', target_type: targetType }, x, {
    unknown: { arn: true, id: true },
  });

/** A `load_balancer` block pointing at target group `tg` by reference (its ARN is unknown at plan time). */
export function lbTo(tg: string): { after: Attrs; unknown: Attrs; expressions: Attrs } {
  return {
    after: { target_group_arn: null, container_name: 'app', container_port: 80, elb_name: null },
    unknown: { target_group_arn: true },
    expressions: {
      target_group_arn: ref(`aws_lb_target_group.${tg}.arn`, `aws_lb_target_group.${tg}`),
      container_name: constant('app'),
      container_port: constant(80),
    },
  };
}

export const scalingTarget = (svc: string, max: number, x: Extra = {}): ResSpec =>
  spec(
    'aws_appautoscaling_target.' + svc,
    {
      service_namespace: 'ecs',
      resource_id: `service/main/${svc}`,
      scalable_dimension: 'ecs:service:DesiredCount',
      min_capacity: 1,
      max_capacity: max,
    },
    x,
    {
      unknown: { id: true, arn: true },
    },
  );

export const trunkingSetting = (value: string, x: Extra = {}): ResSpec =>
  spec('aws_ecs_account_setting_default.trunking', { name: 'awsvpcTrunking', value }, x, { unknown: { id: true } });

/**
 * An ECS Managed Instances capacity provider named `name` in cluster "main" (by reference to the
 * cluster's name), with instance requirements; `lt` overrides the instance launch template.
 */
export function miProvider(name: string, lt: Attrs = {}, x: Extra = {}, clusterRef = 'main'): ResSpec {
  const launchTemplate = {
    ec2_instance_profile_arn: 'arn:aws:iam::123456789012:instance-profile/ecs-mi',
    network_configuration: [{ subnets: ['subnet-0a1b2c3d'], security_groups: ['sg-0a1b2c3d'] }],
    instance_requirements: [{ vcpu_count: [{ min: 2, max: 8 }], memory_mib: [{ min: 4096, max: 32768 }] }],
    storage_configuration: [{ storage_size_gib: 50 }],
    ...lt,
  };
  const provider = [
    { infrastructure_role_arn: 'arn:aws:iam::123456789012:role/ecs-infrastructure', instance_launch_template: [launchTemplate] },
  ];
  return spec(
    `aws_ecs_capacity_provider.${name}`,
    { name, cluster: clusterRef, auto_scaling_group_provider: [], managed_instances_provider: provider },
    { ...x, unknown: { arn: true, id: true, ...x.unknown } },
    {
      // Nested blocks are written block by block, as Terraform writes them.
      expressions: {
        cluster: ref(`aws_ecs_cluster.${clusterRef}.name`, `aws_ecs_cluster.${clusterRef}`),
        managed_instances_provider: provider.map((b) => constants(b)),
      },
    },
  );
}
