export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClient: () => (/* binding */ createClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);



const MAX_RATE_LIMIT_RETRIES = 2;
/**
 * An Octokit client for the REST and GraphQL APIs, with retries and backoff on server errors
 * (@octokit/plugin-retry) and waits on primary and secondary rate limits
 * (@octokit/plugin-throttling). The token goes into the Authorization header only; Octokit's own
 * logging is silenced so that no request detail reaches the log.
 */
function createClient(token, opts) {
    const quiet = () => undefined;
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: opts.baseUrl,
        log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
        retry: { retries: opts.retries ?? 3 },
        throttle: {
            onRateLimit: (retryAfter, _options, _octokit, retryCount) => {
                opts.warn(`GitHub API rate limit reached; ${retryCount < MAX_RATE_LIMIT_RETRIES ? `retrying in ${retryAfter}s` : 'giving up'}`);
                return retryCount < MAX_RATE_LIMIT_RETRIES;
            },
            onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => {
                opts.warn(`GitHub API secondary rate limit reached; ${retryCount < MAX_RATE_LIMIT_RETRIES ? `retrying in ${retryAfter}s` : 'giving up'}`);
                return retryCount < MAX_RATE_LIMIT_RETRIES;
            },
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}


/***/ })

};
