import type { ConfigurationIndex } from './configuration.js';
import type { ConfigResource } from './schema.js';
import { containsTrue, Values, type Path, type PathStep, type Scratch } from './values.js';
import { factFor, type DefaultCase, type ProviderFact } from './provider-facts.js';

/**
 * The one reading of a resource attribute, shared by every check and estimator.
 *
 * A plan does not say directly what AWS will do. At create, an attribute the configuration leaves
 * unset but the provider computes (Optional+Computed) is unknown; a plain Optional one is null;
 * some attributes are sent to AWS only when non-zero. The configuration block tells what the
 * user wrote, and the provider facts (`src/aws/data/provider-defaults.json`) say what AWS does when
 * an attribute is not sent. Together they answer, for any path:
 *
 * - `known` with `origin: 'config'`: the value the configuration writes;
 * - `known` with `origin: 'plan'`: a value in the plan that the configuration does not write (a
 *   schema default, or what AWS returned into state);
 * - `known` with `origin: 'aws-default'`: not sent to AWS, and AWS documents what it uses then
 *   (`fact` names the source);
 * - `known` with `origin: 'unclear'`: a value in the plan, and the configuration cannot tell
 *   whether it is written (no configuration, a dynamic block, the before side);
 * - `absent`: not set, and AWS has no value for it (a block that is not there); `fact` may say
 *   what happens instead;
 * - `unknown` with a reason: `expression` (the configuration writes an expression known only
 *   after apply), `computed` (the provider computes it and no AWS default is recorded), or
 *   `unclear` (the configuration cannot tell: a dynamic block, a module the plan does not
 *   describe, no configuration at all).
 */
export type Origin = 'config' | 'plan' | 'aws-default' | 'unclear';
export type UnknownReason = 'expression' | 'computed' | 'unclear';

export type Reading<T = unknown> =
  | { state: 'known'; value: T; sensitive: boolean; origin: Origin; fact?: ProviderFact }
  | { state: 'unknown'; sensitive: boolean; reason: UnknownReason }
  | { state: 'absent'; sensitive: boolean; fact?: ProviderFact };

export type Known<T = unknown> = Extract<Reading<T>, { state: 'known' }>;

/** Where a resource's configuration stands on an attribute. */
type Written = 'set' | 'unset' | 'unclear';

/** What an attribute reads as when it is not sent to AWS. */
type Unset = { state: 'default'; value: unknown; fact: ProviderFact } | { state: 'absent'; fact?: ProviderFact } | { state: 'unknown' };

const MAX_DEPTH = 8;
/** The path of an attribute set read from its root (one shared empty list). */
const NO_STEPS: readonly PathStep[] = Object.freeze([]);
const SCRATCH: Scratch = { state: 'absent', value: undefined, sensitive: false };
const ORIGIN: Record<Written, Origin> = { set: 'config', unset: 'plan', unclear: 'unclear' };

export class Attributes {
  static readonly EMPTY = new Attributes(Values.EMPTY, '', undefined, undefined, '', 'after');

  constructor(
    /** The side's values and masks (the plan as written). */
    readonly values: Values,
    readonly type: string,
    private readonly resourceConfig: ConfigResource | undefined,
    private readonly index: ConfigurationIndex | undefined,
    private readonly modulePath: string,
    /** The configuration describes the after side only; `before` is what AWS holds. */
    readonly side: 'before' | 'after',
    private readonly base: readonly PathStep[] = NO_STEPS,
  ) {}

  get raw(): unknown {
    return this.values.raw;
  }

  get isNull(): boolean {
    return this.values.isNull;
  }

  get(path: Path | string): Reading {
    return this.read(this.full(path), 0);
  }

  /**
   * The value `get(path)` reads as known, else undefined: the same answer without making the
   * reading (for readers that need the value only, such as the graph's links). A known value that
   * is not zero is the reading's value as it stands; anything else goes through `get`'s reading.
   */
  knownValue(path: Path | string): unknown {
    const full = this.full(path);
    const l = this.values.lookInto(full, SCRATCH);
    if (l.state === 'known' && !isZero(l.value)) return l.value;
    const r = this.read(full, 0);
    return r.state === 'known' ? r.value : undefined;
  }

  str(path: Path | string): Reading<string> {
    const l = this.get(path);
    if (l.state !== 'known') return l;
    if (typeof l.value === 'string') return l as Reading<string>;
    if (typeof l.value === 'number' || typeof l.value === 'boolean') return { ...l, value: String(l.value) };
    return { state: 'absent', sensitive: l.sensitive };
  }

