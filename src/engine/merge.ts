import { readFile } from 'node:fs/promises';
import { ruleById } from '../checks/registry.js';
import { DEFAULT_DOCS_BASE } from '../checks/run.js';
import type { EngineOptions } from './context.js';
import { totalCost } from '../cost/total.js';
import { computeGate } from './gate.js';
import { InputError } from '../plan/errors.js';
import { locateJsonError } from '../plan/jsonerror.js';
import { plain } from '../report/escape.js';
import { Report, SCHEMA_VERSION, type PlanReport } from '../report/schema.js';
import { planLabel } from '../report/tally.js';
import { VERSION } from './version.js';

export { labelStack } from './stack-label.js';

/**
 * Many stacks, one result: the JSON reports of several runs (one matrix job per stack) merged
 * into one report, whose gate is decided again from the merged findings and costs with the
 * merging run's own limits. The CLI's `merge` command and the action's `reports` input use it.
 *
 * Reports are taken as they are: each run already kept every sensitive value out of its report,
 * and nothing here reads a plan or renders anything from elsewhere. A report that cannot be used
 * (unreadable, not JSON, an unknown schemaVersion, not matching the schema) is named in a warning
 * and left out; the others are still merged.
 */
export interface MergeResult {
  report: Report;
  /** The reports left out, one line each naming the file and why. */
  skipped: string[];
  /** What this merge adds to `report.warnings` (the skipped reports among them), for the log. */
  warnings: string[];
}

export interface ReportFile {
  path: string;
  report: Report;
}

/** Reads and merges report files; throws an InputError only when none of them can be used. */
export async function mergeReportFiles(paths: readonly string[], options: EngineOptions): Promise<MergeResult> {
  if (paths.length === 0) throw new InputError(undefined, 'no report to merge');
  const read = await Promise.all(paths.map(readReport));
  const good = read.filter((r): r is ReportFile => 'report' in r);
  const bad = read.filter((r): r is { problem: string; summary?: string } => 'problem' in r);
  const skipped = bad.map((r) => r.problem);
  if (good.length === 0) throw new InputError(undefined, `no report could be merged: ${skipped.join('; ')}`);
  // The merged report names a forged report without echoing its values; the log line says what is wrong.
  const merged = mergeReports(
    good,
    options,
    bad.map((r) => r.summary ?? r.problem),
  );
  const detail = new Map(bad.map((r) => [r.summary ?? r.problem, r.problem]));
  return { ...merged, skipped, warnings: merged.warnings.map((w) => detail.get(w) ?? w) };
}

