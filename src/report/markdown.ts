import { code, linkTarget, md } from './escape.js';
import { ACTION_SYMBOL, count, decimal, percent, usd } from './format.js';
import { ruleDocsUrl } from './links.js';
import type { CostComponent, Finding, PlanReport, Report, ResourceCost } from './schema.js';
import { errorOf, shownLabel, shownPath, withShownPaths } from './paths.js';
import { costRange, quantity, sortFindings, unitPrice } from './sections.js';
import { isChange, isGating, plural, tally } from './tally.js';

/**
 * The Markdown report: the PR comment (src/report/comment.ts), the job summary and
 * `--format markdown` all come from here. The document opens with one line that answers
 * "can this be applied, and what does it cost"; then the findings that count, the cost per
 * resource, and folded details per plan. Past a size limit it is shortened by priority: details
 * go first, the summary line never does, and the document says what it left out.
 *
 * Every plan-supplied string goes through `md`/`code` (Markdown, HTML, pipes, @mentions).
 */
export interface MarkdownOptions {
  /** Base URL that rule docs paths (`docs/rules/ID.md`) resolve against. */
  linkBase?: string;
  /** Where the full report can be read (the job summary); linked when shortened. */
  fullReportUrl?: string;
  /** Size limit of the whole document, suffix included, as `measure` counts it. */
  limit?: number;
  measure?: (s: string) => number;
  /** How the limit is named in the note that says the document was shortened. */
  limitName?: string;
  /** Appended verbatim (the comment's hidden marker). */
  suffix?: string;
  /** Plan sections start open (job summary) or folded (comment). */
  open?: boolean;
  /**
   * `comment`: findings grouped by rule and message, the top cost rows, one of each cost-saving
   * idea; `summary` (default): what the comment leaves out, every finding on its own row, every
   * cost row and component, and the notes.
   */
  mode?: 'comment' | 'summary';
}

/** GitHub's limit for one step's job summary: 1 MiB. */
export const SUMMARY_LIMIT = 1024 * 1024;

/** The job summary and `--format markdown`: the full report, plan sections open. */
export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  return renderDocument(report, {
    limit: SUMMARY_LIMIT,
    measure: (s) => Buffer.byteLength(s, 'utf8'),
    limitName: '1 MiB job summary limit',
    open: true,
    ...opts,
  });
}

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;
const SUPPRESSED_ICON = '🔕';
const FINDINGS_HEAD = ['| | Rule | Resource | What is wrong |', '|---|---|---|---|'];
const GROUPED_HEAD = ['| | Rule | Resources | What is wrong |', '|---|---|---|---|'];
const COST_HEAD = ['| Resource | Change | Before | After | Δ / month | Range (min–max) |', '|---|---|---:|---:|---:|---:|'];
const STACK_HEAD = ['| Stack | Errors | Warnings | Monthly before | Change | After | Range |', '|---|---:|---:|---:|---:|---:|---:|'];

/** In the comment: at most this many cost rows and finding groups (the job summary has them all), and addresses per group. */
const COMMENT_COST_ROWS = 25;
const COMMENT_GROUPS = 30;
const GROUP_ADDRESSES = 20;

/** What is kept when the document must shrink; everything by default. */
interface Cut {
  droppedPlans: Set<number>;
  other: boolean;
  advice: boolean;
  costRows: number;
  warnings: number;
  errors: number;
  stacks: number;
  planErrors: number;
}

/**
 * Rows of one list: rendered only up to where they alone pass the size limit (no more of them
 * could ever be shown), with the count of all of them.
 */
interface Rows {
  lines: string[];
  /** Each line's size, as the limit's measure counts it. */
  sizes: number[];
  total: number;
}

/** A block shown whole or not at all; `oversize` when it alone passes the limit (not rendered). */
interface Block {
  lines: string[];
  sizes: number[];
  count: number;
  oversize: boolean;
}

/** A rendered plan section and its size. */
interface Section {
  text: string;
  size: number;
}

const EMPTY: Section = { text: '', size: 0 };

/** The report's parts, rendered once; the document is assembled from them under a Cut. */
interface Parts {
  head: string[];
  planErrors: Rows;
  /** The per-stack table of a report of several plans (empty for one plan). */
  stacks: Rows;
  errors: Rows;
  warnings: Rows;
  /** The findings are grouped (comment) or one per row (summary). */
  grouped: boolean;
  other: Block;
  costRows: Rows;
  /** How many of the cost rows, first in their order, have an unknown cost. */
  costUnknown: number;
  costFoot: string[];
  advice: Block;
  /** Each plan's folded details; undefined when they alone pass the limit. */
  plans: (Section | undefined)[];
  footer: string;
}

const ROW_KINDS = ['costRows', 'warnings', 'errors', 'stacks', 'planErrors'] as const;

