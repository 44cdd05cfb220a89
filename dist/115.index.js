export const id = 115;
export const ids = [115];
export const modules = {

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
/* harmony import */ var _prices_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7353);





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


/***/ })

};
