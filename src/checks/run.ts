import type { AnalysisContext } from '../context.js';
import { oneLine } from '../plan/errors.js';
import type { Finding } from '../report/schema.js';
import { RULES } from './registry.js';
import type { Rule } from './types.js';

export interface RunOptions {
  rules?: readonly Rule[];
  /** Base of rule docs links (`<base><ID>.md`). */
  docsBase?: string;
}

export const DEFAULT_DOCS_BASE = 'docs/rules/';

/** Runs every rule over the resources of its types. A rule that throws becomes one info finding. */
export function runChecks(ctx: AnalysisContext, opts: RunOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const docsBase = opts.docsBase ?? DEFAULT_DOCS_BASE;
  for (const rule of opts.rules ?? RULES) {
    for (const type of rule.types) {
      for (const r of ctx.model.byType.get(type) ?? []) {
        if (r.mode !== 'managed' || r.action === 'delete' || r.action === 'forget') continue;
        let results;
        try {
          results = rule.check(r, ctx);
        } catch (e) {
          results = [{ severity: 'info' as const, message: `rule could not run: ${oneLine(e)}` }];
        }
        for (const res of results) {
          const target = res.resource ?? r;
          const loc = ctx.locate(target);
          findings.push({
            rule: rule.id,
            severity: res.severity ?? rule.severity,
            title: rule.title,
            address: target.address,
            message: res.message,
            path: res.path ?? null,
            file: loc?.file ?? null,
            line: loc?.line ?? null,
            existing: !target.changed,
            suppressed: false,
            docs: `${docsBase}${rule.id}.md`,
          });
        }
      }
    }
  }
  return dedupe(findings);
}

function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.rule}|${f.address}|${f.path}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
