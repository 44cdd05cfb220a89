import {
  countText,
  emptyEstimate,
  Pricer,
  qty,
  readCount,
  scaled,
  SENSITIVE_TEXT,
  sensitiveNote,
  sumMonthly,
  type CostEnv,
  type Counts,
  type Estimator,
  type SideEstimate,
} from '../component.js';
import { FREE_EPHEMERAL_GIB, fargateTaskComponents, PLATFORM_LABEL, splitTasks, type TaskShape } from '../fargate.js';
import { formatMiB } from '../../plan/eksfargate.js';
import { isFargateProvider, servicePlacement, taskSetsOf, type Placement, type StrategyItem } from '../../plan/ecs.js';
import type { Resource } from '../../plan/model.js';
import { platformOf, taskCpu, taskMemory } from '../../plan/taskdef.js';
import { usd } from '../../report/format.js';
import type { CostComponent } from '../../report/schema.js';

/**
 * `aws_ecs_service`. On Fargate: the task definition's vCPU and memory (at its platform's rates,
 * plus ephemeral storage above 20 GB) times the task count, split over FARGATE and FARGATE_SPOT
 * by the capacity provider strategy. On EC2 capacity the service itself costs nothing here: its
 * instances are priced on their Auto Scaling group, so nothing is counted twice. A service with
 * the EXTERNAL deployment controller runs the tasks of its task sets (`aws_ecs_task_set`): each
 * runs its `scale` percentage of the desired count (rounded up, as ECS computes it) of its own
 * task definition, placed by its own launch type or capacity provider strategy.
 */
export const estimateEcsService: Estimator = (svc, env) => {
  const sets = taskSetsOf(svc, env.graph);
  if (sets.length > 0) return taskSetsEstimate(svc, sets, env);
  const controller = svc.current.str(['deployment_controller', 0, 'type']);
  if (controller.state === 'known' && controller.value === 'EXTERNAL') {
    return emptyEstimate({ notes: ['its deployment controller is EXTERNAL, so its tasks come from task sets, and none is in this plan'] });
  }
  const placement = servicePlacement(svc, env.graph);
  if (placement.kind === 'unknown') return emptyEstimate({ notes: [`cannot tell where its tasks run: ${placement.why}`] });
  const strategy = strategyOf(placement);
  if (!strategy.some((s) => isFargateProvider(s.capacityProvider))) return onEc2(svc, env, strategy);

  const counts = serviceCounts(svc, env);
  // A sensitive strategy: the split over providers (and the provider names) is not shown.
  const strategyHidden = placement.kind === 'strategy' && strategySensitive(svc, env, placement.from);
  if (strategyHidden) counts.sensitive = true;
  const td = env.graph.one(svc, 'task-definition');
  if (!td) return emptyEstimate({ notes: ['its task definition is not in this plan, so the task size is unknown'] });
  const shape = taskShape(td);
  if ('why' in shape) return emptyEstimate({ notes: [shape.why] });

  const p = new Pricer(env, svc.region);
  const spot = { discountPercent: env.spotDiscountPercent };
  const at = (n: number): CostComponent[] => {
    const split = splitTasks(strategy, n);
    return [...split].flatMap(([provider, tasks]) =>
      provider === 'FARGATE'
        ? fargateTaskComponents(p, shape, tasks, undefined)
        : provider === 'FARGATE_SPOT'
          ? fargateTaskComponents(p, shape, tasks, spot)
          : [],
    );
  };
  const est = scaled(counts, at);
  const notes: string[] = [...(counts.problems ?? [])];
  const hidden = [counts.sensitive ? 'the task count' : '', shape.sensitive ? 'the task size' : ''].filter(Boolean);
  if (hidden.length > 0) notes.push(sensitiveNote(hidden.join(' and ')));
  const others = strategy.filter((s) => !isFargateProvider(s.capacityProvider));
  if (others.length > 0 && !strategyHidden)
    notes.push(
      `tasks placed on ${others.map((s) => s.capacityProvider).join(', ')} run on EC2 capacity and are priced on its Auto Scaling group`,
    );
  if (strategy.length > 1 && counts.point !== null && !counts.sensitive) {
    const split = [...splitTasks(strategy, counts.point)].map(([k, v]) => `${qty(v)} on ${k}`).join(', ');
    notes.push(`${qty(counts.point)} tasks split by the capacity provider strategy (base first, then by weight): ${split}`);
  }
  if (strategy.some((s) => s.capacityProvider === 'FARGATE_SPOT')) {
    notes.push(
      `Fargate Spot is estimated at ${env.spotDiscountPercent}% off on-demand (Spot prices vary and are not in the AWS Price List)`,
    );
  }
  return {
    ...est,
    description: `Fargate ${PLATFORM_LABEL[shape.platform]}, ${shapeText(shape)} × ${countText(counts.point, counts.sensitive)}`,
    unpriced: p.unpriced,
    notes,
    advice: advice(p, shape, strategy, counts, est.monthly),
  };
};

