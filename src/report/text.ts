import { plain } from './escape.js';
import { ACTION_SYMBOL } from './format.js';
import type { Report } from './schema.js';
import { renderTextCost, renderTextFindings } from './sections.js';

/** The terminal report. */
export function renderText(report: Report): string {
  let s = '';
  for (const line of textLines(report)) s += `${line}\n`;
  return s;
}

/** The terminal report in pieces of about 64 kB. */
export function* textChunks(report: Report): Generator<string> {
  yield* inPieces(textLines(report));
}

/**
 * Lines joined with their line ends into strings of about `size` characters: one join per piece,
 * rather than a string of each line and its line end joined again.
 */
function* inPieces(lines: Iterable<string>, size = 1 << 16): Generator<string> {
  let buf: string[] = [];
  let n = 0;
  for (const l of lines) {
    buf.push(l);
    n += l.length + 1;
    if (n >= size) {
      buf.push(''); // the last line's end
      yield buf.join('\n');
      buf = [];
      n = 0;
    }
  }
  if (buf.length > 0) {
    buf.push('');
    yield buf.join('\n');
  }
}

/** The terminal report line by line (without line ends), so that a large report is written in pieces. */
export function* textLines(report: Report): Generator<string> {
  yield `container-plan-check ${plain(report.tool?.version ?? '', 40)} · as of ${plain(report.asOf, 20)}`.trim();
  for (const p of report.plans) {
    yield '';
    if (p.error) {
      yield `✗ ${plain(p.error)}`;
      continue;
    }
    yield `${p.name ? `${plain(p.name)}: ` : ''}${plain(p.path)} (${p.terraformVersion ? `Terraform ${plain(p.terraformVersion, 40)}, ` : ''}format ${plain(p.formatVersion ?? '?', 20)})`;
    for (const e of p.planErrors ?? []) yield `  ✗ plan error: ${plain(e)}`;
    for (const n of p.notes ?? []) yield `  note: ${plain(n)}`;
    if (p.resources.length === 0) {
      yield '  no ECS, EKS or autoscaling resources in this plan';
    } else {
      yield `  resources (${p.resources.length}):`;
      const w = Math.min(70, Math.max(...p.resources.map((r) => r.address.length)));
      const actions = p.resources.map(
        (r) => `${ACTION_SYMBOL[r.action] ?? '?'} ${r.action}${r.importing ? ' (import)' : ''}${r.deferred ? ' (deferred)' : ''}`,
      );
      const aw = Math.max(18, ...actions.map((a) => a.length + 1));
      for (const [i, r] of p.resources.entries()) {
        const action = actions[i]!;
        yield `    ${action.padEnd(aw)} ${plain(r.address).padEnd(w)}  ${plain(r.region, 30)}`;
      }
    }
    yield* renderTextFindings(p);
    yield* renderTextCost(p);
  }
  yield '';
  for (const n of report.cost?.priceNotes ?? []) yield `note: ${plain(n)}`;
  // Report-level warnings (live prices that could not be read …) that no plan's notes show.
  const shown = new Set(report.plans.flatMap((p) => p.notes ?? []));
  for (const w of report.warnings ?? []) if (!shown.has(w)) yield `warning: ${plain(w)}`;
  yield `gate: ${report.gate.passed ? 'passed' : 'failed'}${report.gate.reasons.length ? ` (${report.gate.reasons.map((r) => plain(r)).join('; ')})` : ''}`;
  for (const w of report.gate.warnings ?? []) yield `gate warning: ${plain(w)}`;
}
