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
 * (checked once against all of the value's strings) are searched string by string, and the
 * value is returned as it is when none occurs, which is the usual case.
 */
export function redactSecrets<T>(value: T, secrets: Iterable<string>): T {
  const list = [...new Set(secrets)].filter((s) => s.length >= MIN_LENGTH);
  if (list.length === 0) return value;
  const strings: string[] = [];
  collectStrings(value, strings);
  const haystack = strings.join('\u0000');
  const present = list.filter((s) => haystack.includes(s));
  return present.length === 0 ? value : redactDeep(value, redactor(present));
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out);
}

/** A deep copy of a JSON-shaped value with every string passed through `redact`. */
export function redactDeep<T>(value: T, redact: (t: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redact);
    return out as T;
  }
  return value;
}
