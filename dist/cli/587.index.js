export const id = 587;
export const ids = [587];
export const modules = {

/***/ 3587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mergeReportFiles: () => (/* binding */ mergeReportFiles)
});

// UNUSED EXPORTS: labelStack, mergeReports, readReport

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/checks/registry.ts + 75 modules
var registry = __webpack_require__(5193);
// EXTERNAL MODULE: ./src/checks/run.ts + 1 modules
var run = __webpack_require__(9032);
// EXTERNAL MODULE: ./src/cost/total.ts
var total = __webpack_require__(3135);
// EXTERNAL MODULE: ./src/engine/gate.ts
var gate = __webpack_require__(4347);
// EXTERNAL MODULE: ./src/plan/errors.ts
var errors = __webpack_require__(9516);
// EXTERNAL MODULE: ./src/plan/jsonerror.ts
var jsonerror = __webpack_require__(7619);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var schemas = __webpack_require__(5156);
// EXTERNAL MODULE: ./src/engine/version.ts + 1 modules
var engine_version = __webpack_require__(8549);
;// CONCATENATED MODULE: ./src/report/schema.ts


/**
 * The JSON report: a public, versioned contract (see README "JSON report"). The zod schemas are
 * the types. Adding optional fields keeps schemaVersion 1; removing or changing one bumps it.
 */

const Severity = schemas["enum"](['error', 'warning', 'info']);
const ActionSchema = schemas["enum"](['create', 'update', 'replace', 'delete', 'no-op', 'read', 'forget']);
const ReportResource = schemas.object({
    address: schemas.string(),
    type: schemas.string(),
    action: ActionSchema,
    importing: schemas.boolean().optional(),
    /** `(known after apply)` when `regionUnknown`. */
    region: schemas.string(),
    regionSource: schemas["enum"](['resource', 'provider', 'option', 'default']).optional(),
    /** The resource's own `region` is set from a value known only after apply. */
    regionUnknown: schemas.boolean().optional(),
    /** A change Terraform deferred to a later plan (`deferred_changes`): checked and priced from what the plan shows. */
    deferred: schemas.boolean().optional(),
    module: schemas.string().optional(),
    file: schemas.string().nullable().optional(),
    line: schemas.number().nullable().optional(),
});
const Finding = schemas.object({
    rule: schemas.string(),
    severity: Severity,
    title: schemas.string().optional(),
    address: schemas.string(),
    message: schemas.string(),
    /** Attribute path relative to the resource, e.g. `capacity_provider_strategy[0].base`. */
    path: schemas.string().nullable(),
    file: schemas.string().nullable(),
    line: schemas.number().nullable(),
    /** The resource is not changed by this plan: reported, never gating. */
    existing: schemas.boolean(),
    suppressed: schemas.boolean(),
    suppressionReason: schemas.string().optional(),
    docs: schemas.string().optional(),
});
const CostComponent = schemas.object({
    name: schemas.string(),
    unit: schemas.string(),
    /** Quantity per month (hours, GB-months …). null when unknown, or when derived from a sensitive value. */
    quantity: schemas.number().nullable(),
    /** The quantity is derived from a value the plan marks sensitive: it is not shown (quantity is null). */
    quantitySensitive: schemas.boolean().optional(),
    unitPrice: schemas.number().nullable(),
    monthly: schemas.number().nullable(),
    priceSource: schemas.string().optional(),
    note: schemas.string().optional(),
});
const Unpriced = schemas.object({ item: schemas.string(), reason: schemas.string(), fix: schemas.string().optional() });
const ResourceCost = schemas.object({
    address: schemas.string(),
    type: schemas.string(),
    action: ActionSchema,
    description: schemas.string().optional(),
    /** null means unknown (an unknown count, an unpriced item): never read as 0. */
    monthlyBefore: schemas.number().nullable(),
    monthlyAfter: schemas.number().nullable(),
    monthlyDelta: schemas.number().nullable(),
    min: schemas.number().nullable(),
    max: schemas.number().nullable(),
    components: schemas.array(CostComponent),
    beforeComponents: schemas.array(CostComponent).optional(),
    unpriced: schemas.array(Unpriced),
    usageBased: schemas.boolean().optional(),
    /** A change Terraform deferred to a later plan. */
    deferred: schemas.boolean().optional(),
    notes: schemas.array(schemas.string()).optional(),
    advice: schemas.array(schemas.string()).optional(),
});
const CostTotals = schemas.object({
    currency: schemas.literal('USD'),
    monthlyBefore: schemas.number().nullable(),
    monthlyAfter: schemas.number().nullable(),
    monthlyDelta: schemas.number().nullable(),
    min: schemas.number().nullable(),
    max: schemas.number().nullable(),
    snapshotDate: schemas.string(),
    /** The plan is incomplete (`complete: false`): a later plan may change more, so the totals are partial. */
    partial: schemas.boolean().optional(),
    /** Where the prices used came from: "AWS Price List API, <date>", "snapshot <date>", "price file". */
    priceOrigins: schemas.array(schemas.string()).optional(),
    /** Why the prices come from where they do (the snapshot, with no AWS credentials for live prices). */
    priceNotes: schemas.array(schemas.string()).optional(),
});
const PlanCost = CostTotals.extend({ resources: schemas.array(ResourceCost), notes: schemas.array(schemas.string()).optional() });
const PlanReport = schemas.object({
    path: schemas.string(),
    /** Stack label for multi-stack reports (defaults to the plan path). */
    name: schemas.string().optional(),
    terraformVersion: schemas.string().nullable(),
    formatVersion: schemas.string().nullable(),
    error: schemas.string().nullable(),
    /**
     * Why the plan itself cannot be applied (`errored: true`; `applyable: false` while it changes
     * resources): one line each. The plan is still analysed; these fail the gate.
     */
    planErrors: schemas.array(schemas.string()).optional(),
    /** The changes Terraform deferred to a later plan (`deferred_changes`, Terraform 1.9+), of any type. */
    deferredChanges: schemas.array(schemas.object({ address: schemas.string(), type: schemas.string(), reason: schemas.string() })).optional(),
    notes: schemas.array(schemas.string()).optional(),
    resources: schemas.array(ReportResource),
    findings: schemas.array(Finding),
    cost: PlanCost.nullable(),
});
/** `warnings`: what the gate could not check but was told not to fail on (unpriced: warn). */
const Gate = schemas.object({ passed: schemas.boolean(), reasons: schemas.array(schemas.string()), warnings: schemas.array(schemas.string()).optional() });
const Report = schemas.object({
    schemaVersion: schemas.literal(engine_version/* SCHEMA_VERSION */.f),
    tool: schemas.object({ name: schemas.literal('container-plan-check'), version: schemas.string() }).optional(),
    asOf: schemas.string(),
    plans: schemas.array(PlanReport),
    cost: CostTotals.nullable().optional(),
    gate: Gate,
    warnings: schemas.array(schemas.string()).optional(),
});