/** One report file, validated against the schema; or one line saying why it cannot be used. */
export async function readReport(path: string): Promise<ReportFile | { problem: string; summary?: string }> {
  const problem = (what: string) => ({ problem: `${path}: ${what}; left out of the merged report` });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return problem(
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a report file'
          : `cannot read the file (${code ?? 'error'})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text around the error; only the position is reported.
    const at = locateJsonError(text);
    return problem(
      text.trim() === ''
        ? 'is empty, not a JSON report'
        : at.truncated
          ? 'not JSON: the file is truncated'
          : `not JSON (line ${at.line}, column ${at.column}: expected ${at.expected})`,
    );
  }
  const version =
    data && typeof data === 'object' && !Array.isArray(data) ? (data as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version === undefined) return problem('not a container-plan-check JSON report (it has no schemaVersion)');
  if (version !== SCHEMA_VERSION) {
    return problem(
      `schemaVersion ${plain(JSON.stringify(version), 40)} is not one this version reads (${SCHEMA_VERSION}); merge with the version that wrote it`,
    );
  }
  const parsed = Report.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the document';
    return problem(`does not match the report schema (${plain(where, 120)}: ${plain(issue.message, 160)})`);
  }
  const forged = checkValues(parsed.data);
  if (forged)
    return { ...problem(`is not a report this tool wrote (${forged})`), summary: problem('is not a report this tool wrote').problem };
  return { path, report: parsed.data };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const VERSION_TEXT = /^[0-9A-Za-z.+-]{1,40}$/;
/** A docs link as a run writes it: `<base>docs/rules/<ID>.md`, the base a plain https URL or none. */
const DOCS = /^(?:https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9._~/-]*)?docs\/rules\/([A-Z0-9_]+)\.md$/;

function isDate(s: string): boolean {
  return DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

/**
 * What the schema cannot say: the values a run writes have a known form. A forged report (rule
 * IDs no rule has, docs links elsewhere, dates and versions that are not) is left out.
 */
function checkValues(r: Report): string | undefined {
  if (!isDate(r.asOf)) return `asOf ${JSON.stringify(r.asOf.slice(0, 40))} is not a date`;
  if (r.tool && !VERSION_TEXT.test(r.tool.version)) return `tool.version ${JSON.stringify(r.tool.version.slice(0, 40))} is not a version`;
  if (r.cost && !isDate(r.cost.snapshotDate)) return `cost.snapshotDate ${JSON.stringify(r.cost.snapshotDate.slice(0, 40))} is not a date`;
  for (const [i, p] of r.plans.entries()) {
    if (p.cost && !isDate(p.cost.snapshotDate))
      return `plans[${i}].cost.snapshotDate ${JSON.stringify(p.cost.snapshotDate.slice(0, 40))} is not a date`;
    for (const [j, f] of p.findings.entries()) {
      if (!ruleById(f.rule)) return `plans[${i}].findings[${j}].rule ${JSON.stringify(f.rule.slice(0, 60))} is not a rule of this tool`;
      if (f.docs !== undefined && DOCS.exec(f.docs)?.[1] !== f.rule)
        return `plans[${i}].findings[${j}].docs is not the docs page of rule ${f.rule}`;
    }
  }
  return undefined;
}

/**
 * The merged report: every plan of every report, in the order given; cost totals across them;
 * the gate computed again with `options` (fail-on, max-increase, max-increase-percent); the
 * reports' own warnings, then this merge's.
 */
export function mergeReports(files: readonly ReportFile[], options: EngineOptions, skipped: readonly string[] = []): MergeResult {
  const plans = labelPlans(files, DEFAULT_DOCS_BASE);
  const dates = [...new Set(files.map((f) => f.report.asOf))].sort();
  const warnings = [...skipped];
  if (dates.length > 1)
    warnings.push(`the reports were evaluated as of different dates (${dates.join(', ')}); the merged report is dated ${dates.at(-1)}`);
  const carried = files.flatMap((f) => f.report.warnings ?? []);
  const all = [...new Set([...carried, ...warnings])];
  const cost = totalCost(plans);
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'container-plan-check', version: VERSION },
    asOf: dates.at(-1)!,
    plans,
    cost,
    gate: computeGate(plans, cost, options),
    ...(all.length > 0 ? { warnings: all } : {}),
  };
  return { report, skipped: [...skipped], warnings };
}

/**
 * Each plan keeps its stack name; a plan without one is labelled by its path, and when two
 * plans would carry the same label, the unnamed ones are told apart by their report file.
 */
function labelPlans(files: readonly ReportFile[], docsBase: string): PlanReport[] {
  // Docs links point at this run's own docs pages, whichever run wrote the finding.
  const rebased = (p: PlanReport): PlanReport => ({
    ...p,
    findings: p.findings.map((f) => (f.docs === undefined ? f : { ...f, docs: `${docsBase}${f.rule}.md` })),
  });
  const all = files.flatMap((f) => f.report.plans.map((p) => ({ p: rebased(p), file: f.path })));
  const count = new Map<string, number>();
  for (const { p } of all) count.set(planLabel(p), (count.get(planLabel(p)) ?? 0) + 1);
  return all.map(({ p, file }) => (p.name === undefined && count.get(p.path)! > 1 ? { ...p, name: `${p.path} (${file})` } : p));
}
