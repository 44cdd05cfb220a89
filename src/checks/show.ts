import type { Reading } from '../plan/read.js';
import type { Lookup } from '../plan/values.js';

/**
 * Renders a value for a finding message. Sensitive values are never shown; unknown values say
 * so. Strings are quoted as Terraform would write them.
 */
export function show(
  l: Lookup | Reading | { state: 'invalid'; sensitive: boolean } | { state: 'invalid'; raw: string; sensitive: boolean },
): string {
  if (l.sensitive) return '(sensitive)';
  if (l.state === 'unknown') return '(known after apply)';
  if (l.state === 'absent') return '(not set)';
  if (l.state === 'invalid') return 'raw' in l ? JSON.stringify(l.raw) : '(invalid)';
  // Not set: AWS applies its documented default (src/plan/read.ts).
  if ('origin' in l && l.origin === 'aws-default') return `${literal(l.value)} (not set: the AWS default)`;
  return literal(l.value);
}

export function literal(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 120 ? `${v.slice(0, 119)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const j = JSON.stringify(v) ?? String(v);
  return j.length > 120 ? `${j.slice(0, 119)}…` : j;
}
