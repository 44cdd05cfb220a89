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
import { taskAttachments, taskPublicIpv4Components, taskVolumeComponents, type TaskAttachments } from '../task-attachments.js';
import { FREE_EPHEMERAL_GIB, fargateTaskComponents, PLATFORM_LABEL, splitTasks, type TaskShape } from '../fargate.js';
import { formatMiB } from '../../plan/eksfargate.js';
import {
  isFargateProvider,
  providerKind,
  providerNamed,
  servicePlacement,
  taskSetsOf,
  type Placement,
  type StrategyItem,
} from '../../plan/ecs.js';
import { managedInstanceComponents, managedInstancesSpec } from '../managed-instances.js';
import type { Resource } from '../../plan/model.js';
import { platformOf, taskCpu, taskMemory } from '../../plan/taskdef.js';
import type { Market } from '../ec2.js';
import { usd } from '../../report/format.js';
import type { CostComponent } from '../../report/schema.js';

/**
 * `aws_ecs_service`. On Fargate: the task definition's vCPU and memory (at its platform's rates,
 * plus ephemeral storage above 20 GB) times the task count, split over FARGATE and FARGATE_SPOT
 * by the capacity provider strategy. On an ECS Managed Instances capacity provider: the EC2
 * instances ECS launches for the tasks and their management fee, usage-based, as a range from
 * the cheapest to the priciest type the provider allows (src/cost/managed-instances.ts). A
 * BLUE_GREEN, LINEAR or CANARY deployment runs the new tasks beside the old ones: the range's
 * max counts both fleets at full size. On EC2 capacity the service itself costs nothing here: its
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
  const managed = strategy.filter((s) => providerKind(svc, s.capacityProvider, env.graph, false) === 'managed-instances');
  if (managed.length > 0) return onManagedInstances(svc, env, strategy, managed.length);
  if (!strategy.some((s) => isFargateProvider(s.capacityProvider))) return onEc2(svc, env, strategy);

  const deployment = deploymentPeak(svc);
  const counts = withPeak(serviceCounts(svc, env), deployment);
  // A sensitive strategy: the split over providers (and the provider names) is not shown.
  const strategyHidden = placement.kind === 'strategy' && strategySensitive(svc, env, placement.from);
  if (strategyHidden) counts.sensitive = true;
  const td = env.graph.one(svc, 'task-definition');
  if (!td) return emptyEstimate({ notes: ['its task definition is not in this plan, so the task size is unknown'] });
  const shape = taskShape(td);
  if ('why' in shape) return emptyEstimate({ notes: [shape.why] });

  const p = new Pricer(env, svc.region);
  const spot = { discountPercent: env.spotDiscountPercent };
  const attached = taskAttachments(svc);
  // `scaled` prices the point count and both bounds, often the same count: each count is priced once.
  const priced = new Map<number, CostComponent[]>();
  const at = (n: number): CostComponent[] => {
    if (Object.is(n, -0)) return componentsAt(n); // a Map takes -0 for 0
    let got = priced.get(n);
    if (!got) priced.set(n, (got = componentsAt(n)));
    return got;
  };
  const componentsAt = (n: number): CostComponent[] => {
    const out: CostComponent[] = [];
    let fargateTasks = 0;
    for (const [provider, tasks] of splitTasks(strategy, n)) {
      if (provider === 'FARGATE') fargateTaskComponents(p, shape, tasks, undefined, out);
      else if (provider === 'FARGATE_SPOT') fargateTaskComponents(p, shape, tasks, spot, out);
      if (isFargateProvider(provider)) fargateTasks += tasks;
    }
    out.push(...taskVolumeComponents(p, attached, n), ...taskPublicIpv4Components(p, attached, fargateTasks));
    return out;
  };
  const est = withAttachments(scaled(counts, at), attached);
  const notes: string[] = [...(counts.problems ?? []), ...attachmentNotes(attached)];
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
  if (deployment.note && counts.max !== null) notes.push(deployment.note);
  return {
    description: `Fargate ${PLATFORM_LABEL[shape.platform]}, ${shapeText(shape)}${volumeText(attached)} × ${countText(counts.point, counts.sensitive)}`,
    components: est.components,
    monthly: est.monthly,
    min: est.min,
    max: est.max,
    unpriced: p.unpriced,
    notes,
    advice: advice(p, shape, strategy, counts, est.monthly, attachedMonthly(est.components)),
    usageBased: undefined,
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
  out.point = readCount(svc.current, 'desired_count', 'desired_count', out);
  const targets = env.graph.in(svc, 'service', 'aws_appautoscaling_target');
  if (targets.length !== 1) {
    out.min = out.max = out.point;
    return out;
  }
  const target = targets[0]!;
  out.min = readCount(target.current, 'min_capacity', `${target.address}: min_capacity`, out);
  out.max = readCount(target.current, 'max_capacity', `${target.address}: max_capacity`, out);
  return out;
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
    sensitive: cpu.sensitive || mem.sensitive || eph.sensitive ? true : undefined,
  };
}

export function shapeText(s: Pick<TaskShape, 'cpu' | 'memoryMiB' | 'sensitive'>): string {
  if (s.sensitive) return `${SENSITIVE_TEXT} vCPU / ${SENSITIVE_TEXT} memory`;
  return `${qty(s.cpu / 1024)} vCPU / ${formatMiB(s.memoryMiB)}`;
}

/** The same tasks on ARM64 and on Fargate Spot above a base of one, for x86 Linux services all on FARGATE. */
function advice(
  p: Pricer,
  shape: TaskShape,
  strategy: StrategyItem[],
  counts: Counts,
  monthly: number | null,
  attached: number | null,
): string[] {
  if (attached === null) return [];
  if (shape.platform !== 'x86' || monthly === null || counts.point === null || counts.point === 0) return [];
  if (strategy.some((s) => s.capacityProvider !== 'FARGATE')) return [];
  // A separate pricer: prices missing for a what-if are not the resource's unpriced items.
  const q = new Pricer(p.env, p.region);
  const n = counts.point;
  const discount = p.env.spotDiscountPercent;
  const out: string[] = [];
  const armCompute = sumMonthly(fargateTaskComponents(q, { ...shape, platform: 'arm' }, n, undefined));
  const arm = armCompute === null ? null : armCompute + attached;
  if (arm !== null && arm < monthly) out.push(`on ARM64 (Graviton): ${usd(arm)}/month (${usd(arm - monthly, { sign: true })})`);
  if (n >= 2) {
    const base = fargateTaskComponents(q, shape, 1, undefined);
    const spotCompute = sumMonthly(fargateTaskComponents(q, shape, n - 1, { discountPercent: discount }, base));
    const spot = spotCompute === null ? null : spotCompute + attached;
    if (spot !== null && spot < monthly) {
      out.push(
        `with FARGATE_SPOT for tasks above a base of 1: about ${usd(spot)}/month (${usd(spot - monthly, { sign: true })}; estimate at a ${discount}% Spot discount)`,
      );
    }
  }
  return out;
}

