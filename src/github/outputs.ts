import * as core from '@actions/core';
import { isAbsolute, relative } from 'node:path';
import { plain } from '../report/escape.js';
import type { Report } from '../report/schema.js';
import { isGating, tally } from '../report/tally.js';

/** The action's outputs, except `comment-url` (set once the comment is written). */
export function setReportOutputs(report: Report, reportJsonPath: string): void {
  const t = tally(report);
  const c = report.cost;
  // Not estimated: empty. Unknown (an unpriced or unknown count): "unknown", never 0.
  const money = (v: number | null | undefined) => (c == null ? '' : v === null || v === undefined ? 'unknown' : v.toFixed(2));
  core.setOutput('monthly-cost-before', money(c?.monthlyBefore));
  core.setOutput('monthly-cost-after', money(c?.monthlyAfter));
  core.setOutput('monthly-cost-delta', money(c?.monthlyDelta));
  core.setOutput('errors', String(t.errors));
  core.setOutput('warnings', String(t.warnings));
  core.setOutput('resources', String(t.resources));
  core.setOutput('gate', report.gate.passed ? 'passed' : 'failed');
  core.setOutput('report-json', reportJsonPath);
}

/** At most this many annotations; GitHub shows only the first 10 errors and 10 warnings of a step. */
export const MAX_ANNOTATIONS = 50;

/**
 * Annotations for the findings that count (active, on resources the plan changes): errors,
 * warnings and notices, at the file and line of the resource block where the sources were found.
 */
export function annotate(report: Report, workspace: string | undefined): void {
  for (const p of report.plans) if (p.error) core.error(plain(p.error), { title: 'container-plan-check: plan not read' });
  const findings = report.plans.flatMap((p) => p.findings).filter(isGating);
  const order = { error: 0, warning: 1, info: 2 } as const;
  findings.sort((a, b) => order[a.severity] - order[b.severity]);
  for (const f of findings.slice(0, MAX_ANNOTATIONS)) {
    const props: core.AnnotationProperties = { title: plain(`${f.rule}${f.title ? `: ${f.title}` : ''}`, 200) };
    if (f.file) {
      props.file = workspacePath(f.file, workspace);
      if (f.line) props.startLine = f.line;
    }
    const message = plain(`${f.address}: ${f.message}`, 2000);
    if (f.severity === 'error') core.error(message, props);
    else if (f.severity === 'warning') core.warning(message, props);
    else core.notice(message, props);
  }
  if (findings.length > MAX_ANNOTATIONS) core.notice(`${findings.length - MAX_ANNOTATIONS} more findings are in the job summary.`);
}

/** Annotation paths are relative to the repository root (the workspace). */
function workspacePath(file: string, workspace: string | undefined): string {
  return isAbsolute(file) && workspace ? relative(workspace, file) : file;
}