/** One task set's share of the service's tasks, with where they run and their size. */
interface TaskSetRun {
  set: Resource;
  percent: number;
  strategy: StrategyItem[];
  shape: TaskShape | undefined;
}

/** A service whose tasks come from its task sets: each priced at its share of the desired count. */
function taskSetsEstimate(svc: Resource, sets: Resource[], env: CostEnv): SideEstimate {
  const runs: TaskSetRun[] = [];
  const label = (ts: Resource) => `task set ${ts.address}`;
  for (const ts of sets) {
    const scale = ts.current.num(['scale', 0, 'value']);
    const unit = ts.current.str(['scale', 0, 'unit']);
    if (scale.state !== 'known' || (unit.state === 'known' && unit.value !== 'PERCENT')) {
      return emptyEstimate({
        notes: [
          `the scale of ${label(ts)} is ${scale.state === 'known' ? 'not a percentage' : 'known only after apply or not set'}, so its task count is unknown`,
        ],
      });
    }
    const placement = servicePlacement(ts, env.graph);
    if (placement.kind === 'unknown')
      return emptyEstimate({ notes: [`cannot tell where the tasks of ${label(ts)} run: ${placement.why}`] });
    const strategy = strategyOf(placement);
    let shape: TaskShape | undefined;
    if (strategy.some((s) => isFargateProvider(s.capacityProvider))) {
      const td = env.graph.one(ts, 'task-definition');
      if (!td) return emptyEstimate({ notes: [`the task definition of ${label(ts)} is not in this plan, so the task size is unknown`] });
      const got = taskShape(td);
      if ('why' in got) return emptyEstimate({ notes: [`${label(ts)}: ${got.why}`] });
      shape = got;
    }
    runs.push({ set: ts, percent: scale.value, strategy, shape });
  }
  const counts = serviceCounts(svc, env);
  const p = new Pricer(env, svc.region);
  const spot = { discountPercent: env.spotDiscountPercent };
  // ECS runs ceil(desiredCount × scale / 100) tasks in each task set (TaskSet.computedDesiredCount).
  const tasksOf = (run: TaskSetRun, n: number) => Math.ceil((n * run.percent) / 100);
  const at = (n: number): CostComponent[] =>
    runs.flatMap((run) => {
      if (!run.shape) return [];
      const shape = run.shape;
      return [...splitTasks(run.strategy, tasksOf(run, n))].flatMap(([provider, tasks]) =>
        (provider === 'FARGATE'
          ? fargateTaskComponents(p, shape, tasks, undefined)
          : provider === 'FARGATE_SPOT'
            ? fargateTaskComponents(p, shape, tasks, spot)
            : []
        ).map((c) => ({
          ...c,
          name: `${label(run.set)}: ${c.name}`,
        })),
      );
    });
  const est = scaled(counts, at);
  const notes = runs.map((run) => {
    const n = counts.sensitive ? SENSITIVE_TEXT : counts.point === null ? 'an unknown number of' : qty(tasksOf(run, counts.point));
    const where = run.shape
      ? `Fargate ${PLATFORM_LABEL[run.shape.platform]}, ${shapeText(run.shape)}`
      : 'EC2 capacity, priced on its Auto Scaling group';
    return `${label(run.set)} runs ${qty(run.percent)}% of the desired count: ${n} tasks on ${where}`;
  });
  notes.unshift(...(counts.problems ?? []));
  if (counts.sensitive || runs.some((run) => run.shape?.sensitive)) notes.push(sensitiveNote('the desired count or a task size'));
  if (runs.some((run) => run.strategy.some((s) => s.capacityProvider === 'FARGATE_SPOT'))) {
    notes.push(
      `Fargate Spot is estimated at ${env.spotDiscountPercent}% off on-demand (Spot prices vary and are not in the AWS Price List)`,
    );
  }
  return {
    ...est,
    description: `${runs.length} task set${runs.length > 1 ? 's' : ''} × ${countText(counts.point, counts.sensitive)} desired`,
    unpriced: p.unpriced,
    notes,
    advice: [],
  };
}