/**
 * A service on EC2 capacity: its instances are priced on their Auto Scaling group, so only what
 * ECS attaches to each task (a managed EBS volume) is priced here.
 */
function onEc2(svc: Resource, env: CostEnv, strategy: StrategyItem[]): SideEstimate {
  const asgs = capacityAsgs(svc, env, strategy);
  const where =
    asgs.length > 0 ? `see ${asgs.join(', ')}` : 'its container instances are priced on their Auto Scaling group (not in this plan)';
  const attached = taskAttachments(svc);
  // On EC2 a task has no public IPv4 address of its own (assign_public_ip is for Fargate).
  const onEc2Attached: TaskAttachments = {
    ...attached,
    publicIpv4: 'off',
    unknown: attached.unknown.filter((u) => !u.includes('assign_public_ip')),
  };
  const notes = [`runs on EC2 capacity: ${where}`, ...attachmentNotes(onEc2Attached)];
  if (!onEc2Attached.volume && onEc2Attached.unknown.length === 0)
    return emptyEstimate({ description: 'EC2 capacity', monthly: 0, min: 0, max: 0, notes });
  const counts = serviceCounts(svc, env);
  const p = new Pricer(env, svc.region);
  const est = withAttachments(
    scaled(counts, (n) => taskVolumeComponents(p, onEc2Attached, n)),
    onEc2Attached,
  );
  notes.push(...(counts.problems ?? []));
  if (counts.sensitive) notes.push(sensitiveNote('the task count'));
  return {
    ...est,
    description: `EC2 capacity${volumeText(onEc2Attached)} × ${countText(counts.point, counts.sensitive)}`,
    unpriced: p.unpriced,
    notes,
    advice: [],
  };
}

