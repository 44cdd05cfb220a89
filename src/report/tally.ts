import { count } from './format.js';
import type { Finding, PlanReport, Report } from './schema.js';

/** A finding that counts: active (not suppressed) and on a resource this plan changes. */
export function isGating(f: Finding): boolean {
  return !f.suppressed && !f.existing;
}

/** A resource this plan touches (created, updated, replaced, deleted, forgotten). */
export function isChange(action: string): boolean {
  return action !== 'no-op' && action !== 'read';
}

export interface Tally {
  /** Active errors and warnings on changed resources: the ones the gate reads. */
  errors: number;
  warnings: number;
  /** Analysed resources in all plans, and those among them that the plans change. */
  resources: number;
  changed: number;
}

export function tally(report: Report): Tally {
  const gating = report.plans.flatMap((p) => p.findings).filter(isGating);
  const resources = report.plans.flatMap((p) => p.resources);
  return {
    errors: gating.filter((f) => f.severity === 'error').length,
    warnings: gating.filter((f) => f.severity === 'warning').length,
    resources: resources.length,
    changed: resources.filter((r) => isChange(r.action)).length,
  };
}

/** The label of a plan in reports: its stack name, else its path. */
export function planLabel(p: PlanReport): string {
  return p.name ?? p.path;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}