  /** Numbers; numeric strings are accepted (Terraform writes some numbers as strings). */
  num(path: Path | string): Reading<number> {
    const l = this.get(path);
    if (l.state !== 'known') return l;
    if (typeof l.value === 'number' && Number.isFinite(l.value)) return l as Reading<number>;
    if (typeof l.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(l.value)) return { ...l, value: Number(l.value) };
    return { state: 'absent', sensitive: l.sensitive };
  }

  bool(path: Path | string): Reading<boolean> {
    const l = this.get(path);
    if (l.state !== 'known') return l;
    if (typeof l.value === 'boolean') return l as Reading<boolean>;
    if (l.value === 'true' || l.value === 'false') return { ...l, value: l.value === 'true' };
    return { state: 'absent', sensitive: l.sensitive };
  }

  list(path: Path | string): Reading<unknown[]> {
    const l = this.get(path);
    if (l.state !== 'known') return l;
    return Array.isArray(l.value) ? (l as Reading<unknown[]>) : { state: 'absent', sensitive: l.sensitive };
  }

  /** The known value at path when it has the wanted type; `invalid` when it has another. */
  typed<T>(path: Path | string, guard: (v: unknown) => v is T): Reading<T> | { state: 'invalid'; sensitive: boolean } {
    const l = this.get(path);
    if (l.state !== 'known') return l;
    return guard(l.value) ? (l as Reading<T>) : { state: 'invalid', sensitive: l.sensitive };
  }

  /** The attributes below path, read the same way (for nested blocks). */
  at(path: Path | string): Attributes {
    return new Attributes(this.values, this.type, this.resourceConfig, this.index, this.modulePath, this.side, this.full(path));
  }

  /** Is anything at or below path known only after apply (AWS defaults settle what they can)? */
  hasUnknown(path: Path | string = []): boolean {
    const full = this.full(path);
    const leaves: PathStep[][] = [];
    unknownLeaves(this.values.at(full).unknownMask, [...full], leaves);
    return leaves.some((p) => this.read(p, 0).state === 'unknown');
  }

  /** Is anything at or below path sensitive? */
  hasSensitive(path: Path | string = []): boolean {
    return containsTrue(this.values.at(this.full(path)).sensitiveMask);
  }

  private full(path: Path | string): readonly PathStep[] {
    const steps = this.values.steps(path);
    return this.base.length === 0 ? steps : [...this.base, ...steps];
  }

  private read(path: readonly PathStep[], depth: number): Reading {
    // Taken apart at once: `SCRATCH` is overwritten by the reads below (defaults read other paths).
    const l = this.values.lookInto(path, SCRATCH);
    const state = l.state;
    const value = l.value;
    const sensitive = l.sensitive;
    if (state === 'known') {
      // Only a zero value can be one that the provider does not send.
      const fact = isZero(value) ? factFor(this.type, path) : undefined;
      if (fact?.sentOnlyIfNonZero) return this.unsetReading(path, fact, sensitive, depth);
      return { state: 'known', value, sensitive, origin: ORIGIN[this.written(path)] };
    }
    const fact = factFor(this.type, path);
    const written = this.written(path);
    if (state === 'unknown') {
      if (written === 'set') return { state: 'unknown', sensitive, reason: 'expression' };
      if (written === 'unclear') return { state: 'unknown', sensitive, reason: 'unclear' };
      return this.unsetReading(path, fact, sensitive, depth, true);
    }
    // Absent (null): not sent, whatever the configuration says.
    return this.unsetReading(path, fact, sensitive, depth);
  }

  /** The reading of an attribute that is not sent to AWS: its documented default, absent, or unknown. */
  private unsetReading(
    path: readonly PathStep[],
    fact: ProviderFact | undefined,
    sensitive: boolean,
    depth: number,
    computed = false,
  ): Reading {
    const u = this.unset(path, fact, depth);
    if (u.state === 'default') return { state: 'known', value: u.value, sensitive, origin: 'aws-default', fact: u.fact };
    if (u.state === 'absent') return { state: 'absent', sensitive, ...(u.fact ? { fact: u.fact } : {}) };
    // An unknown the provider computes, with nothing recorded about it, stays unknown; so does a
    // default that depends on something not known yet.
    return computed || fact?.unset ? { state: 'unknown', sensitive, reason: 'computed' } : { state: 'absent', sensitive };
  }