/** Figures are unknown when an attachment is known only after apply. */
function withAttachments<T extends { monthly: number | null; min: number | null; max: number | null }>(est: T, a: TaskAttachments): T {
  return a.unknown.length > 0 ? { ...est, monthly: null, min: null, max: null } : est;
}

function attachmentNotes(a: TaskAttachments): string[] {
  const out = [...a.notes, ...a.unknown.map((u) => `${u}, so the cost is unknown`)];
  if (a.volume) out.push(`ECS creates one EBS volume per task (${a.volume.sizeGiB} GB ${a.volume.type}), priced per task`);
  if (a.publicIpv4 === 'on') out.push('assign_public_ip gives each Fargate task a public IPv4 address, billed per address-hour');
  return out;
}

function volumeText(a: TaskAttachments): string {
  return a.volume ? ` + ${a.volume.sizeGiB} GB ${a.volume.type} volume` : '';
}

/** What the task volumes and addresses cost a month (the same on ARM64 or Spot); null when unknown. */
function attachedMonthly(components: CostComponent[]): number | null {
  return sumMonthly(components.filter((c) => !c.name.startsWith('Fargate')));
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

/** Deployment strategies that run the new (green) tasks at full count beside the old (blue) ones until the bake time ends. */
const BOTH_FLEETS = ['BLUE_GREEN', 'LINEAR', 'CANARY'];

/** The deployment strategy's peak: how many times the desired count runs at once during a deployment, with the note that says why. */
function deploymentPeak(svc: Resource): { factor: number; note?: string } {
  const s = svc.current.str(['deployment_configuration', 0, 'strategy']);
  if (s.state !== 'known' || !BOTH_FLEETS.includes(s.value)) return { factor: 1 };
  const bake = svc.current.num(['deployment_configuration', 0, 'bake_time_in_minutes']);
  const window =
    bake.state === 'known' && !bake.sensitive
      ? `through the bake time (bake_time_in_minutes = ${qty(bake.value)})`
      : 'through the bake time';
  return {
    factor: 2,
    note:
      `its ${s.sensitive ? 'deployment strategy' : s.value} deployments run the new tasks at full count beside the old ones from scale-up ${window}: ` +
      "the range's max counts twice the maximum task count for that window (ECS API ServiceDeployment lifecycle stages)",
  };
}

/** The counts with the deployment peak in the max. */
function withPeak(counts: Counts, peak: { factor: number }): Counts {
  return peak.factor === 1 || counts.max === null ? counts : { ...counts, max: counts.max * peak.factor };
}

/**
 * A service on ECS Managed Instances providers: per provider, its share of the tasks on the
 * cheapest type that fits one task (the point figure and the min: one task per instance) up to
 * the priciest allowed type (the max), each with the management fee. The point figure is a
 * floor for that many tasks on their own instances; ECS may pack several tasks on a larger
 * instance. Never $0: without prices it stays unknown.
 */
function onManagedInstances(svc: Resource, env: CostEnv, strategy: StrategyItem[], managedCount: number): SideEstimate {
  if (managedCount < strategy.length)
    return emptyEstimate({
      notes: [
        'its capacity provider strategy mixes Managed Instances providers with other providers, which ECS rejects (see ECS_CP_MIXED), so it is not priced',
      ],
    });
  const td = env.graph.one(svc, 'task-definition');
  if (!td)
    return emptyEstimate({ notes: ['its task definition is not in this plan, so the task size and the instances it needs are unknown'] });
  const cpu = taskCpu(td.current);
  const mem = taskMemory(td.current);
  if (cpu.state !== 'known' || mem.state !== 'known' || !(cpu.value > 0) || !(mem.value > 0))
    return emptyEstimate({
      notes: ["the task definition's cpu and memory are not both known positive numbers, so the instances it needs are unknown"],
    });
  const plat = platformOf(td.current);
  if (plat.arch.state === 'unknown') return emptyEstimate({ notes: ["the task definition's cpu_architecture is known only after apply"] });
  const arch = plat.arch.state === 'known' && plat.arch.value === 'ARM64' ? 'arm64' : 'x86_64';
  const deployment = deploymentPeak(svc);
  const counts = withPeak(serviceCounts(svc, env), deployment);
  const p = new Pricer(env, svc.region);
  const notes: string[] = [...(counts.problems ?? [])];
  const runs: { name: string; cheapest?: string; priciest?: string; market: Market; bounded: boolean }[] = [];
  for (const s of strategy) {
    const cp = providerNamed(svc, s.capacityProvider, env.graph);
    if (!cp) return emptyEstimate({ notes: [`capacity provider ${JSON.stringify(s.capacityProvider)} is not in this plan`] });
    const spec = managedInstancesSpec(cp, env, svc.region, { cpu: cpu.value, memoryMiB: mem.value, arch });
    if ('why' in spec) return emptyEstimate({ notes: [spec.why] });
    const market: Market = spec.market === 'SPOT' ? { spot: true, discountPercent: env.spotDiscountPercent } : { spot: false };
    const shown = cpu.sensitive || mem.sensitive ? '(sensitive)' : `${qty(cpu.value / 1024)} vCPU / ${qty(mem.value)} MiB`;
    if (spec.candidates.length === 0) {
      notes.push(
        spec.unpricedTypes.length > 0
          ? `${cp.address}: none of the ${spec.unpricedTypes.length} instance types its requirements allow for a ${shown} task has an EC2 price for ${svc.region} in the snapshot`
          : `${cp.address}: no instance type in the instance data meets its requirements and fits a ${shown} task`,
      );
      runs.push({ name: s.capacityProvider, market, bounded: false });
      continue;
    }
    const cheapest = spec.candidates[0]!.type;
    const priciest = spec.candidates[spec.candidates.length - 1]!.type;
    runs.push({ name: s.capacityProvider, cheapest, priciest, market, bounded: spec.bounded });
    notes.push(
      `${cp.address} (${spec.market === 'SPOT' ? 'Spot' : 'on-demand'}): ${spec.candidates.length} instance types meet its requirements and fit a ${shown} task, ` +
        `from ${cheapest} to ${priciest}; the estimate runs each task on its own ${cheapest}` +
        (spec.bounded
          ? `, and the max on its own ${priciest}`
          : '; its requirements set no vCPU or memory maximum and no allowed types, so the max is unbounded'),
    );
    if (spec.unpricedTypes.length > 0)
      notes.push(
        `${cp.address}: ${spec.unpricedTypes.length} allowed types have no EC2 price for ${svc.region} in the snapshot and are left out of the range`,
      );
    for (const n of spec.notApplied) notes.push(`${cp.address}: not applied: ${n}`);
    if (spec.storageGiB !== undefined)
      notes.push(
        `${cp.address}: each instance also has a ${qty(spec.storageGiB)} GiB data volume (storage_size_gib); AWS does not document its EBS volume type, so it is not priced`,
      );
  }
  const at = (n: number, which: 'cheapest' | 'priciest'): CostComponent[] =>
    [...splitTasks(strategy, n)].flatMap(([name, tasks]) => {
      const run = runs.find((r) => r.name === name)!;
      const type = run[which];
      // No allowed type: one unpriced component keeps the figure unknown (never $0).
      if (!type)
        return [p.component(`ECS Managed Instances (${name}): no priced instance type`, 'hours', null, `ecs-managed-instances/${name}`)];
      return managedInstanceComponents(p, type, tasks, run.market);
    });
  const low = scaled(counts, (n) => at(n, 'cheapest'));
  const total = (n: number | null) => (n === null ? null : sumMonthly(at(n, 'priciest')));
  const max = runs.every((r) => r.bounded) ? total(counts.max) : null;
  notes.push(
    'ECS Managed Instances is usage-based: ECS picks the instance types and may pack several tasks on one instance; ' +
      'the figure is the cheapest allowed type per task, the range runs up to the priciest allowed type per task at the maximum task count',
  );
  if (runs.some((r) => r.market.spot))
    notes.push(
      `Spot instances are estimated at ${env.spotDiscountPercent}% off on-demand (Spot prices vary and are not in the AWS Price List)`,
    );
  if (deployment.note && counts.max !== null) notes.push(deployment.note);
  if (counts.sensitive || cpu.sensitive || mem.sensitive) notes.push(sensitiveNote('the task count or the task size'));
  return {
    ...low,
    max,
    description: `ECS Managed Instances, ${runs.map((r) => r.cheapest ?? 'no priced type').join(' / ')} per task × ${countText(counts.point, counts.sensitive)}`,
    unpriced: p.unpriced,
    notes,
    advice: [],
  };
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
