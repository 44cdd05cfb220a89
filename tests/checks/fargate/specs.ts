import type { Rule } from '../../../src/checks/types.js';
import { constant, constants, ref, type ResSpec } from '../../helpers/plan.js';
import { check, type CheckOptions } from '../helpers.js';

/** Resource specs for the Fargate rule tests: a task definition and a service that runs it. */
export const TD = 'aws_ecs_task_definition.app';
export const SVC = 'aws_ecs_service.app';

export const container = (o: Record<string, unknown> = {}) => ({
  name: 'web',
  image: 'public.ecr.aws/nginx/nginx:1.27',
  essential: true,
  portMappings: [{ containerPort: 80, protocol: 'tcp' }],
  ...o,
});

/**
 * A valid Fargate task definition (0.25 vCPU / 512 MiB, awsvpc) with the given overrides. Every
 * value in `after` is written as a constant; `extra.expressions` adds to those (an attribute known
 * only after apply is written as a reference).
 */
export function taskDef(attrs: Record<string, unknown> = {}, containers: unknown[] = [container()], extra: Partial<ResSpec> = {}): ResSpec {
  const spec = taskDefSpec(attrs, containers, extra);
  return extra.expressions ? { ...spec, expressions: { ...constants(spec.after ?? {}), ...extra.expressions } } : spec;
}

function taskDefSpec(attrs: Record<string, unknown>, containers: unknown[], extra: Partial<ResSpec>): ResSpec {
  return {
    address: TD,
    after: {
      family: 'app',
      cpu: '256',
      memory: '512',
      network_mode: 'awsvpc',
      requires_compatibilities: ['FARGATE'],
      execution_role_arn: 'arn:aws:iam::123456789012:role/app-exec',
      container_definitions: JSON.stringify(containers),
      runtime_platform: [],
      ephemeral_storage: [],
      volume: [],
      placement_constraints: [],
      inference_accelerator: [],
      ...attrs,
    },
    ...extra,
  };
}

/** A service running the task definition (linked through its configuration reference, the ARN being unknown). */
export function service(attrs: Record<string, unknown> = {}, extra: Partial<ResSpec> = {}): ResSpec {
  const after = {
    name: 'app',
    launch_type: 'FARGATE',
    desired_count: 2,
    network_configuration: [{ subnets: ['subnet-0a1b2c3d'], security_groups: ['sg-0a1b2c3d'], assign_public_ip: false }],
    capacity_provider_strategy: [],
    ...attrs,
  };
  return {
    address: SVC,
    after,
    unknown: { task_definition: true, cluster: true },
    expressions: {
      task_definition: ref('aws_ecs_task_definition.app.arn', 'aws_ecs_task_definition.app'),
      ...Object.fromEntries(
        Object.entries(after)
          .filter(([, v]) => v !== null && !Array.isArray(v))
          .map(([k, v]) => [k, constant(v)]),
      ),
    },
    ...extra,
  };
}

/** Task definition attributes that make it an EC2-only task definition. */
export const EC2_ONLY = { requires_compatibilities: ['EC2'], network_mode: 'bridge', cpu: null, memory: null };

/** Runs one rule over resource specs. */
export const runner = (rule: Rule) => (resources: ResSpec[], opts?: CheckOptions) => check(rule, resources, opts);
