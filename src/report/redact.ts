/**
 * Last line of defence for secrets: every rendered output (text, Markdown, JSON, SARIF, logs,
 * messages) passes through `redact`, which replaces any string the plan marks sensitive. Renderers
 * already never print sensitive values; this catches one that slipped through a message.
 *
 * Very short values (under MIN_LENGTH characters, such as `80` or `true`) are not replaced
 * here, since they would match ordinary report text; renderers never print a sensitive value in
 * the first place, and these are covered by the value-level masks.
 */
export const MIN_LENGTH = 4;
export const REDACTED = '(sensitive)';

export function redactor(secrets: Iterable<string>): (text: string) => string {
  const list = [...new Set(secrets)].filter((s) => s.length >= MIN_LENGTH).sort((a, b) => b.length - a.length);
  if (list.length === 0) return (t) => t;
  return (text: string) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
}

/**
 * `value` with every string that contains a secret redacted. Only the secrets that occur at all
 * are searched string by string (found by scanning the value's strings in batches of about
 * 1 MB, so a large report is never joined into one string), and only the branches holding such a
 * string are copied: with no secret in it, the value is returned as it is.
 */
export function redactSecrets<T>(value: T, secrets: Iterable<string>): T {
  const list = [...new Set(secrets)].filter((s) => s.length >= MIN_LENGTH);
  if (list.length === 0) return value;
  const present = presentSecrets(value, list);
  return present.length === 0 ? value : redactDeep(value, redactor(present));
}

const BATCH = 1 << 20;

function presentSecrets(value: unknown, list: string[]): string[] {
  let left = list;
  const found: string[] = [];
  let batch: string[] = [];
  let size = 0;
  const test = () => {
    // Strings are joined with a separator no secret spans, so a match lies within one string.
    const haystack = batch.join('\u0000');
    const still: string[] = [];
    for (const s of left) (haystack.includes(s) ? found : still).push(s);
    left = still;
    batch = [];
    size = 0;
  };
  const visit = (v: unknown): void => {
    if (left.length === 0) return;
    if (typeof v === 'string') {
      batch.push(v);
      size += v.length + 1;
      if (size >= BATCH) test();
    } else if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
  };
  visit(value);
  if (batch.length > 0 && left.length > 0) test();
  return found;
}

/**
 * A JSON-shaped value with every string passed through `redact`. Objects and arrays in which
 * nothing changes are returned as they are (not copied).
 */
export function redactDeep<T>(value: T, redact: (t: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = redactDeep(value[i], redact);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const r = redactDeep(v, redact);
      if (r !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = r;
    }
    return (out ?? value) as T;
  }
  return value;
}
