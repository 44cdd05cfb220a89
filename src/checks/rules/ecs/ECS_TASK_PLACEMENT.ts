import type { AnalysisContext } from '../../../engine/context.js';
import { ecsInstanceOffer, type InstanceOffer } from '../../../aws/facts-placement.js';
import { isFargateProvider, servicePlacement } from '../../../plan/ecs.js';
import type { Resource } from '../../../plan/model.js';
import { parseContainers, platformOf, taskCpu, taskMemory, type Container } from '../../../plan/taskdef.js';
import { literal } from '../../show.js';
import type { Rule } from '../../types.js';
import { asgInstanceTypes, clusterOf, taskDefinitionOf } from './util.js';

/** What one task asks of a container instance. */
interface TaskNeeds {
  cpu: number;
  memoryMiB: number;
  gpus: number;
  /** Inferentia/Trainium devices (`/dev/neuron*` in linuxParameters.devices). */
  neuronDevices: number;
  arch: 'X86_64' | 'ARM64';
}

/**
 * Will the service's tasks ever be placed? On EC2 capacity (a launch type, the service's or the
 * cluster's default capacity provider strategy backed by Auto Scaling groups) each task needs one
 * container instance with enough registered CPU and memory, its architecture, and its GPUs. A
 * container instance registers 1,024 CPU units per vCPU and less memory than the type's nominal
 * size (ECS Developer Guide, memory-management). When no instance type the capacity can launch
 * fits one task, `terraform apply` succeeds and the service sits in PROVISIONING.
 */
export const ECS_TASK_PLACEMENT: Rule = {
  id: 'ECS_TASK_PLACEMENT',
  severity: 'warning',
  title: 'Tasks fit the EC2 capacity they are placed on',
  types: ['aws_ecs_service'],
  reads: [
    'aws_autoscaling_group',
    'aws_ecs_capacity_provider',
    'aws_ecs_cluster',
    'aws_ecs_cluster_capacity_providers',
    'aws_ecs_task_definition',
    'aws_launch_template',
  ],
  check(service, ctx) {
    // Where the tasks go first: a service on Fargate (most) needs no reading of its task definition.
    const capacity = capacityTypes(service, ctx);
    if (!capacity || capacity.types.length === 0) return [];
    const td = taskDefinitionOf(service, ctx);
    const needs = td && taskNeeds(td);
    if (!needs) return [];
    const offers: InstanceOffer[] = [];
    for (const t of capacity.types) {
      const o = ecsInstanceOffer(t);
      if (!o) return [];
      offers.push(o);
    }
    const misses = offers.map((o) => ({ o, missing: missing(needs, o) }));
    const bad = misses.filter((m) => m.missing.length > 0);
    if (bad.length === 0) return [];
    const devices = needs.neuronDevices ? `, ${needs.neuronDevices} Neuron device${needs.neuronDevices > 1 ? 's' : ''}` : '';
    const asked = `a task of ${td.address} needs ${needs.cpu} CPU units, ${needs.memoryMiB} MiB${needs.gpus ? `, ${needs.gpus} GPU${needs.gpus > 1 ? 's' : ''}` : ''}${devices} and ${needs.arch}`;
    if (bad.length === misses.length) {
      const largest = [...bad].sort((a, b) => b.o.memoryMiB - a.o.memoryMiB || b.o.cpu - a.o.cpu)[0]!;
      return [
        {
          path: capacity.path,
          message:
            `${asked}, but no instance type of ${capacity.label} can hold one: the largest, ${literal(largest.o.type)}, ${largest.missing.join('; ')}. ` +
            'ECS cannot place the tasks and the service stays in PROVISIONING; use a larger or matching instance type, or smaller tasks',
        },
      ];
    }
    return [
      {
        severity: 'info',
        path: capacity.path,
        message: `${asked}; of the instance types ${capacity.label} can launch, ${bad.map((b) => `${literal(b.o.type)} (${b.missing.join('; ')})`).join(', ')} cannot hold one, so tasks are placed only on the others`,
      },
    ];
  },
};

function missing(n: TaskNeeds, o: InstanceOffer): string[] {
  const out: string[] = [];
  if (n.cpu > o.cpu) out.push(`registers ${o.cpu} CPU units`);
  // A container instance registers less memory than the type's nominal size.
  if (n.memoryMiB >= o.memoryMiB) out.push(`has ${o.memoryMiB} MiB nominal memory, of which it registers less`);
  if (o.arch && (o.arch === 'arm64') !== (n.arch === 'ARM64')) out.push(`is ${o.arch}`);
  if (n.gpus > o.gpus) out.push(o.gpus ? `has ${o.gpus} GPU${o.gpus > 1 ? 's' : ''}` : 'has no GPU');
  if (n.neuronDevices > o.neuronDevices)
    out.push(
      o.neuronDevices ? `has ${o.neuronDevices} Neuron device${o.neuronDevices > 1 ? 's' : ''}` : 'has no Inferentia or Trainium device',
    );
  return out;
}

