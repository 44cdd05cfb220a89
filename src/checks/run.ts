import type { AnalysisContext } from '../engine/context.js';
import { oneLine } from '../plan/errors.js';
import type { Resource } from '../plan/model.js';
import type { Finding } from '../report/schema.js';
import { ReportTexts } from '../report/settle.js';
import type { InlineIgnore } from '../sources/scan.js';
import { RULES } from './registry.js';
import { configuredSeverity, ruleIsOff, suppressionFor } from './suppress.js';
import type { Rule } from './types.js';

export interface RunOptions {
  rules?: readonly Rule[];
  /** `container-plan-check:ignore` comments above a resource's block (from --tf-dir). */
  inlineIgnores?: (r: Resource) => readonly InlineIgnore[];
}

export const DEFAULT_DOCS_BASE = 'docs/rules/';

/**
 * Runs every rule over the resources of its types. A rule that throws becomes one info finding.
 * The configuration turns rules off and sets their severity; config and inline ignores mark
 * findings suppressed (with the reason), never drop them.
 */
export function runChecks(ctx: AnalysisContext, opts: RunOptions = {}): Finding[] {
  const findings: Finding[] = [];
  // The report's texts are settled as findings are collected; a rule returns plain strings.
  const texts = new ReportTexts();
  const globs = new Map<string, RegExp>();
  // The resources a rule checks, per type: picked once for the run, not again by every rule of the type.
  const checked = new Map<string, Resource[]>();
  const checkedOf = (type: string): Resource[] => {
    let list = checked.get(type);
    if (!list) {
      list = (ctx.model.byType.get(type) ?? []).filter((r) => r.mode === 'managed' && r.action !== 'delete' && r.action !== 'forget');
      checked.set(type, list);
    }
    return list;
  };
  for (const rule of opts.rules ?? RULES) {
    if (ruleIsOff(rule, ctx.settings)) continue;
    const docs = `${DEFAULT_DOCS_BASE}${rule.id}.md`;
    for (const type of rule.types) {
      for (const r of checkedOf(type)) {
        let results;
        try {
          results = rule.check(r, ctx);
        } catch (e) {
          results = [{ severity: 'info' as const, message: `rule could not run: ${oneLine(e)}` }];
        }
        for (const res of results) {
          const target = res.resource ?? r;
          const loc = ctx.locate(target);
          const reason = suppressionFor(rule.id, target, ctx.settings, opts.inlineIgnores?.(target) ?? [], globs);
          const finding: Finding = {
            rule: rule.id,
            severity: configuredSeverity(rule, res.severity ?? rule.severity, ctx.settings),
            title: rule.title,
            address: target.address,
            message: res.message,
            path: res.path ?? null,
            file: loc?.file ?? null,
            line: loc?.line ?? null,
            existing: !target.changed,
            suppressed: reason !== undefined,
            ...(reason !== undefined ? { suppressionReason: reason } : {}),
            docs,
          };
          findings.push(texts.finding(finding));
        }
      }
    }
  }
  return dedupe(findings);
}

/** Drops repeats of a finding (same rule, resource, path and message), keeping the first. */
function dedupe(fs: Finding[]): Finding[] {
  const seen = new Map<string, Finding[]>();
  return fs.filter((f) => {
    const k = `${f.rule} ${f.address}`;
    const same = seen.get(k);
    if (!same) {
      seen.set(k, [f]);
      return true;
    }
    if (same.some((g) => g.path === f.path && g.message === f.message)) return false;
    same.push(f);
    return true;
  });
}
