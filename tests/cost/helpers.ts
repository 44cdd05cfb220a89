import type { EngineOptions } from '../../src/engine/context.js';
import { CostSettingsSchema } from '../../src/cost/settings-schema.js';
import type { CostEnv, Estimator } from '../../src/cost/component.js';
import { ESTIMATORS, estimateCosts, priceFileOf } from '../../src/cost/index.js';
import { readPriceFile } from '../../src/cost/price-file.js';
import { priceBook } from '../../src/cost/prices.js';
import type { Resource } from '../../src/plan/model.js';
import { newLog, recordingGraph, recordingModel, undeclaredReads } from '../helpers/reads.js';
import { buildGraph } from '../../src/plan/graph.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel } from '../../src/plan/model.js';
import type { Plan } from '../../src/plan/schema.js';
import { TYPE_TABLES } from '../../src/engine/reads.js';
import type { PlanCost, ResourceCost } from '../../src/report/schema.js';
import { buildPlan, constant, ref, type PlanSpec, type ResSpec } from '../helpers/plan.js';

export interface CostOptions extends Partial<EngineOptions> {
  spec?: PlanSpec;
  /** The raw `cost` section of the configuration file (validated here as the loader does). */
  cost?: unknown;
}

/** Builds a real-format plan and estimates its cost. */
export function estimate(resources: ResSpec[], opts: CostOptions = {}): PlanCost {
  return estimatePlan(validatePlan('test.json', JSON.parse(JSON.stringify(buildPlan(resources, opts.spec)))), opts);
}

/** Estimates the cost of a plan already read (whole or streamed). */
export function estimatePlan(plan: Plan, opts: CostOptions = {}): PlanCost {
  const model = buildModel(plan, { types: TYPE_TABLES });
  const { spec: _spec, cost, ...options } = opts;
  const undeclared: string[] = [];
  const ctx = {
    model,
    graph: buildGraph(model),
    options: { asOf: '2026-11-22', failOn: 'error' as const, ...options },
    settings: cost === undefined ? {} : { cost: CostSettingsSchema.parse(cost) },
    locate: () => undefined,
    ignoreChanges: () => undefined,
  };
  // The price book as `runPriceBook` makes it, read synchronously here.
  const priceFile = priceFileOf(ctx);
  const book = priceBook(priceFile ? readPriceFile(priceFile) : undefined, ctx.settings.cost?.edpDiscountPercent ?? 0);
  const c = estimateCosts(ctx, book, recordedEstimators(undeclared));
  if (undeclared.length > 0) throw new Error(undeclared.join('\n'));
  if (!c) throw new Error('no cost estimate');
  return c;
}

/**
 * The estimators, each run with a context that records what it reads: what one reads and does
 * not declare in `reads` is added to `undeclared` (every cost test holds its estimators to their declarations).
 */
export function recordedEstimators(undeclared: string[]): Record<string, Estimator> {
  return Object.fromEntries(
    Object.entries(ESTIMATORS).map(([type, est]) => [
      type,
      (r: Resource, env: CostEnv) => {
        const log = newLog();
        const out = est(r, { ...env, model: recordingModel(env.model, log), graph: recordingGraph(env.graph, log) });
        for (const p of undeclaredReads(`estimator of ${type}`, [type], est.reads, log)) if (!undeclared.includes(p)) undeclared.push(p);
        return out;
      },
    ]),
  );
}

export function resource(c: PlanCost, address: string): ResourceCost {
  const r = c.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no cost for ${address}: ${c.resources.map((x) => x.address).join(', ')}`);
  return r;
}

/** A Fargate task definition (family `api` by default). */
export function taskDef(
  opts: {
    family?: string;
    cpu?: string;
    memory?: string;
    runtime?: { cpu_architecture?: string; operating_system_family?: string };
    ephemeralGiB?: number;
  } = {},
): Record<string, unknown> {
  return {
    family: opts.family ?? 'api',
    cpu: opts.cpu ?? '512',
    memory: opts.memory ?? '1024',
    network_mode: 'awsvpc',
    requires_compatibilities: ['FARGATE'],
    container_definitions: JSON.stringify([{ name: 'app', image: 'nginx', essential: true }]),
    runtime_platform: opts.runtime ? [opts.runtime] : [],
    ephemeral_storage: opts.ephemeralGiB ? [{ size_in_gib: opts.ephemeralGiB }] : [],
  };
}

/** An ECS service on cluster `prod` running task family `api`. */
export function service(
  opts: {
    name?: string;
    desired?: number;
    launchType?: string;
    strategy?: { capacity_provider: string; base?: number; weight?: number }[];
  } = {},
): Record<string, unknown> {
  return {
    name: opts.name ?? 'api',
    cluster: 'prod',
    task_definition: 'api',
    desired_count: opts.desired ?? 2,
    launch_type: opts.strategy ? null : (opts.launchType ?? 'FARGATE'),
    capacity_provider_strategy: (opts.strategy ?? []).map((s) => ({ base: 0, weight: 0, ...s })),
  };
}

export function scalingTarget(min: number, max: number, serviceName = 'api'): Record<string, unknown> {
  return {
    service_namespace: 'ecs',
    resource_id: `service/prod/${serviceName}`,
    scalable_dimension: 'ecs:service:DesiredCount',
    min_capacity: min,
    max_capacity: max,
  };
}

/** `aws_autoscaling_group.app`: 1 to 3 instances, 2 desired, from `aws_launch_template.app` at `$Latest`, created. */
export const ASG_ON_LAUNCH_TEMPLATE: ResSpec = {
  address: 'aws_autoscaling_group.app',
  after: {
    name: 'app',
    min_size: 1,
    max_size: 3,
    desired_capacity: 2,
    launch_template: [{ version: '$Latest' }],
    mixed_instances_policy: [],
  },
  unknown: { launch_template: [{ id: true, name: true }] },
  expressions: {
    name: constant('app'),
    min_size: constant(1),
    max_size: constant(3),
    desired_capacity: constant(2),
    launch_template: [{ id: ref('aws_launch_template.app.id', 'aws_launch_template.app'), version: constant('$Latest') }],
  },
};