/**
 * The document, within `limit`. Parts are rendered only as far as the limit could show them, so
 * a report of a hundred thousand resources costs no more to render than one that fills the limit.
 */
export function renderDocument(report: Report, opts: MarkdownOptions): string {
  const measure = opts.measure ?? ((s: string) => s.length);
  const limit = opts.limit ?? Infinity;
  const parts = buildParts(report, opts, { limit, measure });
  const comment = opts.mode === 'comment';
  const full: Cut = {
    droppedPlans: new Set(),
    other: parts.other.count > 0,
    advice: parts.advice.count > 0,
    costRows: comment ? Math.min(parts.costRows.total, COMMENT_COST_ROWS) : parts.costRows.total,
    warnings: comment ? Math.min(parts.warnings.total, COMMENT_GROUPS) : parts.warnings.total,
    errors: comment ? Math.min(parts.errors.total, COMMENT_GROUPS) : parts.errors.total,
    stacks: parts.stacks.total,
    planErrors: parts.planErrors.total,
  };
  // Sizes are added up from the parts' known sizes: no candidate document is joined.
  const suffix = measure(opts.suffix ?? '');
  const fits = (c: Cut) => renderable(parts, c) && assemble(parts, c, opts, full, measure).size + suffix <= limit;
  const done = (c: Cut) => assemble(parts, c, opts, full, measure).text(opts.suffix ?? '');
  if (fits(full)) return done(full);

  const cut: Cut = { ...full, droppedPlans: new Set() };
  // Lowest priority first: plan details (largest first), other findings, advice.
  const size = (p: Section | undefined) => (p === undefined ? Infinity : p.size);
  const bySize = parts.plans.map((p, i) => [i, size(p)] as const).sort((a, b) => b[1] - a[1]);
  for (const [i] of bySize) {
    cut.droppedPlans.add(i);
    if (fits(cut)) return done(cut);
  }
  for (const k of ['other', 'advice'] as const) {
    cut[k] = false;
    if (fits(cut)) return done(cut);
  }
  // Then rows, keeping as many as fit: cost rows, warnings, errors, unreadable plans.
  for (const k of ROW_KINDS) {
    const n = Math.min(cut[k], parts[k].lines.length);
    cut[k] = 0;
    if (fits(cut)) {
      let lo = 0;
      let hi = n; // fits(lo) holds; find the largest count that fits
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        cut[k] = mid;
        if (fits(cut)) lo = mid;
        else hi = mid - 1;
      }
      cut[k] = lo;
      return done(cut);
    }
  }
  return done(cut);
}

/** Does the cut ask only for what was rendered? (What was not rendered cannot fit.) */
function renderable(parts: Parts, cut: Cut): boolean {
  if (parts.plans.some((p, i) => p === undefined && !cut.droppedPlans.has(i))) return false;
  if ((cut.other && parts.other.oversize) || (cut.advice && parts.advice.oversize)) return false;
  return ROW_KINDS.every((k) => cut[k] <= parts[k].lines.length);
}

/** A document's lines and its size as `measure` counts it (each line with its newline), not yet joined. */
class Doc {
  readonly lines: string[] = [];
  size = 0;
  constructor(private readonly measure: (s: string) => number) {}
  line(s: string, size = this.measure(s)): void {
    this.lines.push(s);
    this.size += size + 1;
  }
  all(lines: readonly string[], sizes?: readonly number[], n = lines.length): void {
    for (let i = 0; i < n; i++) this.line(lines[i]!, sizes?.[i]);
  }
  text(suffix: string): string {
    return `${this.lines.join('\n')}\n${suffix}`;
  }
}

