import { plain } from './escape.js';
import { ACTION_SYMBOL } from './format.js';
import { batched } from './json.js';
import type { PlanReport, Report } from './schema.js';
import { renderTextCost, renderTextFindings } from './sections.js';

/** The terminal report. */
export function renderText(report: Report): string {
  let s = '';
  for (const line of textLines(report)) s += `${line}\n`;
  return s;
}

/** The terminal report in pieces of about 64 kB. */
export function* textChunks(report: Report): Generator<string> {
  yield* batched(textBlocks(report), 1 << 16, '\n');
}

/** The terminal report line by line (without line ends). */
export function* textLines(report: Report): Generator<string> {
  for (const block of textBlocks(report)) yield* block;
}

/**
 * The terminal report as blocks of lines (without line ends): the head, then each plan's sections
 * (its resources, findings, cost), so that a large report is written in pieces, a block at a time
 * rather than a line at a time.
 */
function* textBlocks(report: Report): Generator<readonly string[]> {
  yield [`container-plan-check ${plain(report.tool?.version ?? '', 40)} · as of ${plain(report.asOf, 20)}`.trim()];
  for (const p of report.plans) {
    if (p.error) {
      yield ['', `✗ ${plain(p.error)}`];
      continue;
    }
    const head = [
      '',
      `${p.name ? `${plain(p.name)}: ` : ''}${plain(p.path)} (${p.terraformVersion ? `Terraform ${plain(p.terraformVersion, 40)}, ` : ''}format ${plain(p.formatVersion ?? '?', 20)})`,
    ];
    for (const e of p.planErrors ?? []) head.push(`  ✗ plan error: ${plain(e)}`);
    for (const n of p.notes ?? []) head.push(`  note: ${plain(n)}`);
    yield head;
    yield resourceList(p);
    yield renderTextFindings(p);
    yield renderTextCost(p);
  }
  const tail = [''];
  for (const n of report.cost?.priceNotes ?? []) tail.push(`note: ${plain(n)}`);
  // Report-level warnings (live prices that could not be read …) that no plan's notes show.
  const shown = new Set(report.plans.flatMap((p) => p.notes ?? []));
  for (const w of report.warnings ?? []) if (!shown.has(w)) tail.push(`warning: ${plain(w)}`);
  tail.push(
    `gate: ${report.gate.passed ? 'passed' : 'failed'}${report.gate.reasons.length ? ` (${report.gate.reasons.map((r) => plain(r)).join('; ')})` : ''}`,
  );
  for (const w of report.gate.warnings ?? []) tail.push(`gate warning: ${plain(w)}`);
  yield tail;
}

/** A plan's resources, one line each: change, address, region. */
function resourceList(p: PlanReport): string[] {
  if (p.resources.length === 0) return ['  no ECS, EKS or autoscaling resources in this plan'];
  const out = [`  resources (${p.resources.length}):`];
  let w = 0;
  for (const r of p.resources) w = Math.max(w, r.address.length);
  w = Math.min(70, w);
  const actions = p.resources.map(
    (r) => `${ACTION_SYMBOL[r.action] ?? '?'} ${r.action}${r.importing ? ' (import)' : ''}${r.deferred ? ' (deferred)' : ''}`,
  );
  let aw = 18;
  for (const a of actions) aw = Math.max(aw, a.length + 1);
  for (let i = 0; i < p.resources.length; i++) {
    const r = p.resources[i]!;
    out.push(`    ${actions[i]!.padEnd(aw)} ${plain(r.address).padEnd(w)}  ${plain(r.region, 30)}`);
  }
  return out;
}
