import { plain } from '../report/escape.js';
import type { Report } from '../report/schema.js';

/**
 * The stack name of a per-stack run (`stack-name`), which labels its section once merged: the
 * plan's name when the run has one plan, `STACK: PATH` for each when it has several.
 */
export function labelStack(report: Report, stack: string): Report {
  const name = plain(stack.trim(), 200);
  if (!name) return report;
  const one = report.plans.length === 1;
  return { ...report, plans: report.plans.map((p) => ({ ...p, name: one ? name : `${name}: ${p.path}` })) };
}
