import { plain } from './escape.js';
import { ACTION_SYMBOL } from './format.js';
import type { Report } from './schema.js';
import { renderTextCost, renderTextFindings } from './sections.js';

/** The terminal report. */
export function renderText(report: Report): string {
  const out: string[] = [];
  out.push(`container-plan-check ${plain(report.tool?.version ?? '', 40)} · as of ${plain(report.asOf, 20)}`.trim());
  for (const p of report.plans) {
    out.push('');
    if (p.error) {
      out.push(`✗ ${plain(p.error)}`);
      continue;
    }
    out.push(
      `${p.name ? `${plain(p.name)}: ` : ''}${plain(p.path)} (${p.terraformVersion ? `Terraform ${plain(p.terraformVersion, 40)}, ` : ''}format ${plain(p.formatVersion ?? '?', 20)})`,
    );
    for (const e of p.planErrors ?? []) out.push(`  ✗ plan error: ${plain(e)}`);
    for (const n of p.notes ?? []) out.push(`  note: ${plain(n)}`);
    if (p.resources.length === 0) {
      out.push('  no ECS, EKS or autoscaling resources in this plan');
    } else {
      out.push(`  resources (${p.resources.length}):`);
      const w = Math.min(70, Math.max(...p.resources.map((r) => r.address.length)));
      const actions = p.resources.map(
        (r) => `${ACTION_SYMBOL[r.action] ?? '?'} ${r.action}${r.importing ? ' (import)' : ''}${r.deferred ? ' (deferred)' : ''}`,
      );
      const aw = Math.max(18, ...actions.map((a) => a.length + 1));
      for (const [i, r] of p.resources.entries()) {
        const action = actions[i]!;
        out.push(`    ${action.padEnd(aw)} ${plain(r.address).padEnd(w)}  ${plain(r.region, 30)}`);
      }
    }
    out.push(...renderTextFindings(p));
    out.push(...renderTextCost(p));
  }
  out.push('');
  for (const n of report.cost?.priceNotes ?? []) out.push(`note: ${plain(n)}`);
  // Report-level warnings (live prices that could not be read …) that no plan's notes show.
  const shown = new Set(report.plans.flatMap((p) => p.notes ?? []));
  for (const w of report.warnings ?? []) if (!shown.has(w)) out.push(`warning: ${plain(w)}`);
  out.push(
    `gate: ${report.gate.passed ? 'passed' : 'failed'}${report.gate.reasons.length ? ` (${report.gate.reasons.map((r) => plain(r)).join('; ')})` : ''}`,
  );
  for (const w of report.gate.warnings ?? []) out.push(`gate warning: ${plain(w)}`);
  return `${out.join('\n')}\n`;
}
