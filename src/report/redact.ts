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
