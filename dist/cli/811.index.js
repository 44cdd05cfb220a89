export const id = 811;
export const ids = [811,115,979];
export const modules = {

/***/ 3979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   itemSchema: () => (/* binding */ itemSchema),
/* harmony export */   termSchema: () => (/* binding */ termSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5156);

/**
 * The schemas of what the AWS Price List API answers: a price list item (live prices, src/cost/live.ts,
 * which loads this module and zod only when AWS answers) and its terms (also read by `pricing update`).
 */
/** A price list term. */
function termSchema() {
    const Dimension = zod__WEBPACK_IMPORTED_MODULE_0__.object({ unit: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), beginRange: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), pricePerUnit: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.string()) })
        .loose();
    return zod__WEBPACK_IMPORTED_MODULE_0__.object({ offerTermCode: zod__WEBPACK_IMPORTED_MODULE_0__.string(), priceDimensions: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), Dimension) }).loose();
}
function buildItemSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_0__.object({
        product: zod__WEBPACK_IMPORTED_MODULE_0__.object({ sku: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), productFamily: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(), attributes: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), zod__WEBPACK_IMPORTED_MODULE_0__.string()) })
            .loose(),
        terms: zod__WEBPACK_IMPORTED_MODULE_0__.object({ OnDemand: zod__WEBPACK_IMPORTED_MODULE_0__.record(zod__WEBPACK_IMPORTED_MODULE_0__.string(), termSchema()).optional() }).loose(),
        publicationDate: zod__WEBPACK_IMPORTED_MODULE_0__.string().optional(),
    })
        .loose();
}
let built;
/** A price list item's schema, built once. */
function itemSchema() {
    return (built ??= buildItemSchema());
}


/***/ }),

/***/ 3115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   priceSchemas: () => (/* binding */ priceSchemas),
/* harmony export */   readPriceFile: () => (/* binding */ readPriceFile)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1033);
/* harmony import */ var _data_limits_json__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6322);
/* harmony import */ var _load_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6255);
/* harmony import */ var _plan_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9516);
/* harmony import */ var _prices_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5117);





/**
 * A user's price file, read and validated, and the price files' zod schemas. Loaded only when a
 * run has a price file (`runPriceBook`, src/cost/index.ts) or by `pricing update`, so that zod is
 * not loaded at start.
 */