function assemble(parts: Parts, cut: Cut, opts: MarkdownOptions, full: Cut, measure: (s: string) => number): Doc {
  const out = new Doc(measure);
  out.all(parts.head);
  out.line('');
  const note = cutNote(parts, cut, full, opts);
  if (note) out.all([note, '']);
  if (cut.planErrors > 0) {
    out.all(parts.planErrors.lines, parts.planErrors.sizes, cut.planErrors);
    out.line('');
  }
  if (parts.stacks.total > 0) {
    out.all(STACK_HEAD);
    out.all(parts.stacks.lines, parts.stacks.sizes, cut.stacks);
    if (cut.stacks < parts.stacks.total) out.line(`| … ${more(parts.stacks.total - cut.stacks, 'stack')} | | | | | | |`);
    out.line('');
  }
  if (parts.errors.total + parts.warnings.total > 0) {
    const what = parts.grouped ? 'finding group' : 'finding';
    out.all(parts.grouped ? GROUPED_HEAD : FINDINGS_HEAD);
    out.all(parts.errors.lines, parts.errors.sizes, cut.errors);
    if (cut.errors < parts.errors.total) out.line(`| ❌ | … | ${more(parts.errors.total - cut.errors, `error ${what}`)} | |`);
    out.all(parts.warnings.lines, parts.warnings.sizes, cut.warnings);
    if (cut.warnings < parts.warnings.total) out.line(`| ⚠️ | … | ${more(parts.warnings.total - cut.warnings, `warning ${what}`)} | |`);
    out.line('');
  }
  if (parts.costRows.total > 0 || parts.costFoot.length > 0) {
    out.all(COST_HEAD);
    out.all(parts.costRows.lines, parts.costRows.sizes, cut.costRows);
    if (cut.costRows < parts.costRows.total) {
      const left = parts.costRows.total - cut.costRows;
      const unknown = Math.max(0, parts.costUnknown - cut.costRows);
      out.line(`| … ${more(left, 'resource')}${unknown > 0 ? `, ${count(unknown)} of them with an unknown cost` : ''} | | | | | |`);
    }
    out.all(parts.costFoot);
    out.line('');
  }
  for (const [on, block] of [
    [cut.other, parts.other],
    [cut.advice, parts.advice],
  ] as const) {
    if (on && !block.oversize && block.lines.length > 0) {
      out.all(block.lines, block.sizes);
      out.line('');
    }
  }
  parts.plans.forEach((p, i) => {
    if (p !== undefined && p !== EMPTY && !cut.droppedPlans.has(i)) {
      out.line(p.text, p.size);
      out.line('');
    }
  });
  out.line(parts.footer);
  return out;
}

/** `12 more stacks (in the job summary)`. */
function more(n: number, what: string): string {
  return `${plural(n, `more ${what}`)} (in the job summary)`;
}

function cutNote(parts: Parts, cut: Cut, full: Cut, opts: MarkdownOptions): string | undefined {
  const left: string[] = [];
  const dropped = [...cut.droppedPlans].filter((i) => parts.plans[i] !== EMPTY).length;
  if (dropped > 0) left.push(`the details of ${plural(dropped, 'plan')}`);
  if (!cut.other && parts.other.count > 0) left.push('the other findings (info, unchanged resources, suppressed)');
  if (!cut.advice && parts.advice.count > 0) left.push('the cost-saving ideas');
  const rows: [(typeof ROW_KINDS)[number], string][] = [
    ['costRows', 'cost rows'],
    ['warnings', 'warnings'],
    ['errors', 'errors'],
    ['stacks', 'stack rows'],
    ['planErrors', 'plan errors'],
  ];
  for (const [k, name] of rows) {
    if (cut[k] < full[k]) left.push(`${count(full[k] - cut[k])} of ${count(full[k])} ${name}`);
  }
  if (left.length === 0) return undefined;
  const where = opts.fullReportUrl ? `The [job summary](${opts.fullReportUrl}) has the full report.` : 'The JSON report has everything.';
  return `> ✂️ **Shortened to fit the ${opts.limitName ?? 'size limit'}.** Left out: ${left.join('; ')}. ${where}`;
}

interface Budget {
  limit: number;
  measure: (s: string) => number;
}

/** Lines rendered one by one until together they pass the limit. */
class Lines {
  readonly lines: string[] = [];
  readonly sizes: number[] = [];
  private size = 0;
  constructor(readonly budget: Budget) {}
  get full(): boolean {
    return this.size > this.budget.limit;
  }
  push(...lines: string[]): void {
    for (const l of lines) {
      const n = this.budget.measure(l);
      this.lines.push(l);
      this.sizes.push(n);
      this.size += n + 1;
    }
  }
  /** The lines as one text and its size. */
  section(): Section {
    return { text: this.lines.join('\n'), size: this.size - 1 };
  }
}

function rowsOf<T>(items: readonly T[], render: (t: T) => string, budget: Budget): Rows {
  const out = new Lines(budget);
  for (const it of items) {
    if (out.full) break;
    out.push(render(it));
  }
  return { lines: out.lines, sizes: out.sizes, total: items.length };
}

function blockOf<T>(items: readonly T[], open: string, render: (t: T) => string, head: readonly string[], budget: Budget): Block {
  const none = { lines: [], sizes: [], count: items.length };
  if (items.length === 0) return { ...none, oversize: false };
  const out = new Lines(budget);
  out.push(open, '', ...head);
  for (const it of items) {
    if (out.full) return { ...none, oversize: true };
    out.push(render(it));
  }
  out.push('', '</details>');
  return out.full ? { ...none, oversize: true } : { lines: out.lines, sizes: out.sizes, count: items.length, oversize: false };
}

type Item = { p: PlanReport; f: Finding };

