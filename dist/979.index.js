export const id = 979;
export const ids = [979];
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


/***/ })

};
