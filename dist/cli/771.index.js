export const id = 771;
export const ids = [771];
export const modules = {

/***/ 8771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FORMATS: () => (/* reexport */ format/* FORMATS */.hR),
  render: () => (/* binding */ render),
  renderChunks: () => (/* binding */ renderChunks)
});

// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/report/links.ts
/**
 * Links to rule pages. Findings carry a repository-relative docs path (`docs/rules/ID.md`);
 * where the action knows which repository and ref it runs from, the path becomes an absolute
 * URL so that it works in a PR comment, a job summary or a SARIF upload.
 */
function ruleDocsUrl(docs, base) {
    if (!docs)
        return undefined;
    if (isAbsoluteUrl(docs) || !base)
        return docs;
    return new URL(docs.replace(/^\.?\//, ''), base.endsWith('/') ? base : `${base}/`).href;
}
function isAbsoluteUrl(s) {
    return /^[a-z][a-z0-9+.-]*:/i.test(s);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/report/paths.ts

/**
 * A plan path as a reviewer reads it: relative to the workspace (GITHUB_WORKSPACE, else the
 * working directory), never the runner's absolute path. A path outside the workspace keeps only
 * its file name.
 */
function shownPath(path, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
    if (!(0,external_node_path_.isAbsolute)(path))
        return path;
    const rel = (0,external_node_path_.relative)(workspace, path);
    if (rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel))
        return rel.split(external_node_path_.sep).join('/');
    return `…/${(0,external_node_path_.basename)(path)}`;
}
/** The label of a plan in the Markdown report: its stack name, else its path as shown. */
function shownLabel(p) {
    return p.name ?? shownPath(p.path);
}
/** A text that may name plan paths (a gate reason, a plan's error) with each path as shown. */
function withShownPaths(text, report) {
    let t = text;
    for (const p of report.plans) {
        const shown = shownPath(p.path);
        if (shown !== p.path)
            t = t.split(p.path).join(shown);
    }
    return t;
}
/** A plan's error without the plan path it starts with (the path is shown beside it). */
function errorOf(p) {
    const e = p.error ?? '';
    return e.startsWith(`${p.path}: `) ? e.slice(p.path.length + 2) : e;
}

// EXTERNAL MODULE: ./src/report/sections.ts
var sections = __webpack_require__(3844);
// EXTERNAL MODULE: ./src/report/tally.ts
var tally = __webpack_require__(6900);
;// CONCATENATED MODULE: ./src/report/markdown.ts






/** GitHub's limit for one step's job summary: 1 MiB. */
const SUMMARY_LIMIT = 1024 * 1024;
/** The job summary and `--format markdown`: the full report, plan sections open. */
function renderMarkdown(report, opts = {}) {
    return renderDocument(report, {
        limit: SUMMARY_LIMIT,
        measure: (s) => Buffer.byteLength(s, 'utf8'),
        limitName: '1 MiB job summary limit',
        open: true,
        ...opts,
    });
}
const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' };
const SUPPRESSED_ICON = '🔕';
const FINDINGS_HEAD = ['| | Rule | Resource | What is wrong |', '|---|---|---|---|'];
const GROUPED_HEAD = ['| | Rule | Resources | What is wrong |', '|---|---|---|---|'];
const COST_HEAD = ['| Resource | Change | Before | After | Δ / month | Range (min–max) |', '|---|---|---:|---:|---:|---:|'];
const STACK_HEAD = ['| Stack | Errors | Warnings | Monthly before | Change | After | Range |', '|---|---:|---:|---:|---:|---:|---:|'];
/** In the comment: at most this many cost rows and finding groups (the job summary has them all), and addresses per group. */
const COMMENT_COST_ROWS = 25;
const COMMENT_GROUPS = 30;
const GROUP_ADDRESSES = 20;
const EMPTY = { text: '', size: 0 };
const ROW_KINDS = ['costRows', 'warnings', 'errors', 'stacks', 'planErrors'];
/**
 * The document, within `limit`. Parts are rendered only as far as the limit could show them, so
 * a report of a hundred thousand resources costs no more to render than one that fills the limit.
 */
function renderDocument(report, opts) {
    const measure = opts.measure ?? ((s) => s.length);
    const limit = opts.limit ?? Infinity;
    const parts = buildParts(report, opts, { limit, measure });
    const comment = opts.mode === 'comment';
    const full = {
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
    const fits = (c) => renderable(parts, c) && assemble(parts, c, opts, full, measure).size + suffix <= limit;
    const done = (c) => assemble(parts, c, opts, full, measure).text(opts.suffix ?? '');
    if (fits(full))
        return done(full);
    const cut = { ...full, droppedPlans: new Set() };
    // Lowest priority first: plan details (largest first), other findings, advice.
    const size = (p) => (p === undefined ? Infinity : p.size);
    const bySize = parts.plans.map((p, i) => [i, size(p)]).sort((a, b) => b[1] - a[1]);
    for (const [i] of bySize) {
        cut.droppedPlans.add(i);
        if (fits(cut))
            return done(cut);
    }
    for (const k of ['other', 'advice']) {
        cut[k] = false;
        if (fits(cut))
            return done(cut);
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
                if (fits(cut))
                    lo = mid;
                else
                    hi = mid - 1;
            }
            cut[k] = lo;
            return done(cut);
        }
    }
    return done(cut);
}
/** Does the cut ask only for what was rendered? (What was not rendered cannot fit.) */
function renderable(parts, cut) {
    if (parts.plans.some((p, i) => p === undefined && !cut.droppedPlans.has(i)))
        return false;
    if ((cut.other && parts.other.oversize) || (cut.advice && parts.advice.oversize))
        return false;
    return ROW_KINDS.every((k) => cut[k] <= parts[k].lines.length);
}
/** A document's lines and its size as `measure` counts it (each line with its newline), not yet joined. */
class Doc {
    measure;
    lines = [];
    size = 0;
    constructor(measure) {
        this.measure = measure;
    }
    line(s, size = this.measure(s)) {
        this.lines.push(s);
        this.size += size + 1;
    }
    all(lines, sizes, n = lines.length) {
        for (let i = 0; i < n; i++)
            this.line(lines[i], sizes?.[i]);
    }
    text(suffix) {
        return `${this.lines.join('\n')}\n${suffix}`;
    }
}
function assemble(parts, cut, opts, full, measure) {
    const out = new Doc(measure);
    out.all(parts.head);
    out.line('');
    const note = cutNote(parts, cut, full, opts);
    if (note)
        out.all([note, '']);
    if (cut.planErrors > 0) {
        out.all(parts.planErrors.lines, parts.planErrors.sizes, cut.planErrors);
        out.line('');
    }
    if (parts.stacks.total > 0) {
        out.all(STACK_HEAD);
        out.all(parts.stacks.lines, parts.stacks.sizes, cut.stacks);
        if (cut.stacks < parts.stacks.total)
            out.line(`| … ${more(parts.stacks.total - cut.stacks, 'stack')} | | | | | | |`);
        out.line('');
    }
    if (parts.errors.total + parts.warnings.total > 0) {
        const what = parts.grouped ? 'finding group' : 'finding';
        out.all(parts.grouped ? GROUPED_HEAD : FINDINGS_HEAD);
        out.all(parts.errors.lines, parts.errors.sizes, cut.errors);
        if (cut.errors < parts.errors.total)
            out.line(`| ❌ | … | ${more(parts.errors.total - cut.errors, `error ${what}`)} | |`);
        out.all(parts.warnings.lines, parts.warnings.sizes, cut.warnings);
        if (cut.warnings < parts.warnings.total)
            out.line(`| ⚠️ | … | ${more(parts.warnings.total - cut.warnings, `warning ${what}`)} | |`);
        out.line('');
    }
    if (parts.costRows.total > 0 || parts.costFoot.length > 0) {
        out.all(COST_HEAD);
        out.all(parts.costRows.lines, parts.costRows.sizes, cut.costRows);
        if (cut.costRows < parts.costRows.total) {
            const left = parts.costRows.total - cut.costRows;
            const unknown = Math.max(0, parts.costUnknown - cut.costRows);
            out.line(`| … ${more(left, 'resource')}${unknown > 0 ? `, ${(0,format/* count */.U9)(unknown)} of them with an unknown cost` : ''} | | | | | |`);
        }
        out.all(parts.costFoot);
        out.line('');
    }
    for (const [on, block] of [
        [cut.other, parts.other],
        [cut.advice, parts.advice],
    ]) {
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
function more(n, what) {
    return `${(0,tally/* plural */.LS)(n, `more ${what}`)} (in the job summary)`;
}
function cutNote(parts, cut, full, opts) {
    const left = [];
    const dropped = [...cut.droppedPlans].filter((i) => parts.plans[i] !== EMPTY).length;
    if (dropped > 0)
        left.push(`the details of ${(0,tally/* plural */.LS)(dropped, 'plan')}`);
    if (!cut.other && parts.other.count > 0)
        left.push('the other findings (info, unchanged resources, suppressed)');
    if (!cut.advice && parts.advice.count > 0)
        left.push('the cost-saving ideas');
    const rows = [
        ['costRows', 'cost rows'],
        ['warnings', 'warnings'],
        ['errors', 'errors'],
        ['stacks', 'stack rows'],
        ['planErrors', 'plan errors'],
    ];
    for (const [k, name] of rows) {
        if (cut[k] < full[k])
            left.push(`${(0,format/* count */.U9)(full[k] - cut[k])} of ${(0,format/* count */.U9)(full[k])} ${name}`);
    }
    if (left.length === 0)
        return undefined;
    const where = opts.fullReportUrl ? `The [job summary](${opts.fullReportUrl}) has the full report.` : 'The JSON report has everything.';
    return `> ✂️ **Shortened to fit the ${opts.limitName ?? 'size limit'}.** Left out: ${left.join('; ')}. ${where}`;
}
/** Lines rendered one by one until together they pass the limit. */
class Lines {
    budget;
    lines = [];
    sizes = [];
    size = 0;
    constructor(budget) {
        this.budget = budget;
    }
    get full() {
        return this.size > this.budget.limit;
    }
    push(...lines) {
        for (const l of lines) {
            const n = this.budget.measure(l);
            this.lines.push(l);
            this.sizes.push(n);
            this.size += n + 1;
        }
    }
    /** The lines as one text and its size. */
    section() {
        return { text: this.lines.join('\n'), size: this.size - 1 };
    }
}
function rowsOf(items, render, budget) {
    const out = new Lines(budget);
    for (const it of items) {
        if (out.full)
            break;
        out.push(render(it));
    }
    return { lines: out.lines, sizes: out.sizes, total: items.length };
}
function blockOf(items, open, render, head, budget) {
    const none = { lines: [], sizes: [], count: items.length };
    if (items.length === 0)
        return { ...none, oversize: false };
    const out = new Lines(budget);
    out.push(open, '', ...head);
    for (const it of items) {
        if (out.full)
            return { ...none, oversize: true };
        out.push(render(it));
    }
    out.push('', '</details>');
    return out.full ? { ...none, oversize: true } : { lines: out.lines, sizes: out.sizes, count: items.length, oversize: false };
}
function buildParts(report, opts, budget) {
    const multi = report.plans.length > 1;
    const grouped = opts.mode === 'comment';
    const active = report.plans.flatMap((p) => (0,sections/* sortFindings */.Tc)(p.findings).map((f) => ({ p, f })));
    const row = ({ p, f }) => findingRow(f, multi ? p : undefined, opts);
    const gating = active.filter(({ f }) => (0,tally/* isGating */.LV)(f) && f.severity !== 'info');
    const other = active.filter(({ f }) => !((0,tally/* isGating */.LV)(f) && f.severity !== 'info'));
    const findingRows = (items) => grouped ? rowsOf(groupFindings(items), (g) => groupRow(g, multi, opts), budget) : rowsOf(items, row, budget);
    const costs = report.plans.flatMap((p) => (p.cost?.resources ?? []).map((r) => ({ p, r })));
    const shown = costs.filter(({ r }) => (0,tally/* isChange */.Xb)(r.action) || r.monthlyDelta !== 0).sort((a, b) => costOrder(a.r, b.r));
    const advice = costs.flatMap(({ p, r }) => (r.advice ?? []).map((a) => ({ p, r, a, n: 1 })));
    const otherGroups = groupFindings(other);
    return {
        head: head(report),
        planErrors: rowsOf(report.plans.flatMap((p) => (p.error ? [{ p, e: errorOf(p) }] : (p.planErrors ?? []).map((e) => ({ p, e })))), ({ p, e }) => `❌ ${(0,report_escape/* code */.aY)(shownPath(p.path), 200)}: ${(0,report_escape.md)(withShownPaths(e, report), 500)}  `, budget),
        stacks: multi
            ? rowsOf(report.plans.filter((p) => !p.error), stackRow, budget)
            : { lines: [], sizes: [], total: 0 },
        errors: findingRows(gating.filter(({ f }) => f.severity === 'error')),
        warnings: findingRows(gating.filter(({ f }) => f.severity === 'warning')),
        grouped,
        other: grouped
            ? blockOf(otherGroups, `<details><summary>${(0,tally/* plural */.LS)(other.length, 'other finding')}: info, on resources this plan does not change, or suppressed (these never fail the check)</summary>`, (g) => groupRow(g, multi, opts), GROUPED_HEAD, budget)
            : blockOf(other, `<details><summary>${(0,tally/* plural */.LS)(other.length, 'other finding')}: info, on resources this plan does not change, or suppressed (these never fail the check)</summary>`, row, FINDINGS_HEAD, budget),
        costRows: rowsOf(shown, ({ p, r }) => costRow(r, multi ? p : undefined), budget),
        costUnknown: shown.filter(({ r }) => r.monthlyDelta === null && !r.usageBased).length,
        costFoot: costFoot(report, costs.length - shown.length),
        advice: blockOf(grouped ? onceEach(advice) : advice, `<details><summary>💡 ${(0,tally/* plural */.LS)(grouped ? onceEach(advice).length : advice.length, 'way')} to spend less</summary>`, ({ p, r, a, n }) => `- ${resourceCell(r.address, multi ? p : undefined)}: ${(0,report_escape.md)(a, 1000)}${n > 1 ? ` (and ${(0,tally/* plural */.LS)(n - 1, 'other resource')} alike)` : ''}`, [], budget),
        plans: report.plans.map((p) => planSection(p, opts, budget)),
        footer: footer(report, opts),
    };
}
/** A message with its values (quoted strings, numbers) taken out: findings of one shape say the same thing. */
function shape(message) {
    return message.replace(/"[^"]*"/g, '"…"').replace(/\d+(?:[.,]\d+)*/g, '#');
}
/**
 * Findings of one rule, severity, state and message shape, in one group each, in the order of
 * their first finding (errors first, then by address).
 */
function groupFindings(items) {
    const groups = new Map();
    for (const it of items) {
        const f = it.f;
        const key = `${f.rule}\u0000${f.severity}\u0000${f.suppressed}\u0000${f.existing}\u0000${shape(f.message)}`;
        const g = groups.get(key);
        if (g)
            g.items.push(it);
        else
            groups.set(key, { items: [it] });
    }
    return [...groups.values()];
}
/** One row per group: the rule, `× N resources` with the addresses folded under it, and the message. */
function groupRow(g, multi, opts) {
    const { f } = g.items[0];
    const icon = f.suppressed ? SUPPRESSED_ICON : ICON[f.severity];
    const url = ruleDocsUrl(f.docs, opts.linkBase);
    const rule = url ? `[${(0,report_escape.md)(f.rule, 80)}](${(0,report_escape/* linkTarget */.Cm)(url)})` : (0,report_escape.md)(f.rule, 80);
    const state = f.existing ? ' (unchanged)' : '';
    const why = f.suppressed ? ` — suppressed${f.suppressionReason ? `: ${(0,report_escape.md)(f.suppressionReason, 300)}` : ''}` : '';
    const where = ({ p, f: x }) => `${resourceCell(x.address, multi ? p : undefined)}${x.file ? ` · ${(0,report_escape.md)(x.file, 200)}${x.line ? `:${x.line}` : ''}` : ''}`;
    if (g.items.length === 1)
        return `| ${icon} | ${rule} | ${where(g.items[0])}${state} | ${(0,report_escape.md)(f.message, 1000)}${why} |`;
    const listed = g.items.slice(0, GROUP_ADDRESSES).map(where);
    if (g.items.length > GROUP_ADDRESSES)
        listed.push(more(g.items.length - GROUP_ADDRESSES, 'resource'));
    const same = g.items.every(({ f: x }) => x.message === f.message);
    const message = same
        ? (0,report_escape.md)(f.message, 1000)
        : `${(0,report_escape.md)(f.message, 1000)} (this one on ${(0,report_escape/* code */.aY)(f.address, 200)}; the values differ per resource)`;
    return `| ${icon} | ${rule} | <details><summary>× ${(0,tally/* plural */.LS)(g.items.length, 'resource')}${state}</summary>${listed.join('<br>')}</details> | ${message}${why} |`;
}
/** Each cost-saving idea once: the first resource it applies to, and how many others it applies to alike. */
function onceEach(items) {
    const seen = new Map();
    for (const it of items) {
        const key = shape(it.a);
        const first = seen.get(key);
        if (first)
            first.n++;
        else
            seen.set(key, { ...it, n: 1 });
    }
    return [...seen.values()];
}
/** A stack's row in the per-stack table of a report of several plans. */
function stackRow(p) {
    const gating = p.findings.filter(tally/* isGating */.LV);
    const errors = gating.filter((f) => f.severity === 'error').length;
    const warnings = gating.filter((f) => f.severity === 'warning').length;
    const c = p.cost;
    const label = `${(0,report_escape/* code */.aY)(shownLabel(p), 200)}${p.planErrors?.length ? ' (plan errors)' : ''}`;
    if (!c)
        return `| ${label} | ${errors} | ${warnings} | – | – | – | – |`;
    return `| ${label} | ${errors} | ${warnings} | ${(0,format/* usd */.dR)(c.monthlyBefore)} | ${(0,format/* usd */.dR)(c.monthlyDelta, { sign: true })} | ${(0,format/* usd */.dR)(c.monthlyAfter)} | ${rangeCell(c.min, c.max)} |`;
}
/** The range column: min – max, `fixed` when both are one figure (no autoscaling), `unknown` when either is. */
function rangeCell(min, max) {
    if (min === null || max === null)
        return 'unknown';
    if (Math.round(min * 100) === Math.round(max * 100))
        return 'fixed';
    // No-break spaces, and a word joiner after the dash (a line may break after a dash even before a
    // no-break space): a narrow column keeps the range on one line.
    return (0,sections/* costRange */.nh)(min, max).replace(/ – /g, '\u00a0–\u2060\u00a0');
}
/**
 * The opening line a reviewer can act on: the status and what the plan changes in cost, e.g.
 * `❌ 2 errors · monthly cost +$690 (to $1,159 at max scale)`. The details (plan, change counts,
 * before → after, percent, range) follow on their own line, then the gate's reasons when it fails.
 */
function head(report) {
    const t = (0,tally/* tally */.N4)(report);
    const bad = report.plans.filter((p) => p.error).length;
    const failing = report.plans.filter((p) => p.planErrors?.length).length;
    const icon = !report.gate.passed ? '❌' : t.warnings > 0 || bad > 0 ? '⚠️' : '✅';
    const status = [
        bad > 0 && `${(0,tally/* plural */.LS)(bad, 'plan')} unreadable`,
        failing > 0 && `${(0,tally/* plural */.LS)(failing, 'plan')} with plan errors`,
        t.errors > 0 && (0,tally/* plural */.LS)(t.errors, 'error'),
        t.warnings > 0 && (0,tally/* plural */.LS)(t.warnings, 'warning'),
    ].filter((x) => Boolean(x));
    if (status.length === 0)
        status.push(report.gate.passed ? 'no errors or warnings' : 'fails the check');
    const change = costHeadline(report);
    if (change)
        status.push(change);
    else if (t.changed === 0 && bad === 0)
        status.push('no ECS, EKS or autoscaling changes');
    const lines = [`### ${icon} ${status.join(' · ')}`, '', details(report)];
    if (!report.gate.passed)
        lines.push('', `**Fails the check:** ${(0,report_escape.md)(withShownPaths(report.gate.reasons.join('; '), report), 2000)}.`);
    // Report-level warnings (a stack's report left out of a merge …) that no plan section shows.
    const shown = new Set(report.plans.flatMap((p) => p.notes ?? []));
    const warnings = [...(report.gate.warnings ?? []), ...(report.warnings ?? [])].filter((w) => !shown.has(w));
    if (warnings.length > 0)
        lines.push('', ...warnings.slice(0, 10).map((w) => `> ⚠️ ${(0,report_escape.md)(withShownPaths(w, report), 500)}`), ...(warnings.length > 10 ? [`> ⚠️ and ${warnings.length - 10} more warnings in the job summary`] : []));
    return lines;
}
/** A headline amount: whole dollars from $10 on (the details give cents). */
function roundUsd(n, sign = false) {
    const abs = Math.abs(n);
    const s = abs >= 10 ? `$${(0,format/* decimal */._)(abs, 0, 0)}` : (0,format/* usd */.dR)(abs);
    if (n < 0)
        return `−${s}`;
    return sign ? `+${s}` : s;
}
/** Resources whose monthly figure is unknown (not usage-based), in cost order. */
function unknownCosts(report) {
    return report.plans
        .flatMap((p) => p.cost?.resources ?? [])
        .filter((r) => !r.usageBased && (r.monthlyDelta === null || r.monthlyAfter === null));
}
/** Why a resource's cost is unknown: its first unpriced item, else its first note. */
function unknownReason(r) {
    const u = r.unpriced[0];
    if (u)
        return `${u.item}: ${u.reason}`;
    return r.notes?.[0] ?? 'not priced';
}
/** What the plan does to the monthly cost, in a few words; undefined when nothing was priced. */
function costHeadline(report) {
    const c = report.cost;
    if (!c)
        return undefined;
    const partial = c.partial ? ' (partial: the plan is incomplete)' : '';
    if (c.monthlyDelta === null) {
        // Which resources and why: on the line below.
        const unknown = unknownCosts(report).filter((r) => r.monthlyDelta === null).length;
        return `**cost change unknown** (${unknown > 0 ? `${(0,tally/* plural */.LS)(unknown, 'resource')} not priced` : 'a plan was not priced'})${partial}`;
    }
    const usage = report.plans.flatMap((p) => p.cost?.resources ?? []).filter((r) => r.usageBased && (0,tally/* isChange */.Xb)(r.action)).length;
    const usageNote = usage > 0 ? `${(0,tally/* plural */.LS)(usage, 'usage-based resource')} not counted` : '';
    if (Math.round(c.monthlyDelta * 100) === 0)
        return `no cost change${usageNote ? ` (${usageNote})` : ''}${partial}`;
    const to = c.monthlyAfter === null
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
function planCounts(report) {
    const n = {};
    for (const p of report.plans)
        for (const r of p.resources)
            n[r.action] = (n[r.action] ?? 0) + 1;
    const replaced = n.replace ?? 0;
    const forget = n.forget ?? 0;
    return `Plan: ${(0,format/* count */.U9)((n.create ?? 0) + replaced)} to add, ${(0,format/* count */.U9)(n.update ?? 0)} to change, ${(0,format/* count */.U9)((n.delete ?? 0) + replaced)} to destroy${forget ? `, ${(0,format/* count */.U9)(forget)} to forget` : ''}${replaced ? ` (${(0,format/* count */.U9)(replaced)} replaced)` : ''}`;
}
/** The line under the headline: which plan, what it changes, and the cost figures behind the headline. */
function details(report) {
    const bits = [
        '**container-plan-check**',
        report.plans.length === 1 ? (0,report_escape/* code */.aY)(shownLabel(report.plans[0]), 100) : (0,tally/* plural */.LS)(report.plans.length, 'plan'),
        `${planCounts(report)} (ECS, EKS and autoscaling resources)`,
    ];
    const c = report.cost;
    if (c) {
        const pct = (0,format/* percent */.KN)(c.monthlyDelta, c.monthlyBefore);
        const none = c.monthlyDelta !== null && Math.round(c.monthlyDelta * 100) === 0;
        const delta = c.monthlyDelta === null ? 'change unknown' : none ? 'no change' : (0,format/* usd */.dR)(c.monthlyDelta, { sign: true });
        let figures = `monthly ${(0,format/* usd */.dR)(c.monthlyBefore)} → ${(0,format/* usd */.dR)(c.monthlyAfter)} (${delta}${pct && !none ? `, ${pct}` : ''})`;
        const range = c.min !== null && c.max !== null ? (0,sections/* costRange */.nh)(c.min, c.max) : '';
        if (range)
            figures += `, ${range} across autoscaling bounds`;
        if (c.monthlyBefore === null || c.monthlyAfter === null) {
            const unknown = unknownCosts(report);
            const first = unknown[0];
            if (first)
                figures += `; totals unknown: ${(0,tally/* plural */.LS)(unknown.length, 'resource')} not priced, e.g. ${(0,report_escape/* code */.aY)(first.address, 100)} ${(0,report_escape.md)(unknownReason(first), 200)}`;
        }
        bits.push(figures);
    }
    return bits.join(' · ');
}
function resourceCell(address, p) {
    return `${p ? `${(0,report_escape/* code */.aY)(shownLabel(p), 100)} › ` : ''}${(0,report_escape/* code */.aY)(address, 200)}`;
}
function findingRow(f, p, opts) {
    const icon = f.suppressed ? SUPPRESSED_ICON : ICON[f.severity];
    const url = ruleDocsUrl(f.docs, opts.linkBase);
    const rule = url ? `[${(0,report_escape.md)(f.rule, 80)}](${(0,report_escape/* linkTarget */.Cm)(url)})` : (0,report_escape.md)(f.rule, 80);
    const where = f.file ? ` · ${(0,report_escape.md)(f.file, 200)}${f.line ? `:${f.line}` : ''}` : '';
    const state = f.existing ? ' (unchanged)' : '';
    const why = f.suppressed ? ` — suppressed${f.suppressionReason ? `: ${(0,report_escape.md)(f.suppressionReason, 300)}` : ''}` : '';
    return `| ${icon} | ${rule} | ${resourceCell(f.address, p)}${where}${state} | ${(0,report_escape.md)(f.message, 1000)}${why} |`;
}
/** Unknown deltas first (they need a look), then by size of the change. */
function costOrder(a, b) {
    const k = (r) => (r.monthlyDelta === null ? Infinity : Math.abs(r.monthlyDelta));
    return k(b) - k(a) || a.address.localeCompare(b.address);
}
function money(r, v, side) {
    const absent = (side === 'before' && r.action === 'create') || (side === 'after' && r.action === 'delete');
    if (r.usageBased)
        return absent ? '–' : 'usage-based';
    if (v === 0 && absent)
        return '–';
    return (0,format/* usd */.dR)(v);
}
function costRow(r, p) {
    // An unknown figure says why, in the row itself.
    const unknown = !r.usageBased && (r.monthlyDelta === null || r.monthlyAfter === null) ? `<br>⚠️ unknown: ${(0,report_escape.md)(unknownReason(r), 300)}` : '';
    const what = `${resourceCell(r.address, p)}${r.description ? ` — ${(0,report_escape.md)(r.description, 200)}` : ''}${unknown}`;
    const delta = r.usageBased ? '' : (0,format/* usd */.dR)(r.monthlyDelta, { sign: true });
    const range = r.usageBased || r.action === 'delete' ? '–' : rangeCell(r.min, r.max);
    return `| ${what} | ${format/* ACTION_SYMBOL */.yo[r.action] ?? ''} ${r.action}${r.deferred ? ' (deferred)' : ''} | ${money(r, r.monthlyBefore, 'before')} | ${money(r, r.monthlyAfter, 'after')} | ${delta} | ${range} |`;
}
function costFoot(report, unchanged) {
    const c = report.cost;
    if (!c)
        return [];
    const out = [
        `| **Total${c.partial ? ' (partial)' : ''}** | | **${(0,format/* usd */.dR)(c.monthlyBefore)}** | **${(0,format/* usd */.dR)(c.monthlyAfter)}** | **${(0,format/* usd */.dR)(c.monthlyDelta, { sign: true })}** | ${rangeCell(c.min, c.max)} |`,
    ];
    const notes = [];
    if (unchanged > 0)
        notes.push(`${(0,tally/* plural */.LS)(unchanged, 'resource')} without changes ${unchanged === 1 ? 'is' : 'are'} in the totals and listed in the plan details.`);
    const unpriced = report.plans.flatMap((p) => p.cost?.resources ?? []).reduce((n, r) => n + r.unpriced.length, 0);
    if (unpriced > 0)
        notes.push(`${(0,tally/* plural */.LS)(unpriced, 'item')} could not be priced (see the plan details); totals that depend on them are unknown.`);
    if (notes.length > 0)
        out.push('', notes.join(' '));
    return out;
}
/** A plan's folded details; undefined when they alone pass the limit (they are then not rendered). */
function planSection(p, opts, budget) {
    // An unreadable plan is named once, with its error, above.
    if (p.error)
        return EMPTY;
    const findings = p.findings.filter((f) => !f.suppressed);
    const changed = p.resources.filter((r) => (0,tally/* isChange */.Xb)(r.action)).length;
    const bits = p.error
        ? ['could not be read']
        : [
            `${(0,tally/* plural */.LS)(p.resources.length, 'resource')} (${changed} changed)`,
            findings.length ? (0,tally/* plural */.LS)(findings.length, 'finding') : 'no findings',
            ...(p.cost
                ? [
                    p.cost.monthlyDelta !== null && Math.round(p.cost.monthlyDelta * 100) === 0
                        ? 'no cost change'
                        : `${(0,format/* usd */.dR)(p.cost.monthlyDelta, { sign: true })}/month`,
                ]
                : []),
        ];
    const out = new Lines(budget);
    out.push(`<details${opts.open ? ' open' : ''}><summary>${(0,report_escape/* code */.aY)(shownLabel(p), 200)} — ${bits.join(' · ')}</summary>`, '');
    if (p.error) {
        out.push(`❌ ${(0,report_escape.md)(p.error, 1000)}`);
    }
    else {
        const version = [
            p.terraformVersion && `Terraform ${(0,report_escape.md)(p.terraformVersion, 40)}`,
            p.formatVersion && `plan format ${(0,report_escape.md)(p.formatVersion, 20)}`,
        ].filter(Boolean);
        out.push(`Plan ${(0,report_escape/* code */.aY)(shownPath(p.path), 300)}${version.length ? ` (${version.join(', ')})` : ''}.`, '');
        for (const e of p.planErrors ?? [])
            out.push(`- ❌ ${(0,report_escape.md)(e, 1000)}`);
        for (const n of p.notes ?? [])
            out.push(`- ${(0,report_escape.md)(n, 1000)}`);
        if (p.notes?.length || p.planErrors?.length)
            out.push('');
        if (p.resources.length === 0)
            out.push('No ECS, EKS or autoscaling resources in this plan.');
        else {
            const located = p.resources.some((r) => r.file);
            out.push(located ? '| Resource | Change | Region | Source |' : '| Resource | Change | Region |', located ? '|---|---|---|---|' : '|---|---|---|');
            for (const r of p.resources) {
                if (out.full)
                    return undefined;
                const src = r.file ? `${(0,report_escape.md)(r.file, 200)}${r.line ? `:${r.line}` : ''}` : '';
                out.push(`| ${(0,report_escape/* code */.aY)(r.address, 200)} | ${format/* ACTION_SYMBOL */.yo[r.action] ?? ''} ${r.action}${r.importing ? ' (import)' : ''}${r.deferred ? ' (deferred)' : ''} | ${(0,report_escape.md)(r.region, 40)} |${located ? ` ${src} |` : ''}`);
            }
        }
        if (!costDetails(p, out, opts.mode === 'comment'))
            return undefined;
    }
    out.push('', '</details>');
    return out.full ? undefined : out.section();
}
/** Every figure traced: quantity × unit price = monthly, per component. False once `out` is full. */
function costDetails(p, out, brief) {
    const c = p.cost;
    if (!c || c.resources.length === 0)
        return !out.full;
    // The comment keeps only why a cost is unknown; the job summary has every component and note.
    if (brief) {
        const items = new Lines(out.budget);
        for (const r of c.resources) {
            for (const u of r.unpriced)
                items.push(`- ⚠️ not priced: ${(0,report_escape/* code */.aY)(r.address, 200)} ${(0,report_escape.md)(u.item, 200)}: ${(0,report_escape.md)(u.reason, 500)}${u.fix ? ` (${(0,report_escape.md)(u.fix, 500)})` : ''}`);
            if (items.full)
                return false;
        }
        if (items.lines.length)
            out.push('', ...items.lines);
        return !out.full;
    }
    out.push('', `Cost breakdown (USD, prices of ${(0,report_escape.md)(c.snapshotDate, 20)}):`, '', '| Resource | Component | Quantity | Unit price | Monthly |', '|---|---|---:|---:|---:|');
    for (const r of c.resources) {
        if (out.full)
            return false;
        const rows = r.components.length > 0 ? r.components : [undefined];
        rows.forEach((k, i) => out.push(componentRow(i === 0 ? (0,report_escape/* code */.aY)(r.address, 200) : '', k, r)));
    }
    const items = new Lines(out.budget);
    for (const r of c.resources) {
        for (const u of r.unpriced)
            items.push(`- ⚠️ not priced: ${(0,report_escape/* code */.aY)(r.address, 200)} ${(0,report_escape.md)(u.item, 200)}: ${(0,report_escape.md)(u.reason, 500)}${u.fix ? ` (${(0,report_escape.md)(u.fix, 500)})` : ''}`);
        for (const n of r.notes ?? [])
            items.push(`- ${(0,report_escape/* code */.aY)(r.address, 200)}: ${(0,report_escape.md)(n, 500)}`);
        if (items.full)
            return false;
    }
    for (const n of c.notes ?? [])
        items.push(`- ${(0,report_escape.md)(n, 1000)}`);
    if (items.lines.length)
        out.push('', ...items.lines);
    return !out.full;
}
function componentRow(resource, k, r) {
    if (!k)
        return `| ${resource} | ${r.usageBased ? 'usage-based' : 'no priced components'} | | | ${r.usageBased ? '' : (0,format/* usd */.dR)(r.monthlyAfter)} |`;
    const qty = k.quantitySensitive
        ? `(sensitive) ${(0,report_escape.md)(k.unit, 40)}`
        : k.quantity === null
            ? 'unknown'
            : `${(0,sections/* quantity */.au)(k.quantity)} ${(0,report_escape.md)(k.unit, 40)}`;
    const price = (0,sections/* unitPrice */.u6)(k.unitPrice);
    const note = k.note ? ` (${(0,report_escape.md)(k.note, 200)})` : '';
    return `| ${resource} | ${(0,report_escape.md)(k.name, 200)}${note} | ${qty} | ${price} | ${(0,format/* usd */.dR)(k.monthly)} |`;
}
function footer(report, opts) {
    const bits = [];
    const origins = report.cost?.priceOrigins;
    if (origins?.length) {
        bits.push(`Prices: AWS public prices, ${origins
            .slice(0, 4)
            .map((o) => (0,report_escape.md)(o, 60))
            .join(', ')}`);
        // Every report names the snapshot's date, even when no price came from it.
        if (report.cost && !origins.some((o) => o.startsWith('snapshot ')))
            bits.push(`price snapshot ${(0,report_escape.md)(report.cost.snapshotDate, 20)}`);
    }
    else if (report.cost)
        bits.push(`Prices: AWS public prices, snapshot ${(0,report_escape.md)(report.cost.snapshotDate, 20)}`);
    bits.push(`evaluated as of ${(0,report_escape.md)(report.asOf, 20)}`);
    if (opts.fullReportUrl)
        bits.push(`[full report](${opts.fullReportUrl})`);
    if (report.tool)
        bits.push(`container-plan-check ${(0,report_escape.md)(report.tool.version, 40)}`);
    for (const n of report.cost?.priceNotes?.slice(0, 2) ?? [])
        bits.push((0,report_escape.md)(n, 300));
    return `<sub>${bits.join(' · ')}</sub>`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/report/sarif.ts




/**
 * SARIF 2.1.0 for code scanning upload (`sarif-file`, `--format sarif`): one run, the rules
 * that produced findings (with their help URIs), one result per finding. A finding located in
 * the .tf sources points at its file and line; one that was not located points at the plan,
 * with the resource address as its logical location. Suppressed findings carry a suppression.
 */
const SARIF_VERSION = '2.1.0';
const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
function renderSarif(report, opts = {}) {
    return `${JSON.stringify(sarifLog(report, opts), null, 2)}\n`;
}
/** The SARIF log as an object (render.ts writes it in pieces). */
function sarifLog(report, opts = {}) {
    const findings = report.plans.flatMap((p) => (0,sections/* sortFindings */.Tc)(p.findings).map((f) => ({ p, f })));
    const ruleIds = [...new Set(findings.map(({ f }) => f.rule))].sort();
    const rules = ruleIds.map((id) => {
        const f = findings.find((x) => x.f.rule === id).f;
        const help = ruleDocsUrl(f.docs, opts.linkBase);
        return {
            id,
            ...(f.title ? { shortDescription: { text: (0,report_escape/* plain */.pj)(f.title) } } : {}),
            // A help URI must be absolute; a relative docs path stays readable in the help text.
            ...(help && isAbsoluteUrl(help) ? { helpUri: help } : {}),
            ...(help ? { help: { text: `See ${help}`, markdown: `See [${id}](${encodeURI(help)}).` } } : {}),
        };
    });
    const unreadable = report.plans.filter((p) => p.error);
    const log = {
        $schema: SARIF_SCHEMA_URI,
        version: SARIF_VERSION,
        runs: [
            {
                tool: {
                    driver: {
                        name: 'container-plan-check',
                        ...(report.tool ? { version: report.tool.version, semanticVersion: report.tool.version } : {}),
                        rules,
                    },
                },
                invocations: [
                    {
                        executionSuccessful: unreadable.length === 0,
                        toolExecutionNotifications: [
                            ...unreadable.map((p) => ({ level: 'error', message: { text: (0,report_escape/* plain */.pj)(p.error) } })),
                            // A plan that reports it cannot be applied (errored, not applyable): read, and failing the gate.
                            ...report.plans.flatMap((p) => (p.planErrors ?? []).map((e) => ({ level: 'error', message: { text: `${(0,report_escape/* plain */.pj)(p.path)}: ${(0,report_escape/* plain */.pj)(e)}` } }))),
                        ],
                    },
                ],
                results: findings.map(({ p, f }) => result(p, f, ruleIds.indexOf(f.rule))),
                properties: { asOf: report.asOf, gate: report.gate.passed ? 'passed' : 'failed' },
            },
        ],
    };
    return log;
}
function result(p, f, ruleIndex) {
    const artifact = f.file ? { uri: toUri(f.file) } : { uri: toUri(p.path) };
    return {
        ruleId: f.rule,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: (0,report_escape/* plain */.pj)(f.message, 2000) },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: artifact,
                    ...(f.file && f.line && f.line > 0 ? { region: { startLine: f.line } } : {}),
                },
                logicalLocations: [{ fullyQualifiedName: f.address, kind: 'resource' }],
            },
        ],
        partialFingerprints: { 'containerPlanCheck/v1': fingerprint(f) },
        ...(f.suppressed
            ? { suppressions: [{ kind: 'inSource', ...(f.suppressionReason ? { justification: (0,report_escape/* plain */.pj)(f.suppressionReason) } : {}) }] }
            : {}),
        properties: { address: f.address, ...(f.path ? { attribute: f.path } : {}), unchangedResource: f.existing },
    };
}
/** A relative path as a URI reference (forward slashes, percent-encoded); absolute as file://. */
function toUri(path) {
    const p = path.replace(/\\/g, '/');
    if (p.startsWith('/'))
        return new URL(`file://${p}`).href;
    return p.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/');
}
function fingerprint(f) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`${f.rule}\u0000${f.address}\u0000${f.path ?? ''}`)
        .digest('hex')
        .slice(0, 32);
}

// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/report/render.ts





function render(report, format, opts = {}) {
    return [...renderChunks(report, format, opts)].join('');
}
/** The report in pieces of about 64 kB, however large: JSON, SARIF and text are produced incrementally. */
function* renderChunks(report, format, opts = {}) {
    switch (format) {
        case 'json':
            yield* (0,json/* jsonDocumentChunks */.us)(report);
            return;
        case 'sarif':
            yield* (0,json/* jsonDocumentChunks */.us)(sarifLog(report, opts));
            return;
        case 'text':
            yield* (0,report_text/* textChunks */.w7)(report);
            return;
        case 'markdown':
            yield renderMarkdown(report, opts);
    }
}


/***/ })

};