function buildParts(report: Report, opts: MarkdownOptions, budget: Budget): Parts {
  const multi = report.plans.length > 1;
  const grouped = opts.mode === 'comment';
  const active = report.plans.flatMap((p) => sortFindings(p.findings).map((f) => ({ p, f })));
  const row = ({ p, f }: Item) => findingRow(f, multi ? p : undefined, opts);
  const gating = active.filter(({ f }) => isGating(f) && f.severity !== 'info');
  const other = active.filter(({ f }) => !(isGating(f) && f.severity !== 'info'));
  const findingRows = (items: Item[]) =>
    grouped ? rowsOf(groupFindings(items), (g) => groupRow(g, multi, opts), budget) : rowsOf(items, row, budget);
  const costs = report.plans.flatMap((p) => (p.cost?.resources ?? []).map((r) => ({ p, r })));
  const shown = costs.filter(({ r }) => isChange(r.action) || r.monthlyDelta !== 0).sort((a, b) => costOrder(a.r, b.r));
  const advice = costs.flatMap(({ p, r }) => (r.advice ?? []).map((a) => ({ p, r, a, n: 1 })));
  const otherGroups = groupFindings(other);
  return {
    head: head(report),
    planErrors: rowsOf(
      report.plans.flatMap((p) => (p.error ? [{ p, e: errorOf(p) }] : (p.planErrors ?? []).map((e) => ({ p, e })))),
      ({ p, e }) => `❌ ${code(shownPath(p.path), 200)}: ${md(withShownPaths(e, report), 500)}  `,
      budget,
    ),
    stacks: multi
      ? rowsOf(
          report.plans.filter((p) => !p.error),
          stackRow,
          budget,
        )
      : { lines: [], sizes: [], total: 0 },
    errors: findingRows(gating.filter(({ f }) => f.severity === 'error')),
    warnings: findingRows(gating.filter(({ f }) => f.severity === 'warning')),
    grouped,
    other: grouped
      ? blockOf(
          otherGroups,
          `<details><summary>${plural(other.length, 'other finding')}: info, on resources this plan does not change, or suppressed (these never fail the check)</summary>`,
          (g) => groupRow(g, multi, opts),
          GROUPED_HEAD,
          budget,
        )
      : blockOf(
          other,
          `<details><summary>${plural(other.length, 'other finding')}: info, on resources this plan does not change, or suppressed (these never fail the check)</summary>`,
          row,
          FINDINGS_HEAD,
          budget,
        ),
    costRows: rowsOf(shown, ({ p, r }) => costRow(r, multi ? p : undefined), budget),
    costUnknown: shown.filter(({ r }) => r.monthlyDelta === null && !r.usageBased).length,
    costFoot: costFoot(report, costs.length - shown.length),
    advice: blockOf(
      grouped ? onceEach(advice) : advice,
      `<details><summary>💡 ${plural(grouped ? onceEach(advice).length : advice.length, 'way')} to spend less</summary>`,
      ({ p, r, a, n }) =>
        `- ${resourceCell(r.address, multi ? p : undefined)}: ${md(a, 1000)}${n > 1 ? ` (and ${plural(n - 1, 'other resource')} alike)` : ''}`,
      [],
      budget,
    ),
    plans: report.plans.map((p) => planSection(p, opts, budget)),
    footer: footer(report, opts),
  };
}

/** A message with its values (quoted strings, numbers) taken out: findings of one shape say the same thing. */
function shape(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\d+(?:[.,]\d+)*/g, '#');
}

interface Group {
  items: Item[];
}

/**
 * Findings of one rule, severity, state and message shape, in one group each, in the order of
 * their first finding (errors first, then by address).
 */
function groupFindings(items: readonly Item[]): Group[] {
  const groups = new Map<string, Group>();
  for (const it of items) {
    const f = it.f;
    const key = `${f.rule}\u0000${f.severity}\u0000${f.suppressed}\u0000${f.existing}\u0000${shape(f.message)}`;
    const g = groups.get(key);
    if (g) g.items.push(it);
    else groups.set(key, { items: [it] });
  }
  return [...groups.values()];
}

/** One row per group: the rule, `× N resources` with the addresses folded under it, and the message. */
function groupRow(g: Group, multi: boolean, opts: MarkdownOptions): string {
  const { f } = g.items[0]!;
  const icon = f.suppressed ? SUPPRESSED_ICON : ICON[f.severity];
  const url = ruleDocsUrl(f.docs, opts.linkBase);
  const rule = url ? `[${md(f.rule, 80)}](${linkTarget(url)})` : md(f.rule, 80);
  const state = f.existing ? ' (unchanged)' : '';
  const why = f.suppressed ? ` — suppressed${f.suppressionReason ? `: ${md(f.suppressionReason, 300)}` : ''}` : '';
  const where = ({ p, f: x }: Item) =>
    `${resourceCell(x.address, multi ? p : undefined)}${x.file ? ` · ${md(x.file, 200)}${x.line ? `:${x.line}` : ''}` : ''}`;
  if (g.items.length === 1) return `| ${icon} | ${rule} | ${where(g.items[0]!)}${state} | ${md(f.message, 1000)}${why} |`;
  const listed = g.items.slice(0, GROUP_ADDRESSES).map(where);
  if (g.items.length > GROUP_ADDRESSES) listed.push(more(g.items.length - GROUP_ADDRESSES, 'resource'));
  const same = g.items.every(({ f: x }) => x.message === f.message);
  const message = same
    ? md(f.message, 1000)
    : `${md(f.message, 1000)} (this one on ${code(f.address, 200)}; the values differ per resource)`;
  return `| ${icon} | ${rule} | <details><summary>× ${plural(g.items.length, 'resource')}${state}</summary>${listed.join('<br>')}</details> | ${message}${why} |`;
}

