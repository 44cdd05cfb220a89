/**
 * The in-memory form of a kept resource change, made as small as its meaning allows. A large
 * plan holds many thousand kept changes, and most of their bytes repeat: provider names, types,
 * action lists, subnet and security-group IDs, role ARNs, and masks that mark nothing. Each
 * change is compacted as soon as it is decoded, so the copies it replaces die young.
 *
 * - A no-op change's `before` and `after` are the same value: one copy is kept.
 * - An unknown or sensitive mask keeps only the branches that lead to a `true`; a mask that marks
 *   nothing becomes `false`. Every reader of masks (`Values`, `collectSensitiveStrings`) treats an
 *   absent or `false` branch as "not marked", so the meaning is unchanged.
 * - Short strings are shared through an interner: equal strings become one string.
 */
export class Interner {
  private readonly map = new Map<string, string>();
  /** One shared array per distinct action list of this run (`["create"]`, `["delete","create"]` …). */
  private readonly actionLists = new Map<string, readonly string[]>();

  constructor(
    /** Strings longer than this are left alone: they rarely repeat. */
    private readonly maxLength = 96,
    /**
     * The table is emptied when it reaches this size (a memory bound). Strings that repeat are
     * soon shared again; strings seen once (names, IDs of one resource) do not pile up.
     */
    private readonly maxEntries = 16_384,
  ) {}

  get size(): number {
    return this.map.size;
  }

  intern(s: string): string {
    if (s.length > this.maxLength) return s;
    const hit = this.map.get(s);
    if (hit !== undefined) return hit;
    if (this.map.size >= this.maxEntries) this.map.clear();
    this.map.set(s, s);
    return s;
  }

  /** The run's shared array equal to `actions` (a list of at most 3 strings); anything else as it is. */
  actions(actions: unknown): unknown {
    if (!Array.isArray(actions) || actions.length > 3 || !actions.every((a) => typeof a === 'string')) return actions;
    const key = actions.join(',');
    let hit = this.actionLists.get(key);
    if (!hit) {
      hit = actions as string[];
      if (this.actionLists.size < 64) this.actionLists.set(key, hit);
    }
    return hit;
  }

  /** Interns every short string inside a JSON value, in place. Returns the value. */
  internDeep(value: unknown): unknown {
    if (typeof value === 'string') return this.intern(value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v = value[i];
        if (typeof v === 'string') value[i] = this.intern(v);
        else if (v !== null && typeof v === 'object') this.internDeep(v);
      }
      return value;
    }
    const o = value as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (typeof v === 'string') o[k] = this.intern(v);
      else if (v !== null && typeof v === 'object') this.internDeep(v);
    }
    return value;
  }
}

/**
 * A mask with only the branches that lead to a `true`; `false` when it marks nothing. Arrays keep
 * their length (positions matter) with `false` for unmarked elements.
 */
export function pruneMask(mask: unknown): unknown {
  if (mask === true) return true;
  if (mask === null || typeof mask !== 'object') return false;
  if (Array.isArray(mask)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < mask.length; i++) {
      const p = pruneMask(mask[i]);
      if (p !== false) {
        out ??= new Array<unknown>(mask.length).fill(false);
        out[i] = p;
      }
    }
    return out ?? false;
  }
  let out: Record<string, unknown> | undefined;
  const o = mask as Record<string, unknown>;
  for (const k in o) {
    const p = pruneMask(o[k]);
    if (p !== false) (out ??= {})[k] = p;
  }
  return out ?? false;
}

/**
 * Attributes no check or estimator reads unless it declares so (`'aws_x.tags'` in its `reads`;
 * tests/plan/compact.test.ts holds the sources to that): they are dropped from kept values unless
 * a reader of the type declares them, or a sensitive mask marks something in them, so that every
 * sensitive string is still collected (the tests check outputs against them).
 */
export const UNREAD_ATTRIBUTES = ['tags', 'tags_all'] as const;

/** Per type, the attributes of `UNREAD_ATTRIBUTES` some reader declares (kept). */
export type KeptAttributes = (type: string) => readonly string[];
const KEEP_NONE: KeptAttributes = () => [];

function dropUnread(value: unknown, sensitive: unknown, kept: readonly string[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const o = value as Record<string, unknown>;
  if (sensitive === true) return;
  const marks = sensitive !== null && typeof sensitive === 'object' ? (sensitive as Record<string, unknown>) : undefined;
  for (const k of UNREAD_ATTRIBUTES) {
    if (kept.includes(k)) continue;
    // Set to undefined rather than deleted: a delete would slow every later read of the object.
    if (o[k] !== undefined && (marks?.[k] === undefined || marks[k] === false)) o[k] = undefined;
  }
}

/** Header fields that repeat across changes (an address is unique, and is left alone). */
const HEADER_STRINGS = ['module_address', 'mode', 'type', 'name', 'provider_name', 'action_reason'] as const;
const MASKS = ['after_unknown', 'before_sensitive', 'after_sensitive'] as const;

/**
 * Compacts one decoded resource change in place (see the file comment) and returns it. Anything
 * not shaped like a resource change is returned as it is, for validation to report.
 */
export function compactChange(rc: unknown, strings: Interner, keptAttributes: KeptAttributes = KEEP_NONE): unknown {
  if (rc === null || typeof rc !== 'object' || Array.isArray(rc)) return rc;
  const o = rc as Record<string, unknown>;
  for (const k of HEADER_STRINGS) {
    const v = o[k];
    if (typeof v === 'string') o[k] = strings.intern(v);
  }
  const ch = o.change as Record<string, unknown> | null | undefined;
  if (ch === null || typeof ch !== 'object' || Array.isArray(ch)) return rc;
  ch.actions = strings.actions(ch.actions);
  for (const k of MASKS) if (k in ch) ch[k] = pruneMask(ch[k]);
  const kept = typeof o.type === 'string' ? keptAttributes(o.type) : [];
  dropUnread(ch.after, ch.after_sensitive, kept);
  if (ch.before !== ch.after) dropUnread(ch.before, ch.before_sensitive, kept);
  const actions = ch.actions;
  const noOp = Array.isArray(actions) && actions.length === 1 && actions[0] === 'no-op';
  if (noOp && ch.after !== undefined && ch.after !== null) ch.before = ch.after;
  strings.internDeep(ch.after);
  if (ch.before !== ch.after) strings.internDeep(ch.before);
  return rc;
}

/**
 * `s`, held as one flat string. A string built from pieces (a template literal) is kept by the
 * engine as a tree of those pieces until it is read; reading one character flattens it, and the
 * tree is then reclaimed. Used for the texts the report keeps per resource (messages,
 * descriptions, advice), which are built once and kept to the end of the run.
 */
export function settle(s: string): string {
  if (s.length > 1) s.charCodeAt(0);
  return s;
}