/** The task's CPU, memory, GPUs and architecture; undefined when any is unknown or sensitive. */
function taskNeeds(td: Resource): TaskNeeds | undefined {
  const containers = parseContainers(td.current);
  if (containers.state !== 'known' || containers.sensitive) return undefined;
  const cpu = taskCpu(td.current);
  const mem = taskMemory(td.current);
  if (
    cpu.state === 'unknown' ||
    mem.state === 'unknown' ||
    cpu.state === 'invalid' ||
    mem.state === 'invalid' ||
    cpu.sensitive ||
    mem.sensitive
  )
    return undefined;
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
  const list = containers.containers;
  const sum = (pick: (c: Container) => unknown) => list.reduce((a, c) => a + (num(pick(c)) ?? 0), 0);
  const arch = platformOf(td.current).arch;
  if (arch.state !== 'known' || arch.sensitive) return undefined;
  const gpus = list.reduce(
    (a, c) => a + (c.resourceRequirements ?? []).filter((r) => r.type === 'GPU').reduce((g, r) => g + (num(r.value) ?? 0), 0),
    0,
  );
  // Inferentia and Trainium devices are mapped into containers as /dev/neuronN (ECS Developer Guide, ecs-inference).
  const neuron = new Set<string>();
  for (const c of list) {
    for (const d of c.linuxParameters?.devices ?? []) {
      const host = d && typeof d === 'object' ? (d as { hostPath?: unknown }).hostPath : undefined;
      if (typeof host === 'string' && /^\/dev\/neuron\d+$/.test(host)) neuron.add(host);
    }
  }
  return {
    neuronDevices: neuron.size,
    cpu: cpu.state === 'known' ? cpu.value : sum((c) => c.cpu),
    memoryMiB: mem.state === 'known' ? mem.value : sum((c) => c.memoryReservation ?? c.memory),
    gpus,
    arch: arch.value,
  };
}

/** The instance types of the EC2 capacity the service's tasks are placed on; undefined when it cannot be told. */
function capacityTypes(service: Resource, ctx: AnalysisContext): { types: string[]; label: string; path: string } | undefined {
  const placement = servicePlacement(service, ctx.graph);
  let providers: Resource[];
  let path: string;
  if (placement.kind === 'strategy') {
    if (placement.strategy.some((s) => isFargateProvider(s.capacityProvider))) return undefined;
    providers = [];
    for (const s of placement.strategy) {
      const cp = providerNamed(s.capacityProvider, service, ctx);
      if (!cp) return undefined;
      providers.push(cp);
    }
    path = placement.from === 'service' ? 'capacity_provider_strategy' : 'cluster';
  } else if ((placement.kind === 'launch-type' && placement.launchType === 'EC2') || placement.kind === 'default') {
    const cluster = clusterOf(service, ctx);
    if (!cluster) return undefined;
    providers = ctx.graph.out(cluster, 'cluster-capacity-providers').flatMap((c) => ctx.graph.out(c, 'capacity-provider'));
    path = 'launch_type';
  } else {
    return undefined;
  }
  const types = new Set<string>();
  const asgs: string[] = [];
  for (const cp of providers) {
    const asg = ctx.graph.one(cp, 'autoscaling-group');
    const t = asg && asgInstanceTypes(asg, ctx);
    if (!asg || !t) return undefined;
    asgs.push(asg.address);
    for (const x of t) types.add(x);
  }
  return { types: [...types], label: asgs.join(', '), path };
}

/** The capacity provider a strategy names: among those associated with the service's cluster, else all in the plan. */
export function providerNamed(name: string, service: Resource, ctx: AnalysisContext): Resource | undefined {
  const cluster = clusterOf(service, ctx);
  const associated = cluster
    ? ctx.graph.out(cluster, 'cluster-capacity-providers').flatMap((c) => ctx.graph.out(c, 'capacity-provider'))
    : [];
  const pool = associated.length > 0 ? associated : (ctx.model.byType.get('aws_ecs_capacity_provider') ?? []);
  const hits = pool.filter((cp) => {
    const n = cp.current.str('name');
    return cp.action !== 'delete' && n.state === 'known' && n.value === name;
  });
  return hits.length === 1 ? hits[0] : undefined;
}