let built;
/** The price files' zod schemas (built once, on first use). */
function priceSchemas() {
    return (built ??= (0,_prices_js__WEBPACK_IMPORTED_MODULE_3__/* .buildPriceSchemas */ .cJ)(zod__WEBPACK_IMPORTED_MODULE_4__));
}
/** Reads and validates a price file; any problem is one line naming the file. */
function readPriceFile(path) {
    let text;
    try {
        text = (0,_load_files_js__WEBPACK_IMPORTED_MODULE_1__/* .readRegularFileSync */ .cG)(path, 'price file', _data_limits_json__WEBPACK_IMPORTED_MODULE_0__/* .priceFileMaxBytes */ .dK).toString('utf8');
    }
    catch (e) {
        if (e instanceof _plan_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz)
            throw e;
        throw new _plan_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(path, `cannot read the price file (${e.code ?? 'error'})`);
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new _plan_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(path, 'the price file is not valid JSON');
    }
    const parsed = priceSchemas().PriceFileSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new _plan_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(path, `not a price file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    }
    for (const [region, prices] of Object.entries(parsed.data.regions)) {
        for (const [key, e] of Object.entries(prices)) {
            const known = Object.hasOwn(parsed.data.sources ?? {}, e.src) || Object.hasOwn(_prices_js__WEBPACK_IMPORTED_MODULE_3__/* .embeddedSnapshot */ .Fb.sources, e.src);
            if (!known)
                throw new _plan_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(path, `regions.${region}["${key}"].src "${e.src.slice(0, 60)}" is not described under sources`);
        }
    }
    return parsed.data;
}


/***/ }),

/***/ 7811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PRICING_USAGE: () => (/* binding */ PRICING_USAGE),
  buildSnapshot: () => (/* binding */ buildSnapshot),
  checkUrlPath: () => (/* binding */ checkUrlPath),
  dirSource: () => (/* binding */ dirSource),
  formatIndex: () => (/* binding */ formatIndex),
  formatRegion: () => (/* binding */ formatRegion),
  formatSnapshot: () => (/* binding */ formatSnapshot),
  httpSource: () => (/* binding */ httpSource),
  offerFilter: () => (/* binding */ offerFilter),
  runPricing: () => (/* binding */ runPricing),
  writeSplitSnapshot: () => (/* binding */ writeSplitSnapshot)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js
var schemas = __webpack_require__(5156);
// EXTERNAL MODULE: ./src/cost/prices.ts + 2 modules
var prices = __webpack_require__(5117);
// EXTERNAL MODULE: ./src/cost/price-file.ts
var price_file = __webpack_require__(3115);
// EXTERNAL MODULE: ./src/plan/errors.ts
var errors = __webpack_require__(9516);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/data/limits.json
var limits = __webpack_require__(6322);
// EXTERNAL MODULE: ./src/load/files.ts
var files = __webpack_require__(6255);
// EXTERNAL MODULE: ./src/load/json-scan.ts
var json_scan = __webpack_require__(6560);
;// CONCATENATED MODULE: ./src/cost/offer-stream.ts






// Scanner modes.
const VALUE = 0; // expecting a value
const KEY_OR_END = 1; // after "{"
const KEY = 2; // after "," in an object
const AFTER_KEY = 3; // expecting ":"
const AFTER_VALUE = 4; // expecting "," or "}"
const STRING = 5; // inside a string
const SCALAR = 6; // inside a number, true, false or null
const SKIP = 7; // inside an object or array that is not read
const DONE = 8;
// The objects the scanner reads member by member; every other object or array is skipped.
const ROOT = 0;
const PRODUCTS = 1;
const PRODUCT = 2;
const ATTRIBUTES = 3;
const TERMS = 4;
const ON_DEMAND = 5;
// What the current string or scalar is.
const T_SKIP = 0;
const T_KEY = 1;
const T_HEADER = 2;
const T_FAMILY = 3;
const T_ATTRIBUTE = 4;
/** Property names matched on their bytes, so that a key which is none of them is never decoded. */
class Names {
    names;
    byLength = new Map();
    constructor(names) {
        this.names = names;
        for (const name of names) {
            const bytes = Buffer.from(name);
            const list = this.byLength.get(bytes.length) ?? [];
            list.push([bytes, name]);
            this.byLength.set(bytes.length, list);
        }
    }
    /** The name that bytes [start, end) of `chunk` spell; '' for none; undefined when they hold an escape (decode them). */
    find(chunk, start, end) {
        // Compared byte by byte: the keys are short, and a native compare costs more per call.
        for (const [bytes, name] of this.byLength.get(end - start) ?? []) {
            let k = 0;
            while (k < bytes.length && bytes[k] === chunk[start + k])
                k++;
            if (k === bytes.length)
                return name;
        }
        for (let k = start; k < end; k++)
            if (chunk[k] === json_scan/* BACKSLASH */.r_)
                return undefined;
        return '';
    }
}
class OfferScan {
    bytes;
    name;
    filter;
    /** Top-level members whose value is a string, number, boolean or null. */
    header = {};
    /** Which of `products`, `terms` and `terms.OnDemand` the file has. */
    sections = new Set();
    stats = { products: 0, onDemand: 0, parsed: 0, largestMemberBytes: 0 };
    /** `name` is the file or URL, for messages. */
    constructor(bytes, name, filter) {
        this.bytes = bytes;
        this.name = name;
        this.filter = filter;
    }
    async *[Symbol.asyncIterator]() {
        const { name, filter, header, sections, stats } = this;
        const attributeNames = new Names(new Set(filter.attributes));
        const productNames = new Names(new Set(['productFamily', 'attributes']));
        const keptSkus = new Set();
        const strings = new json_scan/* StringSkipper */.K5();
        const roles = []; // the objects read, outermost first
        const keys = []; // the current key of each of them
        let mode = VALUE;
        let chunk = Buffer.alloc(0);
        let offset = 0; // of the chunk's first byte in the file
        let ready = [];
        // The string or scalar being read; its bytes are collected unless it is skipped.
        let target = T_SKIP;
        let token = null;
        let tokenStart = 0;
        // The container being skipped.
        let skipDepth = 0;
        let skipInString = false;
        // The member being read; its bytes are collected while it may be kept.
        let sku = '';
        let peek = { sku, attributes: {} };
        let member = null; // a cast, or TypeScript narrows it to null: closures set it
        let memberStart = 0;
        let memberHeld = 0;
        const fail = (what, at) => {
            throw new errors/* InputError */.dz(name, `is not valid JSON: at byte offset ${at} ${what}`);
        };
        const tokenBytes = (end) => {
            const last = chunk.subarray(tokenStart, end);
            const bytes = token.length === 0 ? last : Buffer.concat([...token, last]);
            token = null;
            return bytes;
        };
        const stringText = (end) => {
            const bytes = tokenBytes(end);
            if (bytes.indexOf(json_scan/* BACKSLASH */.r_) === -1)
                return bytes.toString('utf8', 1, bytes.length - 1);
            try {
                return JSON.parse(bytes.toString('utf8'));
            }
            catch {
                return fail('in a string', offset + end);
            }
        };
        /** The key just read, in an object where only some names matter: that name, or ''. */
        const keyAmong = (names, end) => {
            if (token.length === 0) {
                const name = names.find(chunk, tokenStart + 1, end - 1);
                if (name !== undefined) {
                    token = null;
                    return name;
                }
            }
            const text = stringText(end);
            return names.names.has(text) ? text : '';
        };
        const endMember = (end) => {
            const isProduct = roles[roles.length - 1] === PRODUCTS;
            if (member)
                stats.largestMemberBytes = Math.max(stats.largestMemberBytes, memberHeld + end - memberStart);
            if (isProduct) {
                stats.products++;
                if (filter.keep(peek))
                    keptSkus.add(sku);
                else
                    member = null;
            }
            else
                stats.onDemand++;
            if (!member)
                return;
            const text = Buffer.concat([...member, chunk.subarray(memberStart, end)]).toString('utf8');
            member = null;
            let value;
            try {
                value = JSON.parse(text);
            }
            catch {
                fail(`in ${isProduct ? 'products' : 'terms.OnDemand'}["${sku.slice(0, 40)}"]`, offset + end);
            }
            stats.parsed++;
            ready.push({ section: isProduct ? 'products' : 'OnDemand', sku, value });
        };
        const endValue = (end) => {
            mode = AFTER_VALUE;
            const role = roles[roles.length - 1];
            if (role === PRODUCTS || role === ON_DEMAND)
                endMember(end);
        };
        /** Starts a member of products or terms.OnDemand; its bytes are collected if it may be kept. */
        const startMember = (at, collect) => {
            sku = keys[roles.length - 1];
            member = collect ? [] : null;
            memberStart = at;
            memberHeld = 0;
        };
        /** Opens an object the scanner reads member by member. */
        const open = (role, c, at, label) => {
            if (c !== json_scan/* LBRACE */.A0)
                throw new errors/* InputError */.dz(name, `is not an AWS offer file: ${label ?? `products["${keys[roles.length - 1].slice(0, 40)}"]`} is not an object`);
            if (label)
                sections.add(label);
            roles.push(role);
            mode = KEY_OR_END;
            return at + 1;
        };
        /** Starts a value that is collected as `t`, or skipped. */
        const other = (t, c, at) => {
            if (c === json_scan/* LBRACE */.A0 || c === json_scan/* LBRACKET */.dk) {
                mode = SKIP;
                skipDepth = 1;
                skipInString = false;
                return at + 1;
            }
            target = t;
            token = t === T_SKIP ? null : [];
            tokenStart = at;
            if (c !== json_scan/* QUOTE */.jA) {
                mode = SCALAR;
                return at;
            }
            mode = STRING;
            return at + 1;
        };
        const startValue = (c, at) => {
            if (roles.length === 0) {
                return c === json_scan/* LBRACE */.A0 ? open(ROOT, c, at) : fail('expected "{"', offset + at);
            }
            if (c === json_scan/* COMMA */.KE || c === json_scan/* COLON */.oH || c === json_scan/* RBRACE */.aC || c === json_scan/* RBRACKET */.X0)
                return fail('expected a value', offset + at);
            const key = keys[roles.length - 1];
            switch (roles[roles.length - 1]) {
                case ROOT:
                    if (key === 'products')
                        return open(PRODUCTS, c, at, 'products');
                    if (key === 'terms')
                        return open(TERMS, c, at, 'terms');
                    return other(T_HEADER, c, at);
                case TERMS:
                    if (key !== 'OnDemand')
                        return other(T_SKIP, c, at);
                    if (!sections.has('products'))
                        throw new errors/* InputError */.dz(name, 'is not an AWS offer file as published: terms come before products, so the on-demand terms cannot be matched to products in one pass');
                    return open(ON_DEMAND, c, at, 'terms.OnDemand');
                case PRODUCTS:
                    startMember(at, true); // held until its end, where the filter decides
                    peek = { sku, attributes: {} };
                    return open(PRODUCT, c, at);
                case ON_DEMAND:
                    if (c !== json_scan/* LBRACE */.A0)
                        throw new errors/* InputError */.dz(name, `is not an AWS offer file: terms.OnDemand["${key.slice(0, 40)}"] is not an object`);
                    startMember(at, keptSkus.has(key));
                    return other(T_SKIP, c, at);
                case PRODUCT:
                    if (key === 'productFamily' && c === json_scan/* QUOTE */.jA)
                        return other(T_FAMILY, c, at);
                    if (key === 'attributes' && c === json_scan/* LBRACE */.A0)
                        return open(ATTRIBUTES, c, at);
                    return other(T_SKIP, c, at);
                default: // ATTRIBUTES
                    return other(key !== '' && c === json_scan/* QUOTE */.jA ? T_ATTRIBUTE : T_SKIP, c, at);
            }
        };
        const endString = (end) => {
            if (target === T_SKIP)
                return endValue(end);
            const depth = roles.length - 1;
            if (target === T_KEY) {
                const role = roles[depth];
                keys[depth] =
                    role === ATTRIBUTES ? keyAmong(attributeNames, end) : role === PRODUCT ? keyAmong(productNames, end) : stringText(end);
                mode = AFTER_KEY;
                return;
            }
            const text = stringText(end);
            const key = keys[depth];
            if (target === T_HEADER)
                header[key] = text;
            else if (target === T_FAMILY)
                peek.productFamily = text;
            else
                peek.attributes[key] = text;
            endValue(end);
        };
        const endScalar = (end) => {
            if (target === T_HEADER) {
                const key = keys[0];
                try {
                    header[key] = JSON.parse(tokenBytes(end).toString('utf8'));
                }
                catch {
                    fail(`in the value of "${key.slice(0, 40)}"`, offset + end);
                }
            }
            endValue(end);
        };
        const close = (at) => {
            roles.pop();
            if (roles.length === 0)
                mode = DONE;
            else
                endValue(at + 1);
            return at + 1;
        };
        for await (const raw of this.bytes) {
            chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
            const n = chunk.length;
            let i = 0;
            while (i < n) {
                if (mode === STRING) {
                    i = strings.skip(chunk, i);
                    if (!strings.open)
                        endString(i);
                    continue;
                }
                if (mode === SCALAR) {
                    while (i < n && !isDelimiter(chunk[i]))
                        i++;
                    if (i < n)
                        endScalar(i);
                    continue;
                }
                if (mode === SKIP) {
                    // Most of the file's bytes: the loop keeps its state in locals.
                    let inString = skipInString;
                    let depth = skipDepth;
                    while (i < n) {
                        if (inString) {
                            i = strings.skip(chunk, i);
                            if (strings.open)
                                break;
                            inString = false;
                            continue;
                        }
                        const b = chunk[i++];
                        if (b === json_scan/* QUOTE */.jA)
                            inString = true;
                        else if (b === json_scan/* LBRACE */.A0 || b === json_scan/* LBRACKET */.dk)
                            depth++;
                        else if ((b === json_scan/* RBRACE */.aC || b === json_scan/* RBRACKET */.X0) && --depth === 0) {
                            endValue(i);
                            break;
                        }
                    }
                    skipInString = inString;
                    skipDepth = depth;
                    continue;
                }
                let c = chunk[i];
                if ((0,json_scan/* isSpace */.xC)(c)) {
                    do
                        c = chunk[++i];
                    while (i < n && (0,json_scan/* isSpace */.xC)(c));
                    continue;
                }
                switch (mode) {
                    case VALUE:
                        i = startValue(c, i);
                        break;
                    case KEY_OR_END:
                    case KEY:
                        if (c === json_scan/* QUOTE */.jA) {
                            target = T_KEY;
                            token = [];
                            tokenStart = i++;
                            mode = STRING;
                        }
                        else if (c === json_scan/* RBRACE */.aC && mode === KEY_OR_END)
                            i = close(i);
                        else
                            fail('expected a property name', offset + i);
                        break;
                    case AFTER_KEY:
                        if (c !== json_scan/* COLON */.oH)
                            fail('expected ":"', offset + i);
                        mode = VALUE;
                        i++;
                        break;
                    case AFTER_VALUE:
                        if (c === json_scan/* COMMA */.KE) {
                            mode = KEY;
                            i++;
                        }
                        else if (c === json_scan/* RBRACE */.aC)
                            i = close(i);
                        else
                            fail('expected "," or "}"', offset + i);
                        break;
                    default: // DONE
                        fail('unexpected content after the end of the document', offset + i);
                }
            }
            if (token) {
                token.push(chunk.subarray(tokenStart));
                tokenStart = 0;
            }
            if (member) {
                member.push(chunk.subarray(memberStart));
                memberHeld += n - memberStart;
                memberStart = 0;
            }
            offset += n;
            const out = ready;
            ready = [];
            for (const m of out)
                yield m;
        }
        if (mode !== DONE) {
            if (roles.length === 0)
                throw new errors/* InputError */.dz(name, 'is empty: it holds no JSON document');
            const inside = roles.includes(PRODUCTS) ? 'products' : roles.includes(TERMS) ? 'terms' : 'the top-level object';
            throw new errors/* InputError */.dz(name, `is truncated: the JSON ends at byte offset ${offset} inside ${inside}; download it again`);
        }
    }
}
function isDelimiter(c) {
    return c === json_scan/* COMMA */.KE || c === json_scan/* RBRACE */.aC || c === json_scan/* RBRACKET */.X0 || (0,json_scan/* isSpace */.xC)(c);
}
/** A Price List file's bytes, in chunks; a file that cannot be read is an InputError naming it. */
async function* fileBytes(file, chunkSize = 1 << 20, maxBytes = limits/* offerFileMaxBytes */.pj) {
    let fh;
    try {
        // Only a regular file under the limit is read: a FIFO or /dev/zero would be read for ever.
        (0,files/* checkRegular */.xc)(file, await (0,promises_.stat)(file), 'Price List file', maxBytes);
        fh = await (0,promises_.open)(file, files/* READ_FLAGS */.tC);
        (0,files/* checkRegular */.xc)(file, await fh.stat(), 'Price List file', maxBytes);
    }
    catch (e) {
        await fh?.close();
        if (e instanceof errors/* InputError */.dz)
            throw e;
        throw new errors/* InputError */.dz(file, `cannot read the Price List file (${e.code ?? 'error'})`);
    }
    try {
        for await (const chunk of fh.createReadStream({ highWaterMark: chunkSize, end: maxBytes - 1 }))
            yield chunk;
    }
    catch (e) {
        throw new errors/* InputError */.dz(file, `cannot read the Price List file (${e.code ?? 'error'})`);
    }
    finally {
        await fh.close().catch(() => undefined);
    }
}
/**
 * A Price List document's bytes as they download; a failed request or download is an InputError
 * naming the URL. A download that sends nothing for `idleMs` (before the response or between two
 * chunks) is stopped: nothing can hang a CI job. Offer files run to GB, so the time without data
 * is bounded rather than the whole download's.
 */
async function* httpBytes(url, idleMs = limits/* downloadIdleTimeoutMs */.sQ) {
    const abort = new AbortController();
    let timer = setTimeout(() => abort.abort(), idleMs);
    const waiting = () => {
        clearTimeout(timer);
        timer = setTimeout(() => abort.abort(), idleMs);
    };
    const stalled = () => new errors/* InputError */.dz(url, `nothing received for ${idleMs / 1000} s; the download was stopped (try again later)`);
    try {
        let res;
        try {
            res = await fetch(url, { signal: abort.signal });
        }
        catch (e) {
            throw abort.signal.aborted ? stalled() : new errors/* InputError */.dz(url, `cannot fetch (${(0,errors/* oneLine */.TN)(e)})`);
        }
        if (!res.ok || !res.body) {
            await res.body?.cancel();
            throw new errors/* InputError */.dz(url, `HTTP ${res.status}`);
        }
        waiting();
        try {
            for await (const chunk of external_node_stream_.Readable.fromWeb(res.body)) {
                waiting();
                yield chunk;
            }
        }
        catch (e) {
            throw abort.signal.aborted ? stalled() : new errors/* InputError */.dz(url, `the download failed (${(0,errors/* oneLine */.TN)(e)})`);
        }
    }
    finally {
        clearTimeout(timer);
        abort.abort();
    }
}

// EXTERNAL MODULE: ./src/cost/price-list.ts + 1 modules
var price_list = __webpack_require__(3671);
// EXTERNAL MODULE: ./src/cost/live-item.ts
var live_item = __webpack_require__(3979);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/cost/snapshot-diff.ts




/**
 * `container-plan-check pricing diff BEFORE AFTER`: what a refresh of the split snapshot
 * (src/cost/data/prices) changed, as Markdown for the pull request the scheduled refresh opens:
 * the dates, per region the prices added, removed and changed, and the largest changes.
 */
function readJson(file, schema, what) {
    let doc;
    try {
        doc = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (e) {
        const code = e.code;
        throw new errors/* InputError */.dz(file, code ? `cannot read ${what} (${code})` : `${what} is not valid JSON`);
    }
    const r = schema.safeParse(doc);
    if (!r.success) {
        const i = r.error.issues[0];
        throw new errors/* InputError */.dz(file, `not ${what}: ${i.path.join('.') || '(top level)'}: ${i.message}`);
    }
    return r.data;
}
/** A split snapshot directory (index.json and one file per region) read whole. */
function readSplitSnapshot(dir) {
    const index = readJson((0,external_node_path_.join)(dir, 'index.json'), (0,price_file.priceSchemas)().SnapshotIndexSchema, "the price snapshot's index");
    const { regions, ...head } = index;
    const out = { ...head, regions: {} };
    for (const region of regions) {
        const file = (0,external_node_path_.join)(dir, `${region}.json`);
        const doc = readJson(file, (0,price_file.priceSchemas)().RegionFileSchema, `the price snapshot's file for ${region}`);
        if (doc.region !== region)
            throw new errors/* InputError */.dz(file, `names the region ${JSON.stringify(doc.region.slice(0, 40))}, not ${region}`);
        out.regions[region] = doc.prices;
    }
    return out;
}
/** Markdown table cell text: no pipe, backtick or line break from the data. */
const cell = (s) => s.replace(/[|`\r\n<>]/g, ' ');
const pct = (c) => (c.before === 0 ? Infinity : ((c.after - c.before) / c.before) * 100);
/** The diff summary of two snapshots, in Markdown. `top` bounds the list of largest changes. */
function diffSummary(before, after, top = 25) {
    const lines = [`## Price snapshot ${cell(before.snapshotDate)} → ${cell(after.snapshotDate)}`, ''];
    const regions = [...new Set([...Object.keys(before.regions), ...Object.keys(after.regions)])].sort();
    const rows = [];
    const changes = [];
    let added = 0;
    let removed = 0;
    for (const region of regions) {
        const b = before.regions[region] ?? {};
        const a = after.regions[region] ?? {};
        const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
        let add = 0;
        let rem = 0;
        let chg = 0;
        for (const key of keys) {
            const x = Object.hasOwn(b, key) ? b[key].usd : undefined;
            const y = Object.hasOwn(a, key) ? a[key].usd : undefined;
            if (x === undefined)
                add++;
            else if (y === undefined)
                rem++;
            else if (x !== y) {
                chg++;
                changes.push({ region, key, before: x, after: y });
            }
        }
        added += add;
        removed += rem;
        if (add + rem + chg > 0)
            rows.push(`| ${cell(region)} | ${Object.keys(b).length} | ${Object.keys(a).length} | ${add} | ${rem} | ${chg} |`);
    }
    if (rows.length === 0) {
        lines.push('No price changed.');
        return `${lines.join('\n')}\n`;
    }
    lines.push(`${changes.length} prices changed, ${added} added, ${removed} removed, in ${rows.length} of ${regions.length} regions.`, '', '| Region | Prices before | Prices after | Added | Removed | Changed |', '|---|---:|---:|---:|---:|---:|', ...rows);
    if (changes.length > 0) {
        changes.sort((x, y) => Math.abs(pct(y)) - Math.abs(pct(x)) || x.region.localeCompare(y.region) || x.key.localeCompare(y.key));
        const shown = changes.slice(0, top);
        lines.push('', changes.length > top ? `Largest changes (${top} of ${changes.length}):` : 'Changes:', '', '| Region | Price | Before (USD) | After (USD) | Change |', '|---|---|---:|---:|---:|', ...shown.map((c) => {
            const p = pct(c);
            const change = Number.isFinite(p) ? `${p > 0 ? '+' : ''}${p.toFixed(1)}%` : 'from 0';
            return `| ${cell(c.region)} | ${cell(c.key)} | ${c.before} | ${c.after} | ${change} |`;
        }));
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cost/update.ts











/**
 * `container-plan-check pricing update`: rebuilds the price snapshot from the AWS Price List bulk
 * API (no credentials needed). It reads the offer index, then each offer's region index, then
 * the per-region offer files of AmazonECS, AmazonEKS, AmazonCloudWatch and AmazonEC2, and keeps the on-demand price
 * of every product whose usage type, once the region's prefix is taken off, is exactly one we
 * price. `--from-dir DIR` reads the same files from DIR, laid out as their URL paths. Offer files
 * are streamed (offer-stream.ts): only those products and their on-demand terms are decoded.
 */
const OfferIndex = schemas.object({
    publicationDate: schemas.string(),
    offers: schemas.record(schemas.string(), schemas.object({ offerCode: schemas.string(), currentRegionIndexUrl: schemas.string() }).loose()),
})
    .loose();
const RegionIndex = schemas.object({ regions: schemas.record(schemas.string(), schemas.object({ regionCode: schemas.string(), currentVersionUrl: schemas.string() }).loose()) })
    .loose();
const OfferFile = schemas.object({
    offerCode: schemas.string(),
    version: schemas.string(),
    publicationDate: schemas.string(),
    products: schemas.record(schemas.string(), schemas.object({ sku: schemas.string(), productFamily: schemas.string().optional(), attributes: schemas.record(schemas.string(), schemas.string()) }).loose()),
    terms: schemas.object({ OnDemand: schemas.record(schemas.string(), schemas.record(schemas.string(), (0,live_item.termSchema)())).optional() }).loose(),
})
    .loose();
/**
 * The URL paths the Price List indexes name (`/offers/v1.0/aws/…/index.json`) are read only as
 * such: plain segments under the base, no `..`, no other host. A forged index cannot make
 * `--from-dir` read a file outside DIR, nor a download leave the Price List's host.
 */
function checkUrlPath(urlPath, named) {
    const segments = urlPath.split('/');
    if (!urlPath.startsWith('/') ||
        urlPath.startsWith('//') ||
        !/^[A-Za-z0-9._/-]+$/.test(urlPath) ||
        segments.some((s) => s === '..' || s === '.')) {
        throw new errors/* InputError */.dz(named, `names the Price List path ${JSON.stringify(urlPath.slice(0, 80))}, which is not a plain path under the Price List's base (/offers/...)`);
    }
    return urlPath;
}
function dirSource(dir, chunkSize) {
    const where = (urlPath) => (0,external_node_path_.join)(dir, ...urlPath.split('/').filter(Boolean));
    return { where, bytes: (urlPath) => fileBytes(where(urlPath), chunkSize) };
}
function httpSource(baseUrl = price_list/* LIST */.rl.baseUrl) {
    const where = (urlPath) => `${baseUrl}${urlPath}`;
    return { where, bytes: (urlPath) => httpBytes(where(urlPath)) };
}
/** Reads a small Price List document (an offer or region index) whole. */
async function update_readJson(source, urlPath) {
    const chunks = [];
    for await (const chunk of source.bytes(urlPath))
        chunks.push(chunk);
    try {
        return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    }
    catch {
        throw new errors/* InputError */.dz(source.where(urlPath), 'the Price List file is not valid JSON');
    }
}
function parse(schema, doc, where, what) {
    const r = schema.safeParse(doc);
    if (!r.success) {
        const i = r.error.issues[0];
        throw new errors/* InputError */.dz(where, `not ${what}: ${i.path.join('.') || '(top level)'}: ${i.message}`);
    }
    return r.data;
}
/** Keeps the products of a region's offer that price a snapshot key, decided during the scan before a product is decoded. */
function offerFilter(code, region) {
    return { attributes: price_list/* KEY_ATTRIBUTES */.o7, keep: (p) => (0,price_list/* keyOf */.TN)(code, region, p) !== undefined };
}
/**
 * Reads an offer file in one streaming pass (an AmazonEC2 one runs to several GB): the header,
 * the products that price a snapshot key, and their on-demand terms.
 */
async function readOffer(source, url, code, region) {
    const scan = new OfferScan(source.bytes(url), source.where(url), offerFilter(code, region));
    const products = {};
    const onDemand = {};
    for await (const m of scan)
        (m.section === 'products' ? products : onDemand)[m.sku] = m.value;
    const has = (section) => scan.sections.has(section);
    const doc = {
        ...scan.header,
        products: has('products') ? products : undefined,
        terms: has('terms') ? { OnDemand: has('terms.OnDemand') ? onDemand : undefined } : undefined,
    };
    return parse(OfferFile, doc, url, `an AWS ${code} offer file`);
}
/** The on-demand price of a SKU: its first-tier dimension (beginRange 0) in USD. */
function onDemandPrice(offer, sku, where) {
    return (0,price_list/* onDemandUsd */.l2)(offer.terms.OnDemand?.[sku], (usd) => {
        throw new errors/* InputError */.dz(where, `terms.OnDemand.${sku.slice(0, 40)}: the USD price ${JSON.stringify(usd.slice(0, 40))} is not a plain decimal number`);
    });
}
/** Builds a snapshot from the Price List. `regions` limits the regions read (all by default). */
async function buildSnapshot(source, regions) {
    const warnings = [];
    const index = parse(OfferIndex, await update_readJson(source, price_list/* LIST */.rl.offerIndex), price_list/* LIST */.rl.offerIndex, 'an AWS offer index');
    const out = {
        schemaVersion: 1,
        snapshotDate: index.publicationDate.slice(0, 10),
        currency: 'USD',
        ...(prices/* embeddedSnapshot */.Fb.description ? { description: prices/* embeddedSnapshot */.Fb.description } : {}),
        estimates: prices/* embeddedSnapshot */.Fb.estimates,
        sources: {},
        regions: {},
    };
    for (const code of price_list/* OFFER_CODES */.U$) {
        const offer = index.offers[code];
        if (!offer)
            throw new errors/* InputError */.dz(price_list/* LIST */.rl.offerIndex, `the offer index has no ${code} offer`);
        const regionIndexUrl = checkUrlPath(offer.currentRegionIndexUrl, source.where(price_list/* LIST */.rl.offerIndex));
        const ri = parse(RegionIndex, await update_readJson(source, regionIndexUrl), regionIndexUrl, 'an AWS region index');
        for (const region of Object.keys(ri.regions).sort()) {
            if (regions && !regions.includes(region))
                continue;
            if (!(region in price_list/* LIST */.rl.prefixes)) {
                warnings.push(`${code} ${region}: no usage-type prefix known for this region (src/cost/data/price-list.json); skipped`);
                continue;
            }
            const url = checkUrlPath(ri.regions[region].currentVersionUrl, source.where(regionIndexUrl));
            const file = await readOffer(source, url, code, region);
            const srcId = `${code}/${region}`;
            let found = 0;
            for (const sku of Object.keys(file.products).sort()) {
                const key = (0,price_list/* keyOf */.TN)(code, region, file.products[sku]);
                if (!key)
                    continue;
                const usd = onDemandPrice(file, sku, source.where(url));
                if (usd === undefined)
                    continue;
                const prices = (out.regions[region] ??= {});
                const prev = prices[key];
                if (prev && prev.usd !== usd)
                    warnings.push(`${code} ${region}: ${key} has several on-demand prices (${prev.usd}, ${usd}); kept ${prev.usd}`);
                if (!prev) {
                    prices[key] = { usd, src: srcId };
                    found++;
                }
            }
            if (found > 0)
                out.sources[srcId] = {
                    description: `AWS Price List, ${code} offer for ${region}, version ${file.version}`,
                    date: file.publicationDate.slice(0, 10),
                };
        }
    }
    for (const [r, prices] of Object.entries(out.regions))
        out.regions[r] = Object.fromEntries(Object.entries(prices).sort(([a], [b]) => a.localeCompare(b)));
    out.regions = Object.fromEntries(Object.entries(out.regions).sort(([a], [b]) => a.localeCompare(b)));
    const checked = (0,price_file.priceSchemas)().SnapshotSchema.safeParse(out);
    if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new errors/* InputError */.dz(source.where(price_list/* LIST */.rl.offerIndex), `the Price List gives a snapshot that is not valid: ${issue.path.join('.')}: ${issue.message}`);
    }
    return { snapshot: checked.data, warnings };
}
/** The snapshot as JSON with one price per line, for readable diffs. */
function formatSnapshot(s) {
    const { regions, ...head } = s;
    const top = JSON.stringify(head, null, 1).slice(0, -2);
    const rs = Object.entries(regions).map(([r, prices]) => {
        const lines = Object.entries(prices).map(([k, e]) => `   ${JSON.stringify(k)}: ${JSON.stringify(e)}`);
        return `  ${JSON.stringify(r)}: {\n${lines.join(',\n')}\n  }`;
    });
    return `${top},\n "regions": {\n${rs.join(',\n')}\n }\n}\n`;
}
/** The split snapshot's index (data/prices/index.json): the head of the snapshot and the regions that have a file. */
function formatIndex(s) {
    const { regions, ...head } = s;
    return `${JSON.stringify({ ...head, regions: Object.keys(regions).sort() }, null, 1)}\n`;
}
/** One region's file of the split snapshot, one price per line. */
function formatRegion(region, prices) {
    const lines = Object.entries(prices)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, e]) => `  ${JSON.stringify(k)}: ${JSON.stringify(e)}`);
    return `{\n "schemaVersion": 1,\n "region": ${JSON.stringify(region)},\n "prices": {\n${lines.join(',\n')}\n }\n}\n`;
}
const REGION_FILE = /^[a-z]{2}(-[a-z]+)+-\d+\.json$/;
/**
 * Writes the snapshot split per region into DIR (index.json and <region>.json, the layout of
 * src/cost/data/prices), replacing the region files of regions it no longer has. Each file is
 * written beside its place and renamed over it.
 */