/** Each cost-saving idea once: the first resource it applies to, and how many others it applies to alike. */
function onceEach<T extends { a: string; n: number }>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const it of items) {
    const key = shape(it.a);
    const first = seen.get(key);
    if (first) first.n++;
    else seen.set(key, { ...it, n: 1 });
  }
  return [...seen.values()];
}

/** A stack's row in the per-stack table of a report of several plans. */
function stackRow(p: PlanReport): string {
  const gating = p.findings.filter(isGating);
  const errors = gating.filter((f) => f.severity === 'error').length;
  const warnings = gating.filter((f) => f.severity === 'warning').length;
  const c = p.cost;
  const label = `${code(shownLabel(p), 200)}${p.planErrors?.length ? ' (plan errors)' : ''}`;
  if (!c) return `| ${label} | ${errors} | ${warnings} | – | – | – | – |`;
  return `| ${label} | ${errors} | ${warnings} | ${usd(c.monthlyBefore)} | ${usd(c.monthlyDelta, { sign: true })} | ${usd(c.monthlyAfter)} | ${rangeCell(c.min, c.max)} |`;
}

/** The range column: min – max, `fixed` when both are one figure (no autoscaling), `unknown` when either is. */
function rangeCell(min: number | null, max: number | null): string {
  if (min === null || max === null) return 'unknown';
  if (Math.round(min * 100) === Math.round(max * 100)) return 'fixed';
  // No-break spaces, and a word joiner after the dash (a line may break after a dash even before a
  // no-break space): a narrow column keeps the range on one line.
  return costRange(min, max).replace(/ – /g, '\u00a0–\u2060\u00a0');
}

/**
 * The opening line a reviewer can act on: the status and what the plan changes in cost, e.g.
 * `❌ 2 errors · monthly cost +$690 (to $1,159 at max scale)`. The details (plan, change counts,
 * before → after, percent, range) follow on their own line, then the gate's reasons when it fails.
 */
function head(report: Report): string[] {
  const t = tally(report);
  const bad = report.plans.filter((p) => p.error).length;
  const failing = report.plans.filter((p) => p.planErrors?.length).length;
  const icon = !report.gate.passed ? '❌' : t.warnings > 0 || bad > 0 ? '⚠️' : '✅';
  const status = [
    bad > 0 && `${plural(bad, 'plan')} unreadable`,
    failing > 0 && `${plural(failing, 'plan')} with plan errors`,
    t.errors > 0 && plural(t.errors, 'error'),
    t.warnings > 0 && plural(t.warnings, 'warning'),
  ].filter((x): x is string => Boolean(x));
  if (status.length === 0) status.push(report.gate.passed ? 'no errors or warnings' : 'fails the check');
  const change = costHeadline(report);
  if (change) status.push(change);
  else if (t.changed === 0 && bad === 0) status.push('no ECS, EKS or autoscaling changes');
  const lines = [`### ${icon} ${status.join(' · ')}`, '', details(report)];
  if (!report.gate.passed) lines.push('', `**Fails the check:** ${md(withShownPaths(report.gate.reasons.join('; '), report), 2000)}.`);
  // Report-level warnings (a stack's report left out of a merge …) that no plan section shows.
  const shown = new Set(report.plans.flatMap((p) => p.notes ?? []));
  const warnings = [...(report.gate.warnings ?? []), ...(report.warnings ?? [])].filter((w) => !shown.has(w));
  if (warnings.length > 0)
    lines.push(
      '',
      ...warnings.slice(0, 10).map((w) => `> ⚠️ ${md(withShownPaths(w, report), 500)}`),
      ...(warnings.length > 10 ? [`> ⚠️ and ${warnings.length - 10} more warnings in the job summary`] : []),
    );
  return lines;
}

/** A headline amount: whole dollars from $10 on (the details give cents). */
function roundUsd(n: number, sign = false): string {
  const abs = Math.abs(n);
  const s = abs >= 10 ? `$${decimal(abs, 0, 0)}` : usd(abs);
  if (n < 0) return `−${s}`;
  return sign ? `+${s}` : s;
}

