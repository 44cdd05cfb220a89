import placementJson from './data/placement.json' with { type: 'json' };
import { embedded, type Zod } from '../load/embedded.js';
import { instanceType } from './facts.js';

/**
 * What one EC2 instance offers to ECS tasks and to Kubernetes pods (src/aws/data/placement.json,
 * with its sources): ECS registers 1,024 CPU units per vCPU and less memory than the type's
 * nominal size; an EKS node keeps kube-reserved CPU and memory and an eviction threshold back
 * from its pods, and runs at most its max pods.
 */

/** The data files' schemas, made only when the test suite checks the data against them, with the zod it passes (never at start). */
function schemas(z: Zod) {
  const Placement = z.object({
    _meta: z.object({ description: z.string(), version: z.number(), date: z.string() }).loose(),
    ecs: z.object({ cpuUnitsPerVcpu: z.number(), registeredMemoryBelowNominal: z.boolean(), source: z.string() }),
    eks: z.object({
      kubeReservedMemory: z.object({ perPodMiB: z.number(), baseMiB: z.number() }),
      kubeReservedCpu: z.array(z.object({ cores: z.number().nullable(), fraction: z.number() })),
      evictionHardMemoryMiB: z.number(),
      managedNodeGroupMaxPods: z.object({ under30Vcpu: z.number(), atLeast30Vcpu: z.number() }),
      source: z.string(),
    }),
  });
  return { Placement };
}

export const placementFacts = embedded('placement.json', (z) => schemas(z).Placement, placementJson);

export type Arch = 'x86_64' | 'arm64';

export interface InstanceOffer {
  type: string;
  arch: Arch | undefined;
  /** ECS: CPU units; EKS: allocatable millicores. */
  cpu: number;
  /** ECS: the nominal MiB, which a task must stay below; EKS: allocatable MiB. */
  memoryMiB: number;
  gpus: number;
  /** Inferentia / Trainium devices. */
  neuronDevices: number;
  maxPods?: number;
}

/** What an ECS container instance of a type offers; undefined when the type's facts are missing. */
export function ecsInstanceOffer(type: string): InstanceOffer | undefined {
  const it = instanceType(type);
  if (!it || it.vcpu === undefined || it.memoryMiB === undefined) return undefined;
  return {
    type,
    arch: it.arch,
    cpu: it.vcpu * placementFacts.ecs.cpuUnitsPerVcpu,
    memoryMiB: it.memoryMiB,
    gpus: it.gpu?.count ?? 0,
    neuronDevices: it.accelerator?.count ?? 0,
  };
}

/** The pods a managed node group's node of a type runs at most. */
export function eksMaxPods(type: string): number | undefined {
  const it = instanceType(type);
  const eni = it?.eksMaxPodsNodeadm ?? it?.eksMaxPods;
  if (!it || eni === undefined || it.vcpu === undefined) return undefined;
  const cap =
    it.vcpu < 30 ? placementFacts.eks.managedNodeGroupMaxPods.under30Vcpu : placementFacts.eks.managedNodeGroupMaxPods.atLeast30Vcpu;
  return Math.min(eni, cap);
}

/** What a Kubernetes node of a type can give its pods (allocatable); undefined when the facts are missing. */
export function eksNodeOffer(type: string): InstanceOffer | undefined {
  const it = instanceType(type);
  const maxPods = eksMaxPods(type);
  if (!it || it.vcpu === undefined || it.memoryMiB === undefined || maxPods === undefined) return undefined;
  const { kubeReservedMemory, kubeReservedCpu, evictionHardMemoryMiB } = placementFacts.eks;
  let left = it.vcpu;
  let reserved = 0;
  for (const tier of kubeReservedCpu) {
    const cores = tier.cores === null ? left : Math.min(left, tier.cores);
    reserved += cores * 1000 * tier.fraction;
    left -= cores;
    if (left <= 0) break;
  }
  const memReserved = kubeReservedMemory.perPodMiB * maxPods + kubeReservedMemory.baseMiB + evictionHardMemoryMiB;
  return {
    type,
    arch: it.arch,
    cpu: it.vcpu * 1000 - reserved,
    memoryMiB: it.memoryMiB - memReserved,
    gpus: it.gpu?.count ?? 0,
    neuronDevices: it.accelerator?.count ?? 0,
    maxPods,
  };
}
