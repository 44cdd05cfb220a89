export const id = 107;
export const ids = [107];
export const modules = {

/***/ 9107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mergeReportFiles: () => (/* binding */ mergeReportFiles)
/* harmony export */ });
/* unused harmony exports readReport, mergeReports, labelStack */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checks_registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1357);
/* harmony import */ var _checks_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9032);
/* harmony import */ var _cost_total_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3135);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1956);
/* harmony import */ var _plan_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9516);
/* harmony import */ var _plan_jsonerror_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7619);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4031);
/* harmony import */ var _report_schema_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1327);
/* harmony import */ var _report_tally_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6900);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1013);











/** Reads and merges report files; throws an InputError only when none of them can be used. */
async function mergeReportFiles(paths, options) {
    if (paths.length === 0)
        throw new _plan_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(undefined, 'no report to merge');
    const read = await Promise.all(paths.map(readReport));
    const good = read.filter((r) => 'report' in r);
    const bad = read.filter((r) => 'problem' in r);
    const skipped = bad.map((r) => r.problem);
    if (good.length === 0)
        throw new _plan_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(undefined, `no report could be merged: ${skipped.join('; ')}`);
    // The merged report names a forged report without echoing its values; the log line says what is wrong.
    const merged = mergeReports(good, options, bad.map((r) => r.summary ?? r.problem));
    const detail = new Map(bad.map((r) => [r.summary ?? r.problem, r.problem]));
    return { ...merged, skipped, warnings: merged.warnings.map((w) => detail.get(w) ?? w) };
}
/** One report file, validated against the schema; or one line saying why it cannot be used. */
async function readReport(path) {
    const problem = (what) => ({ problem: `${path}: ${what}; left out of the merged report` });
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (e) {
        const code = e.code;
        return problem(code === 'ENOENT'
            ? 'no such file'
            : code === 'EISDIR'
                ? 'is a directory, not a report file'
                : `cannot read the file (${code ?? 'error'})`);
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        // JSON.parse quotes the text around the error; only the position is reported.
        const at = (0,_plan_jsonerror_js__WEBPACK_IMPORTED_MODULE_5__/* .locateJsonError */ .R4)(text);
        return problem(text.trim() === ''
            ? 'is empty, not a JSON report'
            : at.truncated
                ? 'not JSON: the file is truncated'
                : `not JSON (line ${at.line}, column ${at.column}: expected ${at.expected})`);
    }
    const version = data && typeof data === 'object' && !Array.isArray(data) ? data.schemaVersion : undefined;
    if (version === undefined)
        return problem('not a container-plan-check JSON report (it has no schemaVersion)');
    if (version !== _report_schema_js__WEBPACK_IMPORTED_MODULE_7__/* .SCHEMA_VERSION */ .f$) {
        return problem(`schemaVersion ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .plain */ .pj)(JSON.stringify(version), 40)} is not one this version reads (${_report_schema_js__WEBPACK_IMPORTED_MODULE_7__/* .SCHEMA_VERSION */ .f$}); merge with the version that wrote it`);
    }
    const parsed = _report_schema_js__WEBPACK_IMPORTED_MODULE_7__/* .Report */ .pl.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the document';
        return problem(`does not match the report schema (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .plain */ .pj)(where, 120)}: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .plain */ .pj)(issue.message, 160)})`);
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
function isDate(s) {
    return DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}
/**
 * What the schema cannot say: the values a run writes have a known form. A forged report (rule
 * IDs no rule has, docs links elsewhere, dates and versions that are not) is left out.
 */
function checkValues(r) {
    if (!isDate(r.asOf))
        return `asOf ${JSON.stringify(r.asOf.slice(0, 40))} is not a date`;
    if (r.tool && !VERSION_TEXT.test(r.tool.version))
        return `tool.version ${JSON.stringify(r.tool.version.slice(0, 40))} is not a version`;
    if (r.cost && !isDate(r.cost.snapshotDate))
        return `cost.snapshotDate ${JSON.stringify(r.cost.snapshotDate.slice(0, 40))} is not a date`;
    for (const [i, p] of r.plans.entries()) {
        if (p.cost && !isDate(p.cost.snapshotDate))
            return `plans[${i}].cost.snapshotDate ${JSON.stringify(p.cost.snapshotDate.slice(0, 40))} is not a date`;
        for (const [j, f] of p.findings.entries()) {
            if (!(0,_checks_registry_js__WEBPACK_IMPORTED_MODULE_1__/* .ruleById */ .B)(f.rule))
                return `plans[${i}].findings[${j}].rule ${JSON.stringify(f.rule.slice(0, 60))} is not a rule of this tool`;
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
function mergeReports(files, options, skipped = []) {
    const plans = labelPlans(files, _checks_run_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_DOCS_BASE */ .q);
    const dates = [...new Set(files.map((f) => f.report.asOf))].sort();
    const warnings = [...skipped];
    if (dates.length > 1)
        warnings.push(`the reports were evaluated as of different dates (${dates.join(', ')}); the merged report is dated ${dates.at(-1)}`);
    const carried = files.flatMap((f) => f.report.warnings ?? []);
    const all = [...new Set([...carried, ...warnings])];
    const cost = (0,_cost_total_js__WEBPACK_IMPORTED_MODULE_9__/* .totalCost */ .c)(plans);
    const report = {
        schemaVersion: _report_schema_js__WEBPACK_IMPORTED_MODULE_7__/* .SCHEMA_VERSION */ .f$,
        tool: { name: 'container-plan-check', version: _version_js__WEBPACK_IMPORTED_MODULE_8__/* .VERSION */ .x },
        asOf: dates.at(-1),
        plans,
        cost,
        gate: (0,_gate_js__WEBPACK_IMPORTED_MODULE_3__/* .computeGate */ .B)(plans, cost, options),
        ...(all.length > 0 ? { warnings: all } : {}),
    };
    return { report, skipped: [...skipped], warnings };
}
/**
 * Each plan keeps its stack name; a plan without one is labelled by its path, and when two
 * plans would carry the same label, the unnamed ones are told apart by their report file.
 */
function labelPlans(files, docsBase) {
    // Docs links point at this run's own docs pages, whichever run wrote the finding.
    const rebased = (p) => ({
        ...p,
        findings: p.findings.map((f) => (f.docs === undefined ? f : { ...f, docs: `${docsBase}${f.rule}.md` })),
    });
    const all = files.flatMap((f) => f.report.plans.map((p) => ({ p: rebased(p), file: f.path })));
    const count = new Map();
    for (const { p } of all)
        count.set((0,_report_tally_js__WEBPACK_IMPORTED_MODULE_10__/* .planLabel */ .GS)(p), (count.get((0,_report_tally_js__WEBPACK_IMPORTED_MODULE_10__/* .planLabel */ .GS)(p)) ?? 0) + 1);
    return all.map(({ p, file }) => (p.name === undefined && count.get(p.path) > 1 ? { ...p, name: `${p.path} (${file})` } : p));
}
/**
 * The stack name of a per-stack run (`stack-name`), which labels its section once merged: the
 * plan's name when the run has one plan, `STACK: PATH` for each when it has several.
 */
function labelStack(report, stack) {
    const name = plain(stack.trim(), 200);
    if (!name)
        return report;
    const one = report.plans.length === 1;
    return { ...report, plans: report.plans.map((p) => ({ ...p, name: one ? name : `${name}: ${p.path}` })) };
}


/***/ })

};
