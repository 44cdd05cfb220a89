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
    out.push(`${p.name ? `${plain(p.name)}: ` : ''}${plain(p.path)} (${p.terraformVersion ? `Terraform ${plain(p.terraformVersion, 40)}, ` : ''}format ${plain(p.formatVersion ?? '?', 20)})`);
    for (const n of p.notes ?? []) out.push(`  note: ${plain(n)}`);
    if (p.resources.length === 0) {
      out.push('  no ECS, EKS or autoscaling resources in this plan');
    } else {
      out.push(`  resources (${p.resources.length}):`);
      const w = Math.min(70, Math.max(...p.resources.map((r) => r.address.length)));
      for (const r of p.resources) {
        const action = `${ACTION_SYMBOL[r.action] ?? '?'} ${r.action}${r.importing ? ' (import)' : ''}`;
        out.push(`    ${action.padEnd(18)} ${plain(r.address).padEnd(w)}  ${plain(r.region, 30)}`);
      }
    }
    out.push(...renderTextFindings(p));
    out.push(...renderTextCost(p));
  }
  out.push('');
  out.push(`gate: ${report.gate.passed ? 'passed' : 'failed'}${report.gate.reasons.length ? ` (${report.gate.reasons.map((r) => plain(r)).join('; ')})` : ''}`);
  return `${out.join('\n')}\n`;
}
