import { plain } from './escape.js';
import { usd } from './format.js';
import type { Finding, PlanReport } from './schema.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Findings sorted for reading: active before suppressed, errors first, then by address. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      Number(a.suppressed) - Number(b.suppressed) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      Number(a.existing) - Number(b.existing) ||
      a.address.localeCompare(b.address) ||
      a.rule.localeCompare(b.rule),
  );
}

/**
 * The findings of one plan for the terminal: a count line, then active findings (errors first)
 * and, after them, the suppressed ones with their reason. Each gives where it is (address, file
 * and line), what is wrong, and its docs page.
 */
export function renderTextFindings(p: PlanReport): string[] {
  if (p.findings.length === 0) return ['  findings: none'];
  const sorted = sortFindings(p.findings);
  const active = sorted.filter((f) => !f.suppressed);
  const suppressed = sorted.filter((f) => f.suppressed);
  const counts = (['error', 'warning', 'info'] as const)
    .map((sev) => [sev, active.filter((f) => f.severity === sev).length] as const)
    .filter(([, n]) => n > 0)
    .map(([sev, n]) => `${n} ${sev}${n === 1 ? '' : sev === 'info' ? '' : 's'}`);
  if (suppressed.length > 0) counts.push(`${suppressed.length} suppressed`);
  const out = [`  findings (${counts.join(', ')}):`];
  for (const f of active) out.push(...textFinding(f));
  if (suppressed.length > 0) {
    out.push('  suppressed (reported, never failing the check):');
    for (const f of suppressed) {
      out.push(...textFinding(f));
      out.push(`${INDENT}suppressed: ${plain(f.suppressionReason ?? 'no reason given')}`);
    }
  }
  return out;
}

const INDENT = ' '.repeat(15);

function textFinding(f: Finding): string[] {
  const where = f.file ? `  ${plain(f.file)}${f.line ? `:${f.line}` : ''}` : '';
  const existing = f.existing ? '  [existing: not changed by this plan]' : '';
  const refs = [...(f.path ? [`attribute: ${plain(f.path, 200)}`] : []), ...(f.docs ? [`docs: ${plain(f.docs)}`] : [])];
  return [
    `    ${f.severity.padEnd(10)} ${f.rule}  ${plain(f.address)}${where}${existing}`,
    `${INDENT}${plain(f.message, 1000)}`,
    ...(refs.length > 0 ? [`${INDENT}${refs.join(' · ')}`] : []),
  ];
}

export function renderTextCost(p: PlanReport): string[] {
  const c = p.cost;
  if (!c) return [];
  const out: string[] = [];
  out.push(`  monthly cost (USD, prices of ${c.snapshotDate}):`);
  const rows = c.resources.map((r) => [
    r.address,
    r.action,
    r.usageBased ? 'usage-based' : usd(r.monthlyBefore),
    r.usageBased ? 'usage-based' : usd(r.monthlyAfter),
    r.usageBased ? '' : usd(r.monthlyDelta, { sign: true }),
    r.min !== null || r.max !== null ? `${usd(r.min)} – ${usd(r.max)}` : '',
  ]);
  rows.push(['total', '', usd(c.monthlyBefore), usd(c.monthlyAfter), usd(c.monthlyDelta, { sign: true }), c.min !== null || c.max !== null ? `${usd(c.min)} – ${usd(c.max)}` : '']);
  const head = ['resource', 'change', 'before', 'after', 'delta', 'range (min – max)'];
  const widths = head.map((h, i) => Math.min(70, Math.max(h.length, ...rows.map((r) => plain(r[i]!).length))));
  const line = (cells: string[]) => `    ${cells.map((c2, i) => (i >= 2 ? plain(c2).padStart(widths[i]!) : plain(c2).padEnd(widths[i]!))).join('  ')}`.trimEnd();
  out.push(line(head));
  for (const r of rows) out.push(line(r));
  for (const r of c.resources) {
    for (const u of r.unpriced) out.push(`    unpriced: ${plain(r.address)}: ${plain(u.item)}: ${plain(u.reason)}${u.fix ? ` (${plain(u.fix)})` : ''}`);
    for (const n of r.notes ?? []) out.push(`    note: ${plain(r.address)}: ${plain(n)}`);
  }
  const advice = c.resources.flatMap((r) => r.advice ?? []);
  for (const a of advice) out.push(`    advice: ${plain(a)}`);
  return out;
}