function strategyOf(p: Exclude<Placement, { kind: 'unknown' }>): StrategyItem[] {
  switch (p.kind) {
    case 'strategy':
      return p.strategy;
    case 'launch-type':
      return [{ capacityProvider: p.launchType, base: 0, weight: 1 }];
    case 'default':
      return [{ capacityProvider: 'EC2', base: 0, weight: 1 }];
  }
}

/** desired_count, and the bounds of the Application Auto Scaling target linked to the service. */
function serviceCounts(svc: Resource, env: CostEnv): Counts {
  // Not set, the provider sends 0 (the provider facts); a DAEMON service has no desired count.
  const out: Counts = { point: null, min: null, max: null };
  const point = readCount(svc.current, 'desired_count', 'desired_count', out);
  const targets = env.graph.in(svc, 'service', 'aws_appautoscaling_target');
  if (targets.length !== 1) return { ...out, point, min: point, max: point };
  const bound = (attr: string) => readCount(targets[0]!.current, attr, `${targets[0]!.address}: ${attr}`, out);
  const min = bound('min_capacity');
  const max = bound('max_capacity');
  return { ...out, point, min, max };
}

/** Does the plan mark the strategy the service's tasks follow sensitive (the service's or its cluster's default)? */
function strategySensitive(svc: Resource, env: CostEnv, from: string): boolean {
  if (from === 'service') return svc.current.hasSensitive('capacity_provider_strategy');
  const cluster = env.graph.one(svc, 'cluster');
  if (!cluster) return false;
  return [cluster, ...env.graph.out(cluster, 'cluster-capacity-providers')].some((r) =>
    r.current.hasSensitive('default_capacity_provider_strategy'),
  );
}

/** Task size and platform from the task definition; a reason when they cannot be read. */
export function taskShape(td: Resource): TaskShape | { why: string } {
  const cpu = taskCpu(td.current);
  const mem = taskMemory(td.current);
  if (cpu.state === 'known' && !(Number.isFinite(cpu.value) && cpu.value > 0))
    return { why: "the task definition's cpu is not a positive number, so the task size is unknown" };
  if (mem.state === 'known' && !(Number.isFinite(mem.value) && mem.value > 0))
    return { why: "the task definition's memory is not a positive number, so the task size is unknown" };
  if (cpu.state !== 'known')
    return {
      why: `the task definition's cpu is ${cpu.state === 'unknown' ? 'known only after apply' : 'not set or not readable'}, so the task size is unknown`,
    };
  if (mem.state !== 'known')
    return {
      why: `the task definition's memory is ${mem.state === 'unknown' ? 'known only after apply' : 'not set or not readable'}, so the task size is unknown`,
    };
  const plat = platformOf(td.current);
  if (plat.os.state !== 'known' || plat.arch.state !== 'known')
    return { why: "the task definition's runtime_platform is known only after apply" };
  const eph = td.current.num(['ephemeral_storage', 0, 'size_in_gib']);
  if (eph.state === 'unknown') return { why: "the task definition's ephemeral storage size is known only after apply" };
  return {
    cpu: cpu.value,
    memoryMiB: mem.value,
    platform: plat.os.value === 'WINDOWS' ? 'windows' : plat.arch.value === 'ARM64' ? 'arm' : 'x86',
    ephemeralGiB: eph.state === 'known' ? eph.value : FREE_EPHEMERAL_GIB,
    ...(cpu.sensitive || mem.sensitive || eph.sensitive ? { sensitive: true } : {}),
  };
}

