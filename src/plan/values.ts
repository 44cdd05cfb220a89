/**
 * Reading attribute values together with their unknown and sensitive masks.
 *
 * Terraform writes an object's value, an `after_unknown` mask and a `*_sensitive` mask of the same
 * shape. A mask can be `true` at any level (everything below is unknown / sensitive), an object or
 * array mirroring the value, or `false`/absent. Every read here walks the three together, so a
 * caller always learns whether a value is known, unknown (computed at apply) or absent, and
 * whether it is sensitive. Nothing is silently `undefined`.
 */
export type PathStep = string | number;
export type Path = readonly PathStep[];

export type Lookup<T = unknown> =
  { state: 'known'; value: T; sensitive: boolean } | { state: 'unknown'; sensitive: boolean } | { state: 'absent'; sensitive: boolean };

export class Values {
  static readonly EMPTY = new Values(null, undefined, undefined);

  constructor(
    readonly raw: unknown,
    readonly unknownMask: unknown,
    readonly sensitiveMask: unknown,
    /** The run's parsed paths (none: each string path is parsed when read). */
    private readonly paths?: PathMemo,
  ) {}

  /** The steps of a path given as steps or as a string (`a.b[0].c`). */
  steps(path: Path | string): Path {
    return typeof path !== 'string' ? path : this.paths ? this.paths.parse(path) : parsePath(path);
  }

  /** True when the object as a whole is absent (e.g. `after` of a delete). */
  get isNull(): boolean {
    return this.raw === null || this.raw === undefined;
  }

  get(path: Path | string): Lookup {
    const l = this.lookInto(this.steps(path), GET_SCRATCH);
    return l.state === 'known' ? { state: 'known', value: l.value, sensitive: l.sensitive } : { state: l.state, sensitive: l.sensitive };
  }

  /**
   * The lookup of `get`, written into `out` instead of a new object, for readers on hot paths that
   * take the result apart at once (`out` is overwritten by the next call). `get` reads through it.
   */
  lookInto(steps: Path, out: Scratch): Scratch {
    let v: unknown = this.raw;
    let u: unknown = this.unknownMask;
    let s: unknown = this.sensitiveMask;
    let sensitive = s === true;
    out.value = undefined;
    if (u === true) return into(out, 'unknown', sensitive);
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      u = child(u, step);
      s = child(s, step);
      if (s === true) sensitive = true;
      if (u === true) return into(out, 'unknown', sensitive);
      v = child(v, step);
      // Not unknown at this step (checked above) and no value: absent, whatever the masks hold deeper down.
      if (v === undefined || v === null) return into(out, 'absent', sensitive);
    }
    if (v === undefined || v === null) return into(out, 'absent', sensitive);
    out.value = v;
    return into(out, 'known', sensitive);
  }

  /** The known value at path when it has the wanted type; `invalid` when it has another. */
  typed<T>(path: Path | string, guard: (v: unknown) => v is T): Lookup<T> | { state: 'invalid'; sensitive: boolean } {
    const l = this.get(path);
    if (l.state !== 'known') return l;
    return guard(l.value) ? (l as Lookup<T>) : { state: 'invalid', sensitive: l.sensitive };
  }

  /** Strings; numbers and booleans in their string form. Any other known value reads as absent (typed() tells it apart). */
  str(path: Path | string): Lookup<string> {
    const l = this.get(path);
    if (l.state !== 'known') return l;
    if (typeof l.value === 'string') return l as Lookup<string>;
    if (typeof l.value === 'number' || typeof l.value === 'boolean')
      return { state: 'known', value: String(l.value), sensitive: l.sensitive };
    return { state: 'absent', sensitive: l.sensitive };
  }

  /** Numbers; numeric strings are accepted (Terraform writes some numbers as strings). Anything else reads as absent. */
  num(path: Path | string): Lookup<number> {
    const l = this.get(path);
    if (l.state !== 'known') return l;
    if (typeof l.value === 'number' && Number.isFinite(l.value)) return l as Lookup<number>;
    if (typeof l.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(l.value)) {
      return { state: 'known', value: Number(l.value), sensitive: l.sensitive };
    }
    return { state: 'absent', sensitive: l.sensitive };
  }

  /** Booleans; `"true"`/`"false"` strings are accepted. Anything else reads as absent. */
  bool(path: Path | string): Lookup<boolean> {
    const l = this.get(path);
    if (l.state !== 'known') return l;
    if (typeof l.value === 'boolean') return l as Lookup<boolean>;
    if (l.value === 'true' || l.value === 'false') return { state: 'known', value: l.value === 'true', sensitive: l.sensitive };
    return { state: 'absent', sensitive: l.sensitive };
  }

  /** A list (block list); absent when the value is not an array, unknown when the list itself is unknown. */
  list(path: Path | string): Lookup<unknown[]> {
    const l = this.get(path);
    if (l.state !== 'known') return l;
    return Array.isArray(l.value) ? (l as Lookup<unknown[]>) : { state: 'absent', sensitive: l.sensitive };
  }

  /** A Values view rooted at path (for nested blocks). */
  at(path: Path | string): Values {
    const steps = this.steps(path);
    let v: unknown = this.raw;
    let u: unknown = this.unknownMask;
    let s: unknown = this.sensitiveMask;
    for (const step of steps) {
      v = child(v, step);
      u = u === true ? true : child(u, step);
      s = s === true ? true : child(s, step);
    }
    return new Values(v ?? null, u, s, this.paths);
  }

  /** Is anything at or below path unknown? */
  hasUnknown(path: Path | string = []): boolean {
    return containsTrue(this.at(path).unknownMask);
  }

  /** Is anything at or below path sensitive? */
  hasSensitive(path: Path | string = []): boolean {
    return containsTrue(this.at(path).sensitiveMask);
  }
}