  private unset(path: readonly PathStep[], fact: ProviderFact | undefined, depth: number): Unset {
    // A block that is not sent takes everything below it along.
    for (let i = 1; i < path.length; i++) {
      if (typeof path[i - 1] === 'number') continue;
      const block = factFor(this.type, path, i);
      if (block?.unset?.notSent && this.written(path.slice(0, i)) !== 'set' && this.values.get(path.slice(0, i)).state !== 'known') {
        return { state: 'absent', fact: block };
      }
    }
    if (!fact?.unset) return { state: 'unknown' };
    if (fact.unset.notSent) return { state: 'absent', fact };
    const cases: readonly DefaultCase[] = fact.unset.cases ?? [fact.unset];
    for (const c of cases) {
      const holds = this.holds(c, path, depth);
      if (holds === undefined) return { state: 'unknown' };
      if (!holds) continue;
      if (c.absent) return { state: 'absent', fact };
      if (c.sameAs !== undefined) {
        const other = this.read(substitute(this.values.steps(c.sameAs), path), depth + 1);
        if (other.state !== 'known') return other.state === 'absent' ? { state: 'absent', fact } : { state: 'unknown' };
        return { state: 'default', value: other.value, fact };
      }
      if ('value' in c) return { state: 'default', value: c.value, fact };
    }
    return { state: 'unknown' };
  }

  /** Whether a case's conditions hold for the attribute at path; undefined when one cannot be told. */
  private holds(c: DefaultCase, path: readonly PathStep[], depth: number): boolean | undefined {
    if (!c.when) return true;
    if (depth >= MAX_DEPTH) return undefined;
    for (const cond of c.when) {
      const r = this.read(substitute(this.values.steps(cond.path), path), depth + 1);
      if (r.state === 'unknown' || (r.state === 'known' && r.sensitive)) return undefined;
      const v = r.state === 'known' ? r.value : null;
      const present = v !== null && !(Array.isArray(v) && v.length === 0) && v !== '';
      if (cond.present !== undefined && cond.present !== present) return false;
      if (cond.in !== undefined && !cond.in.some((x) => x === v || (x === null && !present))) return false;
      if (cond.prefix !== undefined && !(typeof v === 'string' && v.startsWith(cond.prefix))) return false;
    }
    return true;
  }

  /** Does the configuration write the attribute at path? */
  private written(path: readonly PathStep[]): Written {
    if (this.side === 'before') return 'unclear';
    if (!this.resourceConfig) return 'unclear';
    let e: unknown = this.resourceConfig.expressions;
    for (let i = 0; i < path.length; i++) {
      const step = path[i]!;
      if (Array.isArray(e)) {
        // A block list written once stands for every element (count/for_each instances share it).
        e = typeof step === 'number' ? (e[step] ?? e[0]) : (e[0] as Record<string, unknown> | undefined)?.[String(step)];
      } else if (typeof step === 'number') {
        continue;
      } else if (e !== null && typeof e === 'object') {
        e = (e as Record<string, unknown>)[step];
      } else {
        return 'unclear';
      }
      if (e === undefined || e === null) {
        // A block the plan holds but the configuration does not write comes from a `dynamic` block.
        const v = this.values.get(path.slice(0, i + 1));
        return v.state === 'known' && Array.isArray(v.value) && v.value.length > 0 && typeof v.value[0] === 'object' ? 'unclear' : 'unset';
      }
    }
    if (Array.isArray(e)) return e.length === 0 ? 'unset' : 'set';
    if (typeof e === 'object' && e !== null && 'constant_value' in e) {
      const v = (e as { constant_value: unknown }).constant_value;
      return v === null || (Array.isArray(v) && v.length === 0) ? 'unset' : 'set';
    }
    // An expression that resolves to null through module variables leaves the attribute unset.
    const c = this.index?.constant(this.modulePath, e);
    if (c && c.value === null) return 'unset';
    return 'set';
  }
}

/** The zero values the provider does not send (`d.GetOk`): 0, "", false, empty collections. */
function isZero(v: unknown): boolean {
  return v === 0 || v === '' || v === false || v === '0' || (Array.isArray(v) && v.length === 0);
}

/** `a.*.b` with the wildcards taken from the path being read (same positions). */
function substitute(pattern: readonly PathStep[], path: readonly PathStep[]): PathStep[] {
  const keys = path.filter((s) => typeof s === 'number');
  let k = 0;
  return pattern.map((s) => (s === '*' ? (keys[k++] ?? 0) : s));
}

function unknownLeaves(mask: unknown, at: PathStep[], out: PathStep[][], depth = 0): void {
  if (out.length > 256 || depth > 32) return;
  if (mask === true) {
    out.push([...at]);
    return;
  }
  if (mask === null || typeof mask !== 'object') return;
  if (Array.isArray(mask)) mask.forEach((m, i) => unknownLeaves(m, [...at, i], out, depth + 1));
  else for (const [k, m] of Object.entries(mask)) unknownLeaves(m, [...at, k], out, depth + 1);
}