/** Resources whose monthly figure is unknown (not usage-based), in cost order. */
function unknownCosts(report: Report): ResourceCost[] {
  return report.plans
    .flatMap((p) => p.cost?.resources ?? [])
    .filter((r) => !r.usageBased && (r.monthlyDelta === null || r.monthlyAfter === null));
}

/** Why a resource's cost is unknown: its first unpriced item, else its first note. */
function unknownReason(r: ResourceCost): string {
  const u = r.unpriced[0];
  if (u) return `${u.item}: ${u.reason}`;
  return r.notes?.[0] ?? 'not priced';
}

/** What the plan does to the monthly cost, in a few words; undefined when nothing was priced. */
function costHeadline(report: Report): string | undefined {
  const c = report.cost;
  if (!c) return undefined;
  const partial = c.partial ? ' (partial: the plan is incomplete)' : '';
  if (c.monthlyDelta === null) {
    // Which resources and why: on the line below.
    const unknown = unknownCosts(report).filter((r) => r.monthlyDelta === null).length;
    return `**cost change unknown** (${unknown > 0 ? `${plural(unknown, 'resource')} not priced` : 'a plan was not priced'})${partial}`;
  }

  const usage = report.plans.flatMap((p) => p.cost?.resources ?? []).filter((r) => r.usageBased && isChange(r.action)).length;
  const usageNote = usage > 0 ? `${plural(usage, 'usage-based resource')} not counted` : '';
  if (Math.round(c.monthlyDelta * 100) === 0) return `no cost change${usageNote ? ` (${usageNote})` : ''}${partial}`;
  const to =
    c.monthlyAfter === null
      ? 'total unknown'
      : c.max !== null && c.max > c.monthlyAfter + 0.005
        ? `to ${roundUsd(c.max)} at max scale`
        : c.monthlyBefore === 0
          ? '' // from nothing: the change is the total
          : `to ${roundUsd(c.monthlyAfter)}`;
  const after = [to, usageNote].filter(Boolean).join('; ');
  return `**monthly cost ${roundUsd(c.monthlyDelta, true)}**${after ? ` (${after})` : ''}${partial}`;
}

/** Terraform's count of the analysed resources, e.g. `Plan: 3 to add, 1 to change, 0 to destroy (1 replaced)`. */
export function planCounts(report: Report): string {
  const n: Record<string, number> = {};
  for (const p of report.plans) for (const r of p.resources) n[r.action] = (n[r.action] ?? 0) + 1;
  const replaced = n.replace ?? 0;
  const forget = n.forget ?? 0;
  return `Plan: ${count((n.create ?? 0) + replaced)} to add, ${count(n.update ?? 0)} to change, ${count((n.delete ?? 0) + replaced)} to destroy${forget ? `, ${count(forget)} to forget` : ''}${replaced ? ` (${count(replaced)} replaced)` : ''}`;
}

/** The line under the headline: which plan, what it changes, and the cost figures behind the headline. */
function details(report: Report): string {
  const bits = [
    '**container-plan-check**',
    report.plans.length === 1 ? code(shownLabel(report.plans[0]!), 100) : plural(report.plans.length, 'plan'),
    `${planCounts(report)} (ECS, EKS and autoscaling resources)`,
  ];
  const c = report.cost;
  if (c) {
    const pct = percent(c.monthlyDelta, c.monthlyBefore);
    const none = c.monthlyDelta !== null && Math.round(c.monthlyDelta * 100) === 0;
    const delta = c.monthlyDelta === null ? 'change unknown' : none ? 'no change' : usd(c.monthlyDelta, { sign: true });
    let figures = `monthly ${usd(c.monthlyBefore)} → ${usd(c.monthlyAfter)} (${delta}${pct && !none ? `, ${pct}` : ''})`;
    const range = c.min !== null && c.max !== null ? costRange(c.min, c.max) : '';
    if (range) figures += `, ${range} across autoscaling bounds`;
    if (c.monthlyBefore === null || c.monthlyAfter === null) {
      const unknown = unknownCosts(report);
      const first = unknown[0];
      if (first)
        figures += `; totals unknown: ${plural(unknown.length, 'resource')} not priced, e.g. ${code(first.address, 100)} ${md(unknownReason(first), 200)}`;
    }
    bits.push(figures);
  }
  return bits.join(' · ');
}

function resourceCell(address: string, p: PlanReport | undefined): string {
  return `${p ? `${code(shownLabel(p), 100)} › ` : ''}${code(address, 200)}`;
}

function findingRow(f: Finding, p: PlanReport | undefined, opts: MarkdownOptions): string {
  const icon = f.suppressed ? SUPPRESSED_ICON : ICON[f.severity];
  const url = ruleDocsUrl(f.docs, opts.linkBase);
  const rule = url ? `[${md(f.rule, 80)}](${linkTarget(url)})` : md(f.rule, 80);
  const where = f.file ? ` · ${md(f.file, 200)}${f.line ? `:${f.line}` : ''}` : '';
  const state = f.existing ? ' (unchanged)' : '';
  const why = f.suppressed ? ` — suppressed${f.suppressionReason ? `: ${md(f.suppressionReason, 300)}` : ''}` : '';
  return `| ${icon} | ${rule} | ${resourceCell(f.address, p)}${where}${state} | ${md(f.message, 1000)}${why} |`;
}