export function shapeText(s: Pick<TaskShape, 'cpu' | 'memoryMiB' | 'sensitive'>): string {
  if (s.sensitive) return `${SENSITIVE_TEXT} vCPU / ${SENSITIVE_TEXT} memory`;
  return `${qty(s.cpu / 1024)} vCPU / ${formatMiB(s.memoryMiB)}`;
}

/** The same tasks on ARM64 and on Fargate Spot above a base of one, for x86 Linux services all on FARGATE. */
function advice(p: Pricer, shape: TaskShape, strategy: StrategyItem[], counts: Counts, monthly: number | null): string[] {
  if (shape.platform !== 'x86' || monthly === null || counts.point === null || counts.point === 0) return [];
  if (strategy.some((s) => s.capacityProvider !== 'FARGATE')) return [];
  // A separate pricer: prices missing for a what-if are not the resource's unpriced items.
  const q = new Pricer(p.env, p.region);
  const n = counts.point;
  const discount = p.env.spotDiscountPercent;
  const out: string[] = [];
  const arm = sumMonthly(fargateTaskComponents(q, { ...shape, platform: 'arm' }, n, undefined));
  if (arm !== null && arm < monthly) out.push(`on ARM64 (Graviton): ${usd(arm)}/month (${usd(arm - monthly, { sign: true })})`);
  if (n >= 2) {
    const spot = sumMonthly([
      ...fargateTaskComponents(q, shape, 1, undefined),
      ...fargateTaskComponents(q, shape, n - 1, { discountPercent: discount }),
    ]);
    if (spot !== null && spot < monthly) {
      out.push(
        `with FARGATE_SPOT for tasks above a base of 1: about ${usd(spot)}/month (${usd(spot - monthly, { sign: true })}; estimate at a ${discount}% Spot discount)`,
      );
    }
  }
  return out;
}

/** A service on EC2 capacity: $0 here, with where its instances are priced. */
function onEc2(svc: Resource, env: CostEnv, strategy: StrategyItem[]): SideEstimate {
  const asgs = capacityAsgs(svc, env, strategy);
  const where =
    asgs.length > 0 ? `see ${asgs.join(', ')}` : 'its container instances are priced on their Auto Scaling group (not in this plan)';
  return emptyEstimate({ description: 'EC2 capacity', monthly: 0, min: 0, max: 0, notes: [`runs on EC2 capacity: ${where}`] });
}

/** Auto Scaling groups behind the service's EC2 capacity providers (all of the cluster's for the EC2 launch type). */
function capacityAsgs(svc: Resource, env: CostEnv, strategy: StrategyItem[]): string[] {
  const cluster = env.graph.one(svc, 'cluster');
  if (!cluster) return [];
  const providers = [cluster, ...env.graph.out(cluster, 'cluster-capacity-providers')].flatMap((r) =>
    env.graph.out(r, 'capacity-provider'),
  );
  const named = new Set(strategy.map((s) => s.capacityProvider));
  const byStrategy = strategy.some((s) => s.capacityProvider !== 'EC2');
  const chosen = providers.filter((cp) => {
    const n = cp.current.str('name');
    return !byStrategy || (n.state === 'known' && named.has(n.value));
  });
  return [...new Set(chosen.flatMap((cp) => env.graph.out(cp, 'autoscaling-group')).map((a) => a.address))];
}

estimateEcsService.reads = [
  'aws_appautoscaling_target',
  'aws_autoscaling_group',
  'aws_ecs_capacity_provider',
  'aws_ecs_cluster',
  'aws_ecs_cluster_capacity_providers',
  'aws_ecs_task_definition',
  'aws_ecs_task_set',
];