async function writeSplitSnapshot(s, dir) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const put = async (name, text) => {
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, `${name}.tmp`), text);
        await (0,promises_.rename)((0,external_node_path_.join)(dir, `${name}.tmp`), (0,external_node_path_.join)(dir, name));
    };
    for (const [region, prices] of Object.entries(s.regions))
        await put(`${region}.json`, formatRegion(region, prices));
    for (const f of await (0,promises_.readdir)(dir))
        if (REGION_FILE.test(f) && !Object.hasOwn(s.regions, f.slice(0, -5)))
            await (0,promises_.rm)((0,external_node_path_.join)(dir, f));
    await put('index.json', formatIndex(s));
}
const PRICING_USAGE = `Usage: container-plan-check pricing update [--from-dir DIR] [--out FILE | --out-dir DIR] [--region REGION]...
       container-plan-check pricing diff BEFORE_DIR AFTER_DIR

Rebuilds the price snapshot from the AWS Price List bulk API (offer index, region indexes, and
the per-region AmazonECS, AmazonEKS, AmazonCloudWatch and AmazonEC2 offer files).

Options:
  --from-dir DIR     read the Price List files from DIR, laid out as their URL paths
                     (DIR/offers/v1.0/aws/index.json ...), instead of downloading them
  --out FILE         write the snapshot to FILE (default: standard output); use it as
                     cost.priceFile in the configuration
  --out-dir DIR      write the snapshot split per region (DIR/index.json and
                     DIR/<region>.json), the layout the tool ships in
                     src/cost/data/prices; region files of regions no longer
                     listed are removed
  --region REGION    only this region (repeatable; default: every region)

pricing diff writes, in Markdown, what changed between two snapshots written with
--out-dir: the dates, per region the prices added, removed and changed, and the
largest changes (the body of the scheduled refresh's pull request).
`;
/** `pricing ...` subcommand; returns the exit code. */
async function runPricing(argv, io) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: [...argv],
            allowPositionals: true,
            strict: true,
            options: {
                'from-dir': { type: 'string' },
                out: { type: 'string' },
                'out-dir': { type: 'string' },
                region: { type: 'string', multiple: true },
                help: { type: 'boolean', short: 'h' },
            },
        });
    }
    catch (e) {
        throw new errors/* InputError */.dz(undefined, `${(0,errors/* oneLine */.TN)(e).replace(/^TypeError( \[\w+\])?: /, '')} (see pricing --help)`);
    }
    const { values: o, positionals } = parsed;
    if (o.help) {
        io.stdout(PRICING_USAGE);
        return 0;
    }
    if (positionals[0] === 'diff' && positionals.length === 3) {
        io.stdout(diffSummary(readSplitSnapshot(positionals[1]), readSplitSnapshot(positionals[2])));
        return 0;
    }
    if (positionals.length !== 1 || positionals[0] !== 'update')
        throw new errors/* InputError */.dz(undefined, 'usage: container-plan-check pricing update [--from-dir DIR] [--out FILE] (see pricing --help)');
    if (o.out && o['out-dir'])
        throw new errors/* InputError */.dz(undefined, 'give --out or --out-dir, not both (see pricing --help)');
    const { snapshot, warnings } = await buildSnapshot(o['from-dir'] ? dirSource(o['from-dir']) : httpSource(), o.region);
    for (const w of warnings)
        io.stderr(`container-plan-check: ${(0,errors/* escapeControl */.hN)(w)}\n`);
    const target = o.out ?? o['out-dir'];
    if (target) {
        try {
            if (o.out)
                await (0,promises_.writeFile)(o.out, formatSnapshot(snapshot));
            else
                await writeSplitSnapshot(snapshot, target);
        }
        catch (e) {
            throw new errors/* InputError */.dz(target, `cannot write the snapshot (${e.code ?? 'error'})`);
        }
        const n = Object.values(snapshot.regions).reduce((a, p) => a + Object.keys(p).length, 0);
        io.stderr(`container-plan-check: wrote ${n} prices in ${Object.keys(snapshot.regions).length} regions (snapshot ${snapshot.snapshotDate}) to ${(0,errors/* escapeControl */.hN)(target)}\n`);
    }
    else
        io.stdout(formatSnapshot(snapshot));
    return 0;
}


/***/ })

};