/** Unknown deltas first (they need a look), then by size of the change. */
function costOrder(a: ResourceCost, b: ResourceCost): number {
  const k = (r: ResourceCost) => (r.monthlyDelta === null ? Infinity : Math.abs(r.monthlyDelta));
  return k(b) - k(a) || a.address.localeCompare(b.address);
}

function money(r: ResourceCost, v: number | null, side: 'before' | 'after'): string {
  const absent = (side === 'before' && r.action === 'create') || (side === 'after' && r.action === 'delete');
  if (r.usageBased) return absent ? '–' : 'usage-based';
  if (v === 0 && absent) return '–';
  return usd(v);
}

function costRow(r: ResourceCost, p: PlanReport | undefined): string {
  // An unknown figure says why, in the row itself.
  const unknown =
    !r.usageBased && (r.monthlyDelta === null || r.monthlyAfter === null) ? `<br>⚠️ unknown: ${md(unknownReason(r), 300)}` : '';
  const what = `${resourceCell(r.address, p)}${r.description ? ` — ${md(r.description, 200)}` : ''}${unknown}`;
  const delta = r.usageBased ? '' : usd(r.monthlyDelta, { sign: true });
  const range = r.usageBased || r.action === 'delete' ? '–' : rangeCell(r.min, r.max);
  return `| ${what} | ${ACTION_SYMBOL[r.action] ?? ''} ${r.action}${r.deferred ? ' (deferred)' : ''} | ${money(r, r.monthlyBefore, 'before')} | ${money(r, r.monthlyAfter, 'after')} | ${delta} | ${range} |`;
}

function costFoot(report: Report, unchanged: number): string[] {
  const c = report.cost;
  if (!c) return [];
  const out = [
    `| **Total${c.partial ? ' (partial)' : ''}** | | **${usd(c.monthlyBefore)}** | **${usd(c.monthlyAfter)}** | **${usd(c.monthlyDelta, { sign: true })}** | ${rangeCell(c.min, c.max)} |`,
  ];
  const notes: string[] = [];
  if (unchanged > 0)
    notes.push(
      `${plural(unchanged, 'resource')} without changes ${unchanged === 1 ? 'is' : 'are'} in the totals and listed in the plan details.`,
    );
  const unpriced = report.plans.flatMap((p) => p.cost?.resources ?? []).reduce((n, r) => n + r.unpriced.length, 0);
  if (unpriced > 0)
    notes.push(`${plural(unpriced, 'item')} could not be priced (see the plan details); totals that depend on them are unknown.`);
  if (notes.length > 0) out.push('', notes.join(' '));
  return out;
}

/** A plan's folded details; undefined when they alone pass the limit (they are then not rendered). */
function planSection(p: PlanReport, opts: MarkdownOptions, budget: Budget): Section | undefined {
  // An unreadable plan is named once, with its error, above.
  if (p.error) return EMPTY;
  const findings = p.findings.filter((f) => !f.suppressed);
  const changed = p.resources.filter((r) => isChange(r.action)).length;
  const bits = p.error
    ? ['could not be read']
    : [
        `${plural(p.resources.length, 'resource')} (${changed} changed)`,
        findings.length ? plural(findings.length, 'finding') : 'no findings',
        ...(p.cost
          ? [
              p.cost.monthlyDelta !== null && Math.round(p.cost.monthlyDelta * 100) === 0
                ? 'no cost change'
                : `${usd(p.cost.monthlyDelta, { sign: true })}/month`,
            ]
          : []),
      ];
  const out = new Lines(budget);
  out.push(`<details${opts.open ? ' open' : ''}><summary>${code(shownLabel(p), 200)} — ${bits.join(' · ')}</summary>`, '');
  if (p.error) {
    out.push(`❌ ${md(p.error, 1000)}`);
  } else {
    const version = [
      p.terraformVersion && `Terraform ${md(p.terraformVersion, 40)}`,
      p.formatVersion && `plan format ${md(p.formatVersion, 20)}`,
    ].filter(Boolean);
    out.push(`Plan ${code(shownPath(p.path), 300)}${version.length ? ` (${version.join(', ')})` : ''}.`, '');
    for (const e of p.planErrors ?? []) out.push(`- ❌ ${md(e, 1000)}`);
    for (const n of p.notes ?? []) out.push(`- ${md(n, 1000)}`);
    if (p.notes?.length || p.planErrors?.length) out.push('');
    if (p.resources.length === 0) out.push('No ECS, EKS or autoscaling resources in this plan.');
    else {
      const located = p.resources.some((r) => r.file);
      out.push(
        located ? '| Resource | Change | Region | Source |' : '| Resource | Change | Region |',
        located ? '|---|---|---|---|' : '|---|---|---|',
      );
      for (const r of p.resources) {
        if (out.full) return undefined;
        const src = r.file ? `${md(r.file, 200)}${r.line ? `:${r.line}` : ''}` : '';
        out.push(
          `| ${code(r.address, 200)} | ${ACTION_SYMBOL[r.action] ?? ''} ${r.action}${r.importing ? ' (import)' : ''}${r.deferred ? ' (deferred)' : ''} | ${md(r.region, 40)} |${located ? ` ${src} |` : ''}`,
        );
      }
    }
    if (!costDetails(p, out, opts.mode === 'comment')) return undefined;
  }
  out.push('', '</details>');
  return out.full ? undefined : out.section();
}

