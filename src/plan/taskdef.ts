import type { Lookup } from './values.js';
import type { Attributes } from './read.js';
import type { Container } from './taskdef-schema.js';

export type { Container } from './taskdef-schema.js';

/**
 * `aws_ecs_task_definition`: the `container_definitions` JSON string parsed into containers, and
 * task `cpu` / `memory` normalised from `"512"`, `"1 vCPU"`, `"0.5 vcpu"`, `"2 GB"` into CPU units
 * and MiB.
 */
/**
 * One container definition read exactly as `containerSchema()` (src/plan/taskdef-schema.ts) parses
 * it, in plain code, so that reading a task definition does not load zod: the schema's fields in
 * its order (a field only when the definition has it), then the definition's other fields in their
 * order. A field of the wrong type reads as `undefined`; `null` stays `null`. A definition that is
 * not an object reads as `{}`. tests/fuzz/container-parser.test.ts checks it against the schema.
 * The input is parsed JSON: objects are plain and own every key they have.
 */
export function readContainer(c: unknown): Container {
  if (!isObject(c)) return {} as Container;
  return looseObject(c, CONTAINER) as Container;
}

type Read = (v: unknown) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `z.X().nullish().catch(undefined)`: `null` and `undefined` as they are, a value that `fits` as it is, anything else `undefined`. */
const nullish =
  (fits: (v: unknown) => boolean): Read =>
  (v) =>
    v === null || v === undefined || fits(v) ? v : undefined;

/** The same for a value `read` makes anew (an object, an array): `read` returns `undefined` when the value does not fit. */
const nullishRead =
  (read: Read): Read =>
  (v) =>
    v === null || v === undefined ? v : read(v);

const num = nullish((v) => typeof v === 'number' && Number.isFinite(v));
const str = nullish((v) => typeof v === 'string');
const bool = nullish((v) => typeof v === 'boolean');

/** `z.array(z.unknown())`: a copy. */
const anyArray = nullishRead((v) => (Array.isArray(v) ? Array.from(v) : undefined));

/** `z.array(item)` where `item` returns `undefined` for an element that does not fit: the whole array then does not fit. */
const arrayOf = (item: Read): Read =>
  nullishRead((v) => {
    if (!Array.isArray(v)) return undefined;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const r = item(v[i]);
      if (r === undefined) return undefined;
      out[i] = r;
    }
    return out;
  });

/** `z.string()` as an array element: `undefined` when it does not fit. */
const strictString: Read = (v) => (typeof v === 'string' ? v : undefined);

/** `z.record(z.string(), z.unknown())`: a copy of the object's own keys. */
const record = nullishRead((v) => {
  if (!isObject(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) if (k !== '__proto__') out[k] = v[k];
  return out;
});

type Fields = ReadonlyMap<string, Read>;

/**
 * `z.looseObject(fields)` of an object: each field the object has, read, in the fields' order; then
 * the object's other keys as they are, in its order (`__proto__` is dropped, as zod does).
 */
function looseObject(v: Record<string, unknown>, fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, read] of fields) if (k in v) out[k] = read(v[k]);
  for (const k in v) if (k !== '__proto__' && !fields.has(k)) out[k] = v[k];
  return out;
}

/** `z.looseObject(fields)` as an element or a field: `undefined` when the value is not an object. */
const objectOf =
  (fields: Fields): Read =>
  (v) =>
    isObject(v) ? looseObject(v, fields) : undefined;

const CONTAINER: Fields = new Map<string, Read>([
  ['name', str],
  ['image', str],
  ['cpu', num],
  ['memory', num],
  ['memoryReservation', num],
  ['essential', bool],
  ['privileged', bool],
  ['disableNetworking', bool],
  ['links', anyArray],
  ['dnsServers', anyArray],
  ['dnsSearchDomains', anyArray],
  ['dockerSecurityOptions', anyArray],
  ['extraHosts', anyArray],
  [
    'portMappings',
    arrayOf(
      objectOf(
        new Map([
          ['containerPort', num],
          ['hostPort', num],
          ['protocol', str],
        ]),
      ),
    ),
  ],
  [
    'logConfiguration',
    nullishRead(
      objectOf(
        new Map([
          ['logDriver', str],
          ['options', record],
        ]),
      ),
    ),
  ],
  ['secrets', anyArray],
  ['repositoryCredentials', (v) => v],
  [
    'resourceRequirements',
    arrayOf(
      objectOf(
        new Map([
          ['type', str],
          ['value', str],
        ]),
      ),
    ),
  ],
  [
    'linuxParameters',
    nullishRead(
      objectOf(
        new Map<string, Read>([
          [
            'capabilities',
            nullishRead(
              objectOf(
                new Map([
                  ['add', arrayOf(strictString)],
                  ['drop', arrayOf(strictString)],
                ]),
              ),
            ),
          ],
          ['devices', anyArray],
          ['sharedMemorySize', num],
          ['tmpfs', anyArray],
          ['maxSwap', num],
          ['swappiness', num],
          ['initProcessEnabled', bool],
        ]),
      ),
    ),
  ],
]);

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
  const containers = doc.map(readContainer);
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
