import { z } from 'zod';
import type { Lookup } from './values.js';
import type { Attributes } from './read.js';

/**
 * `aws_ecs_task_definition`: the `container_definitions` JSON string parsed into containers, and
 * task `cpu` / `memory` normalised from `"512"`, `"1 vCPU"`, `"0.5 vcpu"`, `"2 GB"` into CPU units
 * and MiB.
 */
/** A container definition's schema, built once, on first use (a plan without task definitions never needs it). */
function buildContainerSchema() {
  const n = z.number().nullish().catch(undefined);
  const s = z.string().nullish().catch(undefined);
  const b = z.boolean().nullish().catch(undefined);

  const ContainerSchema = z.looseObject({
    name: s,
    image: s,
    cpu: n,
    memory: n,
    memoryReservation: n,
    essential: b,
    privileged: b,
    disableNetworking: b,
    links: z.array(z.unknown()).nullish().catch(undefined),
    dnsServers: z.array(z.unknown()).nullish().catch(undefined),
    dnsSearchDomains: z.array(z.unknown()).nullish().catch(undefined),
    dockerSecurityOptions: z.array(z.unknown()).nullish().catch(undefined),
    extraHosts: z.array(z.unknown()).nullish().catch(undefined),
    portMappings: z
      .array(z.looseObject({ containerPort: n, hostPort: n, protocol: s }))
      .nullish()
      .catch(undefined),
    logConfiguration: z
      .looseObject({ logDriver: s, options: z.record(z.string(), z.unknown()).nullish().catch(undefined) })
      .nullish()
      .catch(undefined),
    secrets: z.array(z.unknown()).nullish().catch(undefined),
    repositoryCredentials: z.unknown().optional(),
    resourceRequirements: z
      .array(z.looseObject({ type: s, value: s }))
      .nullish()
      .catch(undefined),
    linuxParameters: z
      .looseObject({
        capabilities: z
          .looseObject({ add: z.array(z.string()).nullish().catch(undefined), drop: z.array(z.string()).nullish().catch(undefined) })
          .nullish()
          .catch(undefined),
        devices: z.array(z.unknown()).nullish().catch(undefined),
        sharedMemorySize: n,
        tmpfs: z.array(z.unknown()).nullish().catch(undefined),
        maxSwap: n,
        swappiness: n,
        initProcessEnabled: b,
      })
      .nullish()
      .catch(undefined),
  });
  return ContainerSchema;
}
let containerSchemaBuilt: ReturnType<typeof buildContainerSchema> | undefined;
export function containerSchema(): ReturnType<typeof buildContainerSchema> {
  return (containerSchemaBuilt ??= buildContainerSchema());
}
export type Container = z.infer<ReturnType<typeof buildContainerSchema>>;

export type Containers =
  | { state: 'known'; containers: Container[]; sensitive: boolean }
  | { state: 'unknown' }
  | { state: 'absent' }
  | { state: 'invalid'; reason: string; sensitive: boolean };

/**
 * Parsed once per reading: the checks and the estimators all read the containers of the same
 * task definitions, and an `Attributes` never changes. The result is shared; callers must not change it.
 */
const PARSED = new WeakMap<Attributes, Containers>();

export function parseContainers(values: Attributes): Containers {
  let c = PARSED.get(values);
  if (!c) {
    c = parseContainersOnce(values);
    PARSED.set(values, c);
  }
  return c;
}

function parseContainersOnce(values: Attributes): Containers {
  const l = values.get('container_definitions');
  if (l.state === 'unknown') return { state: 'unknown' };
  if (l.state === 'absent') return { state: 'absent' };
  let doc: unknown = l.value;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return { state: 'invalid', reason: 'container_definitions is not valid JSON', sensitive: l.sensitive };
    }
  }
  if (!Array.isArray(doc)) return { state: 'invalid', reason: 'container_definitions is not a JSON array', sensitive: l.sensitive };
  const schema = containerSchema();
  const containers = doc.map((c) => {
    const r = schema.safeParse(c);
    return r.success ? r.data : ({} as Container);
  });
  return { state: 'known', containers, sensitive: l.sensitive };
}

/** CPU units from `"512"`, `"1 vCPU"`, `"0.25 vcpu"`. Undefined when it cannot be read. */
export function parseCpuUnits(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const t = v.trim();
  const units = /^(\d+)$/.exec(t);
  if (units) return Number(units[1]);
  const vcpu = /^(\d+(?:\.\d+)?)\s*vcpus?$/i.exec(t);
  if (vcpu) return Math.round(Number(vcpu[1]) * 1024);
  return undefined;
}

/** MiB from `"1024"`, `"2 GB"`, `"0.5GB"`, `"512 MiB"`. Undefined when it cannot be read. */
export function parseMemoryMiB(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const t = v.trim();
  const mib = /^(\d+)\s*(?:mi?b)?$/i.exec(t);
  if (mib) return Number(mib[1]);
  const gb = /^(\d+(?:\.\d+)?)\s*gi?b$/i.exec(t);
  if (gb) return Math.round(Number(gb[1]) * 1024);
  return undefined;
}

export type Size = Lookup<number> | { state: 'invalid'; raw: string; sensitive: boolean };

function size(values: Attributes, attr: 'cpu' | 'memory'): Size {
  const l = values.get(attr);
  if (l.state !== 'known') return l;
  if (typeof l.value !== 'string' && typeof l.value !== 'number') return { state: 'invalid', raw: '', sensitive: l.sensitive };
  const parsed = attr === 'cpu' ? parseCpuUnits(l.value) : parseMemoryMiB(l.value);
  if (parsed === undefined) return { state: 'invalid', raw: String(l.value), sensitive: l.sensitive };
  return { state: 'known', value: parsed, sensitive: l.sensitive };
}

export const taskCpu = (values: Attributes): Size => size(values, 'cpu');
export const taskMemory = (values: Attributes): Size => size(values, 'memory');

export type OsFamily = 'LINUX' | 'WINDOWS';
export type CpuArch = 'X86_64' | 'ARM64';

export interface Platform {
  os: Lookup<OsFamily>;
  osFamily: Lookup<string>;
  arch: Lookup<CpuArch>;
}

/** `runtime_platform[0]`: LINUX / X86_64 when not set (the provider facts record ECS's defaults). */
export function platformOf(values: Attributes): Platform {
  const fam = values.str(['runtime_platform', 0, 'operating_system_family']);
  const arch = values.str(['runtime_platform', 0, 'cpu_architecture']);
  const os: Lookup<OsFamily> =
    fam.state === 'known'
      ? { state: 'known', value: fam.value.toUpperCase().startsWith('WINDOWS') ? 'WINDOWS' : 'LINUX', sensitive: fam.sensitive }
      : fam;
  const a: Lookup<CpuArch> =
    arch.state === 'known'
      ? { state: 'known', value: arch.value.toUpperCase() === 'ARM64' ? 'ARM64' : 'X86_64', sensitive: arch.sensitive }
      : arch;
  return { os, osFamily: fam, arch: a };
}