/** A lookup's result, reused from read to read (see `Values.lookInto`). */
export interface Scratch {
  state: Lookup['state'];
  value: unknown;
  sensitive: boolean;
}

/** What `get` reads into before it makes its result (a lookup never calls another). */
const GET_SCRATCH: Scratch = { state: 'absent', value: undefined, sensitive: false };

function into(out: Scratch, state: Lookup['state'], sensitive: boolean): Scratch {
  out.state = state;
  out.sensitive = sensitive;
  return out;
}

function child(o: unknown, step: PathStep): unknown {
  if (o === null || o === undefined || typeof o !== 'object') return undefined;
  if (Array.isArray(o)) return typeof step === 'number' ? o[step] : undefined;
  return (o as Record<string, unknown>)[String(step)];
}

/** Does a mask mark anything (a `true` at any depth)? */
export function containsTrue(mask: unknown): boolean {
  if (mask === true) return true;
  if (mask === null || typeof mask !== 'object') return false;
  for (const v of Array.isArray(mask) ? mask : Object.values(mask)) if (containsTrue(v)) return true;
  return false;
}

/**
 * The paths parsed in one run: the same few paths are read for every resource. The model build
 * makes one and gives it to every `Values` it makes, so it lives and dies with the run's model.
 */
export class PathMemo {
  private readonly parsed = new Map<string, readonly PathStep[]>();

  /** How many paths are held. */
  get size(): number {
    return this.parsed.size;
  }

  /** `parsePath(p)`, once per path (at most 10 000 paths are held). */
  parse(p: string): readonly PathStep[] {
    let steps = this.parsed.get(p);
    if (!steps) {
      steps = parsePath(p);
      if (this.parsed.size < 10_000) this.parsed.set(p, steps);
    }
    return steps;
  }
}

/** `a.b[0].c` or `a.b.0.c` into steps. */
export function parsePath(p: string): PathStep[] {
  const out: PathStep[] = [];
  for (const part of p.split('.')) {
    if (part === '') continue;
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part))) {
      if (m[1] !== undefined) out.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
      else out.push(Number(m[2]));
    }
  }
  return out;
}

export function formatPath(path: Path): string {
  let s = '';
  for (const step of path) s += typeof step === 'number' ? `[${step}]` : s ? `.${step}` : step;
  return s;
}

/**
 * Collects every sensitive string leaf (and the string form of sensitive numbers and booleans) of a value
 * under its mask, so that the report layer can make sure none of them is ever printed.
 */
export function collectSensitiveStrings(value: unknown, mask: unknown, out: Set<string>, under = false): void {
  const sens = under || mask === true;
  if (value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (sens) {
      out.add(value);
      // Values inside JSON strings (container_definitions) are escaped when re-serialised.
      const escaped = JSON.stringify(value).slice(1, -1);
      if (escaped !== value) out.add(escaped);
    }
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    if (sens) out.add(String(value));
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectSensitiveStrings(v, Array.isArray(mask) ? mask[i] : mask === true ? true : undefined, out, sens));
    return;
  }
  if (typeof value === 'object') {
    const m = mask && typeof mask === 'object' && !Array.isArray(mask) ? (mask as Record<string, unknown>) : undefined;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) collectSensitiveStrings(v, m?.[k], out, sens);
  }
}
