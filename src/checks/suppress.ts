import type { Settings } from '../load/settings.js';
import type { Resource } from '../plan/model.js';
import type { Severity } from '../report/schema.js';
import type { InlineIgnore } from '../sources/scan.js';
import type { Rule } from './types.js';

/**
 * The severity a finding gets under the configuration's `rules` section. Notes a rule emits at
 * `info` (a value it could not check, advice) stay `info` unless the rule itself is an info rule:
 * raising a rule to `error` must never turn "could not check" into a failure.
 */
export function configuredSeverity(rule: Rule, found: Severity, settings: Settings): Severity {
  const setting = settings.rules?.[rule.id];
  if (setting === undefined || setting === 'off') return found;
  if (found === 'info' && rule.severity !== 'info') return found;
  return setting;
}

export function ruleIsOff(rule: Rule, settings: Settings): boolean {
  return settings.rules?.[rule.id] === 'off';
}

/**
 * Why a finding of `ruleId` on `r` is suppressed, or undefined. Config `ignore` entries match
 * the address glob against the instance address (`module.a["x"].aws_ecs_service.api[0]`) or the
 * address without instance keys (`module.a.aws_ecs_service.api`); inline comments are those
 * above the resource's block.
 */
export function suppressionFor(
  ruleId: string,
  r: Resource,
  settings: Settings,
  inline: readonly InlineIgnore[],
  /** The run's compiled address globs (the rule runner keeps one per run). */
  globs: Map<string, RegExp> = new Map(),
): string | undefined {
  for (const entry of settings.ignore ?? []) {
    if (entry.rule !== ruleId) continue;
    let re = globs.get(entry.address);
    if (!re) globs.set(entry.address, (re = addressGlob(entry.address)));
    if (re.test(r.address) || re.test(r.configAddress)) return entry.reason;
  }
  return inline.find((ig) => ig.rule === ruleId)?.reason;
}

/** An address glob: `*` matches any characters (dots and brackets included), `?` one. */
export function addressGlob(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}
