export const id = 958;
export const ids = [958];
export const modules = {

/***/ 2958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseSettings: () => (/* binding */ parseSettings)
});

// UNUSED EXPORTS: SETTINGS_FILE, SettingsSchema, loadSettings

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var schemas = __webpack_require__(5156);
// EXTERNAL MODULE: ./src/checks/registry.ts + 75 modules
var registry = __webpack_require__(5193);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./src/plan/eksfargate.ts
var eksfargate = __webpack_require__(3102);
;// CONCATENATED MODULE: ./src/cost/settings-schema.ts


/** A Kubernetes quantity read with the shared parser; the message says what is expected. */
const quantity = (input, parse, what) => input.transform((v, ctx) => {
    const n = parse(v);
    if (n === undefined || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `expected ${what}` });
        return core/* NEVER */.tm;
    }
    return n;
});
/** Pods declared for an EKS Fargate profile: how many run, with their summed container requests. */
const FargatePodsSchema = schemas.object({
    namespace: schemas.string().min(1),
    count: schemas.number().int().nonnegative(),
    /** The pod's CPU request (sum of its containers'), in millicores once parsed: `0.5`, `"500m"`. */
    cpu: quantity(schemas.union([schemas.number(), schemas.string()]), eksfargate/* cpuMillicores */.O9, 'a CPU request such as 0.5 or "500m"').optional(),
    /** The pod's memory request (sum of its containers'), in MiB once parsed: `"512Mi"`, `"1Gi"`. */
    memory: quantity(schemas.string(), eksfargate/* memoryMiB */.Ii, 'a memory request such as "512Mi" or "1Gi"').optional(),
})
    .strict();
/** The `cost` section of .container-plan-check.yml (see README). */
const CostSettingsSchema = schemas.object({
    /** Estimated Spot discount, percent off on-demand (default: the snapshot's estimate, 70). */
    spotDiscountPercent: schemas.number().min(0).max(100).optional(),
    /** Negotiated discount (EDP, private pricing), percent off every price. */
    edpDiscountPercent: schemas.number().min(0).max(100).optional(),
    /** What an unknown monthly delta does to a cost limit (max-increase…): fail (default), warn or ignore. */
    unpriced: schemas["enum"](['fail', 'warn', 'ignore']).optional(),
    /** A price file in the snapshot's schema, merged over the embedded snapshot. */
    priceFile: schemas.string().min(1).optional(),
    /**
     * Pods that run on each EKS Fargate profile, keyed by the profile's resource address or its
     * `fargate_profile_name`. Without them a profile is shown as usage-based, with no figure.
     */
    eksFargatePods: schemas.record(schemas.string(), schemas.array(FargatePodsSchema)).optional(),
})
    .strict();

// EXTERNAL MODULE: ./src/plan/errors.ts
var errors = __webpack_require__(9516);
// EXTERNAL MODULE: ./src/load/settings-file.ts
var settings_file = __webpack_require__(4178);
;// CONCATENATED MODULE: ./src/load/settings.ts





// Finding and reading the file (src/load/settings-file.ts) is apart: this module and the YAML parser are
// loaded only when there is a settings file.

const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'];
const requiredString = (what) => schemas.string({ error: (iss) => (iss.input === undefined ? `${what} is required` : `must be a string, got ${typeOf(iss.input)}`) });
/**
 * `.container-plan-check.yml`, validated with zod. Sections: `rules` (severity per rule, or off),
 * `ignore` (rule + address glob + required reason), `cost` (see src/cost/settings-schema.ts).
 */
const SettingsSchema = schemas.object({
    rules: schemas.record(schemas.string(), schemas["enum"](SEVERITY_SETTINGS, { error: () => `must be one of ${SEVERITY_SETTINGS.join(', ')}` })).optional(),
    ignore: schemas.array(schemas.object({
        rule: requiredString('a rule ID'),
        /** Glob over resource addresses: `*` any characters, `?` one; default every address. */
        address: requiredString('an address').default('*'),
        reason: requiredString('a reason').trim().min(1, 'a reason is required'),
    })
        .strict())
        .optional(),
    cost: CostSettingsSchema.optional(),
})
    .strict();
/** Parses and validates the YAML text of a configuration file. */
function parseSettings(text, file, known = registry/* RULES */.y) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
    const yamlError = doc.errors[0];
    if (yamlError) {
        const line = lineCounter.linePos(yamlError.pos[0]).line;
        throw new errors/* InputError */.dz(`${file}${line ? `:${line}` : ''}`, `not valid YAML: ${yamlError.message.split('\n')[0]}`);
    }
    let data;
    try {
        data = doc.toJS() ?? {};
    }
    catch (e) {
        // The yaml library refuses aliases that expand to far more nodes than the text holds.
        if (e instanceof ReferenceError)
            throw new errors/* InputError */.dz(file, 'its aliases (*name) expand to too many values; write the values out or use fewer aliases');
        throw new errors/* InputError */.dz(file, `cannot be read as YAML (${e.message})`);
    }
    if (typeof data !== 'object' || Array.isArray(data))
        throw new errors/* InputError */.dz(file, `must be a mapping with rules, ignore or cost, got ${typeOf(data)}`);
    const parsed = SettingsSchema.safeParse(data);
    if (!parsed.success)
        throw new errors/* InputError */.dz(file, describeIssue(parsed.error.issues[0]));
    const ids = new Set(known.map((r) => r.id));
    for (const id of Object.keys(parsed.data.rules ?? {})) {
        if (!ids.has(id))
            throw new errors/* InputError */.dz(file, `rules.${id}: unknown rule ID ${JSON.stringify(id)}`);
    }
    for (const [i, entry] of (parsed.data.ignore ?? []).entries()) {
        if (!ids.has(entry.rule))
            throw new errors/* InputError */.dz(file, `ignore[${i}].rule: unknown rule ID ${JSON.stringify(entry.rule)}`);
    }
    return parsed.data;
}
function describeIssue(issue) {
    if (issue.code === 'unrecognized_keys') {
        const key = keyPath([...issue.path, issue.keys[0]]);
        const allowed = allowedKeys(issue.path);
        return `${key}: unknown key${allowed ? ` (expected ${allowed})` : ''}`;
    }
    const where = keyPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
}
function allowedKeys(path) {
    if (path.length === 0)
        return 'rules, ignore or cost';
    if (path[0] === 'ignore')
        return 'rule, address or reason';
    if (path[0] === 'cost')
        return Object.keys(CostSettingsSchema.shape).join(', ');
    return undefined;
}
/** `['ignore', 0, 'reason']` → `ignore[0].reason`. */
function keyPath(path) {
    let s = '';
    for (const p of path)
        s += typeof p === 'number' ? `[${p}]` : `${s ? '.' : ''}${String(p)}`;
    return s;
}
function typeOf(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    return typeof v === 'object' ? 'a mapping' : typeof v;
}


/***/ })

};
