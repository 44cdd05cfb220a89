import { code, md } from './escape.js';
import { ACTION_SYMBOL, usd } from './format.js';
import type { Report } from './schema.js';
import { sortFindings } from './sections.js';

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/** The Markdown report (job summary, --format markdown). */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const status = report.gate.passed ? '✅' : '❌';
  out.push(`### ${status} container-plan-check`);
  out.push('');
  for (const p of report.plans) {
    out.push(`#### ${code(p.path)}`);
    out.push('');
    if (p.error) {
      out.push(`❌ ${md(p.error, 1000)}`);
      out.push('');
      continue;
    }
    for (const n of p.notes ?? []) out.push(`> ${md(n, 1000)}`, '');
    const active = sortFindings(p.findings);
    if (active.length > 0) {
      out.push('| | Rule | Resource | What is wrong |', '|---|---|---|---|');
      for (const f of active) {
        const icon = f.suppressed ? '🔕' : ICON[f.severity];
        const rule = f.docs ? `[${md(f.rule)}](${f.docs})` : md(f.rule);
        const where = f.file ? ` · ${md(f.file)}${f.line ? `:${f.line}` : ''}` : '';
        out.push(`| ${icon} | ${rule} | ${code(f.address)}${where}${f.existing ? ' (existing)' : ''} | ${md(f.message, 1000)} |`);
      }
      out.push('');
    }
    if (p.resources.length === 0) {
      out.push('No ECS, EKS or autoscaling resources in this plan.', '');
    } else {
      out.push('| Resource | Change | Region |', '|---|---|---|');
      for (const r of p.resources) {
        out.push(`| ${code(r.address)} | ${ACTION_SYMBOL[r.action] ?? ''} ${r.action}${r.importing ? ' (import)' : ''} | ${md(r.region)} |`);
      }
      out.push('');
    }
    if (p.cost) {
      out.push('| Resource | Change | Before | After | Δ / month | Range (min–max) |', '|---|---|---:|---:|---:|---:|');
      for (const r of p.cost.resources) {
        const range = r.min !== null || r.max !== null ? `${usd(r.min)} – ${usd(r.max)}` : '';
        out.push(`| ${code(r.address)} | ${r.action} | ${usd(r.monthlyBefore)} | ${usd(r.monthlyAfter)} | ${usd(r.monthlyDelta, { sign: true })} | ${range} |`);
      }
      out.push('');
    }
  }
  out.push(`<sub>evaluated as of ${md(report.asOf)}${report.gate.passed ? '' : ` · gate failed: ${md(report.gate.reasons.join('; '), 1000)}`}</sub>`);
  return `${out.join('\n')}\n`;
}