// EXTERNAL MODULE: ./src/report/tally.ts
var tally = __webpack_require__(6900);
;// CONCATENATED MODULE: ./src/engine/stack-label.ts

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

;// CONCATENATED MODULE: ./src/engine/merge.ts












/** Reads and merges report files; throws an InputError only when none of them can be used. */
async function mergeReportFiles(paths, options) {
    if (paths.length === 0)
        throw new errors/* InputError */.dz(undefined, 'no report to merge');
    const read = await Promise.all(paths.map(readReport));
    const good = read.filter((r) => 'report' in r);
    const bad = read.filter((r) => 'problem' in r);
    const skipped = bad.map((r) => r.problem);
    if (good.length === 0)
        throw new errors/* InputError */.dz(undefined, `no report could be merged: ${skipped.join('; ')}`);
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
        text = await (0,promises_.readFile)(path, 'utf8');
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
        const at = (0,jsonerror/* locateJsonError */.R4)(text);
        return problem(text.trim() === ''
            ? 'is empty, not a JSON report'
            : at.truncated
                ? 'not JSON: the file is truncated'
                : `not JSON (line ${at.line}, column ${at.column}: expected ${at.expected})`);
    }
    const version = data && typeof data === 'object' && !Array.isArray(data) ? data.schemaVersion : undefined;
    if (version === undefined)
        return problem('not a container-plan-check JSON report (it has no schemaVersion)');
    if (version !== engine_version/* SCHEMA_VERSION */.f) {
        return problem(`schemaVersion ${(0,report_escape/* plain */.pj)(JSON.stringify(version), 40)} is not one this version reads (${engine_version/* SCHEMA_VERSION */.f}); merge with the version that wrote it`);
    }
    const parsed = Report.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the document';
        return problem(`does not match the report schema (${(0,report_escape/* plain */.pj)(where, 120)}: ${(0,report_escape/* plain */.pj)(issue.message, 160)})`);
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
            if (!(0,registry/* ruleById */.B)(f.rule))
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
    const plans = labelPlans(files, run/* DEFAULT_DOCS_BASE */.q);
    const dates = [...new Set(files.map((f) => f.report.asOf))].sort();
    const warnings = [...skipped];
    if (dates.length > 1)
        warnings.push(`the reports were evaluated as of different dates (${dates.join(', ')}); the merged report is dated ${dates.at(-1)}`);
    const carried = files.flatMap((f) => f.report.warnings ?? []);
    const all = [...new Set([...carried, ...warnings])];
    const cost = (0,total/* totalCost */.c)(plans);
    const report = {
        schemaVersion: engine_version/* SCHEMA_VERSION */.f,
        tool: { name: 'container-plan-check', version: engine_version/* VERSION */.x },
        asOf: dates.at(-1),
        plans,
        cost,
        gate: (0,gate/* computeGate */.B)(plans, cost, options),
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
        count.set((0,tally/* planLabel */.GS)(p), (count.get((0,tally/* planLabel */.GS)(p)) ?? 0) + 1);
    return all.map(({ p, file }) => (p.name === undefined && count.get(p.path) > 1 ? { ...p, name: `${p.path} (${file})` } : p));
}


/***/ })

};
