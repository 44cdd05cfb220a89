import { plain } from './escape.js';
import { ACTION_SYMBOL, decimal, usd } from './format.js';
import type { Finding, PlanReport, ResourceCost } from './schema.js';

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
    `    ${f.severity.padEnd(10)} ${plain(f.rule, 80)}  ${plain(f.address)}${where}${existing}`,
    `${INDENT}${plain(f.message, 1000)}`,
    ...(refs.length > 0 ? [`${INDENT}${refs.join(' · ')}`] : []),
  ];
}

/** A unit price with its full precision (up to 8 decimals), e.g. `$0.00511175`. */
export function unitPrice(n: number | null): string {
  if (n === null) return 'no price';
  return `$${decimal(n, 2, 8)}`;
}

/** A component quantity, e.g. `1,460`, `5.25`; `unknown` when the count is; `(sensitive)` when derived from a sensitive value. */
export function quantity(n: number | null, sensitive = false): string {
  return sensitive ? '(sensitive)' : n === null ? 'unknown' : decimal(n, 0, 2);
}

/** The min – max range, or '' when there is none (a fixed price, or both bounds unknown). */
export function costRange(min: number | null, max: number | null): string {
  if (min === null && max === null) return '';
  if (min !== null && min === max) return '';
  return `${usd(min)} – ${usd(max)}`;
}

export function renderTextCost(p: PlanReport): string[] {
  const c = p.cost;
  if (!c) return [];
  const out: string[] = [];
  out.push(`  monthly cost (USD, 730 hours a month, AWS prices of ${plain(c.snapshotDate, 20)}):`);
  if (c.priceOrigins?.length) out.push(`  prices from: ${c.priceOrigins.map((o) => plain(o, 100)).join('; ')}`);
  // Every cell made plain once: the widths and the lines use the same text.
  const rows: string[][] = [];
  for (const r of c.resources) rows.push(costRow(r));
  rows.push(
    [
      c.partial ? 'total (partial)' : 'total',
      '',
      usd(c.monthlyBefore),
      usd(c.monthlyAfter),
      usd(c.monthlyDelta, { sign: true }),
      costRange(c.min, c.max),
    ].map((cell) => plain(cell)),
  );
  const head = ['resource', 'change', 'before', 'after', 'delta', 'min – max (autoscaling)'];
  const widths = head.map((h, i) => {
    let w = h.length;
    for (const r of rows) w = Math.max(w, r[i]!.length);
    return Math.min(70, w);
  });
  const line = (cells: string[]) => {
    let s = '    ';
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) s += '  ';
      s += i >= 2 ? cells[i]!.padStart(widths[i]!) : cells[i]!.padEnd(widths[i]!);
    }
    return s.trimEnd();
  };
  out.push(line(head));
  for (let i = 0; i < rows.length - 1; i++) out.push(line(rows[i]!));
  out.push(`    ${'-'.repeat(widths.reduce((a, w) => a + w + 2, -2))}`);
  out.push(line(rows.at(-1)!));
  for (const r of c.resources) textCostDetail(r, out);
  for (const n of c.notes ?? []) {
    out.push('');
    out.push(`    note: ${plain(n)}`);
  }
  return out;
}

/** A resource's row of the cost table: address, change, before, after, delta, range. */
function costRow(r: ResourceCost): string[] {
  const figure = (v: number | null, side: 'before' | 'after') => {
    if (r.usageBased) return 'usage-based';
    if ((side === 'before' && r.action === 'create') || (side === 'after' && r.action === 'delete')) return '–';
    return usd(v);
  };
  return [
    plain(r.address),
    plain(`${ACTION_SYMBOL[r.action] ?? '?'} ${r.action}${r.deferred ? ' (deferred)' : ''}`),
    plain(figure(r.monthlyBefore, 'before')),
    plain(figure(r.monthlyAfter, 'after')),
    plain(r.usageBased ? '' : usd(r.monthlyDelta, { sign: true })),
    plain(r.usageBased && r.max === null ? '' : costRange(r.min, r.max)),
  ];
}

/** A resource's details: its description, its components in aligned columns, what is unpriced, notes and what-ifs. */
function textCostDetail(r: ResourceCost, out: string[]): void {
  out.push('');
  out.push(`    ${plain(r.address)}${r.description ? `: ${plain(r.description)}` : ''}`);
  const comps: string[][] = [];
  const cw = [0, 0, 0, 0, 0];
  for (const k of r.components) {
    const cells = [plain(k.name), quantity(k.quantity, k.quantitySensitive), plain(k.unit), unitPrice(k.unitPrice), usd(k.monthly)];
    for (let i = 0; i < 5; i++) cw[i] = Math.max(cw[i]!, cells[i]!.length);
    comps.push(cells);
  }
  for (const k of comps) {
    out.push(
      `      ${k[0]!.padEnd(cw[0]!)}  ${k[1]!.padStart(cw[1]!)} ${k[2]!.padEnd(cw[2]!)} × ${k[3]!.padEnd(cw[3]!)} = ${k[4]!.padStart(cw[4]!)}`,
    );
  }
  for (const u of r.unpriced) {
    out.push(`      unpriced: ${plain(u.item)}: ${plain(u.reason)}`);
    if (u.fix) out.push(`                fix: ${plain(u.fix)}`);
  }
  for (const n of r.notes ?? []) out.push(`      note: ${plain(n)}`);
  for (const a of r.advice ?? []) out.push(`      what if: ${plain(a)}`);
}