/** Every figure traced: quantity × unit price = monthly, per component. False once `out` is full. */
function costDetails(p: PlanReport, out: Lines, brief: boolean): boolean {
  const c = p.cost;
  if (!c || c.resources.length === 0) return !out.full;
  // The comment keeps only why a cost is unknown; the job summary has every component and note.
  if (brief) {
    const items = new Lines(out.budget);
    for (const r of c.resources) {
      for (const u of r.unpriced)
        items.push(
          `- ⚠️ not priced: ${code(r.address, 200)} ${md(u.item, 200)}: ${md(u.reason, 500)}${u.fix ? ` (${md(u.fix, 500)})` : ''}`,
        );
      if (items.full) return false;
    }
    if (items.lines.length) out.push('', ...items.lines);
    return !out.full;
  }
  out.push(
    '',
    `Cost breakdown (USD, prices of ${md(c.snapshotDate, 20)}):`,
    '',
    '| Resource | Component | Quantity | Unit price | Monthly |',
    '|---|---|---:|---:|---:|',
  );
  for (const r of c.resources) {
    if (out.full) return false;
    const rows = r.components.length > 0 ? r.components : [undefined];
    rows.forEach((k, i) => out.push(componentRow(i === 0 ? code(r.address, 200) : '', k, r)));
  }
  const items = new Lines(out.budget);
  for (const r of c.resources) {
    for (const u of r.unpriced)
      items.push(`- ⚠️ not priced: ${code(r.address, 200)} ${md(u.item, 200)}: ${md(u.reason, 500)}${u.fix ? ` (${md(u.fix, 500)})` : ''}`);
    for (const n of r.notes ?? []) items.push(`- ${code(r.address, 200)}: ${md(n, 500)}`);
    if (items.full) return false;
  }
  for (const n of c.notes ?? []) items.push(`- ${md(n, 1000)}`);
  if (items.lines.length) out.push('', ...items.lines);
  return !out.full;
}

function componentRow(resource: string, k: CostComponent | undefined, r: ResourceCost): string {
  if (!k)
    return `| ${resource} | ${r.usageBased ? 'usage-based' : 'no priced components'} | | | ${r.usageBased ? '' : usd(r.monthlyAfter)} |`;
  const qty = k.quantitySensitive
    ? `(sensitive) ${md(k.unit, 40)}`
    : k.quantity === null
      ? 'unknown'
      : `${quantity(k.quantity)} ${md(k.unit, 40)}`;
  const price = unitPrice(k.unitPrice);
  const note = k.note ? ` (${md(k.note, 200)})` : '';
  return `| ${resource} | ${md(k.name, 200)}${note} | ${qty} | ${price} | ${usd(k.monthly)} |`;
}

function footer(report: Report, opts: MarkdownOptions): string {
  const bits: string[] = [];
  const origins = report.cost?.priceOrigins;
  if (origins?.length) {
    bits.push(
      `Prices: AWS public prices, ${origins
        .slice(0, 4)
        .map((o) => md(o, 60))
        .join(', ')}`,
    );
    // Every report names the snapshot's date, even when no price came from it.
    if (report.cost && !origins.some((o) => o.startsWith('snapshot '))) bits.push(`price snapshot ${md(report.cost.snapshotDate, 20)}`);
  } else if (report.cost) bits.push(`Prices: AWS public prices, snapshot ${md(report.cost.snapshotDate, 20)}`);
  bits.push(`evaluated as of ${md(report.asOf, 20)}`);
  if (opts.fullReportUrl) bits.push(`[full report](${opts.fullReportUrl})`);
  if (report.tool) bits.push(`container-plan-check ${md(report.tool.version, 40)}`);
  for (const n of report.cost?.priceNotes?.slice(0, 2) ?? []) bits.push(md(n, 300));
  return `<sub>${bits.join(' · ')}</sub>`;
}
