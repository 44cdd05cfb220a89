export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClient: () => (/* binding */ createClient)
/* harmony export */ });
/* unused harmony exports DEFAULT_TIMEOUT_MS, DEFAULT_MAX_RATE_LIMIT_WAIT_MS, rateLimitWait */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8881);


const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 60_000;
/** Rate limits waited out for one request at most, however short the waits. */
const MAX_RATE_LIMIT_RETRIES = 3;
/** GitHub asks to wait at least a minute after a secondary rate limit that names no time. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;
/**
 * An Octokit client for the REST and GraphQL APIs. Every request has a timeout and ends when
 * `signal` aborts; server errors and connection failures are retried with backoff; rate limits
 * (429, or 403 with a rate-limit answer) are waited out as long as GitHub's `retry-after` or
 * `x-ratelimit-reset` asks, within `maxRateLimitWaitMs` in all. The token goes into the
 * Authorization header only; Octokit's own logging is silenced so that no request detail reaches
 * the log.
 */
function createClient(token, opts) {
    const quiet = () => undefined;
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const retries = opts.retries ?? 3;
    const backoffMs = opts.backoffMs ?? 1000;
    let waitLeft = opts.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
    const info = opts.info ?? opts.warn;
    const guard = (octokit) => {
        octokit.hook.wrap('request', async (request, options) => {
            const what = `${String(options.method)} ${routeOf(options)}`;
            let limited = 0;
            for (let attempt = 0;; attempt++) {
                if (opts.signal?.aborted)
                    throw outOfTime();
                const timeout = AbortSignal.timeout(timeoutMs);
                const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
                try {
                    // The hook's `request` is bound to this very options object: it is changed in place.
                    options.request = { ...options.request, signal };
                    return await request(options);
                }
                catch (e) {
                    const err = (e ?? {});
                    if (!err.response) {
                        // No answer: refused, reset, or timed out.
                        if (opts.signal?.aborted)
                            throw outOfTime();
                        // Not an HTTP answer, nor a failed connection: a fault of the client itself.
                        if (!isConnectionFailure(e))
                            throw e;
                        const failure = connectionError(err.cause ?? e, timeoutMs, timeout.aborted);
                        // A POST that timed out may have been carried out: do not send it twice.
                        const retryable = attempt < retries && !(failure.timedOut && options.method === 'POST');
                        if (!retryable)
                            throw failure;
                        const wait = backoffMs * 2 ** attempt;
                        info(`GitHub API: ${what}: ${failure.message}; retrying in ${seconds(wait)}`);
                        await sleep(wait, opts.signal);
                        continue;
                    }
                    const rateWait = rateLimitWait(err);
                    if (rateWait !== undefined) {
                        if (rateWait > waitLeft) {
                            opts.warn(`GitHub API rate limit reached (${what}); GitHub asks to wait ${seconds(rateWait)}, more than the ${seconds(Math.max(0, waitLeft))} left to wait: giving up`);
                            throw e;
                        }
                        if (limited++ >= MAX_RATE_LIMIT_RETRIES) {
                            opts.warn(`GitHub API rate limit reached (${what}) ${limited} times in a row: giving up`);
                            throw e;
                        }
                        waitLeft -= rateWait;
                        opts.warn(`GitHub API rate limit reached (${what}); waiting ${seconds(rateWait)} as GitHub asks`);
                        await sleep(rateWait, opts.signal);
                        continue;
                    }
                    if (err.status !== undefined && err.status >= 500 && attempt < retries) {
                        const wait = backoffMs * 2 ** attempt;
                        info(`GitHub API: ${what}: HTTP ${err.status}; retrying in ${seconds(wait)}`);
                        await sleep(wait, opts.signal);
                        continue;
                    }
                    throw e;
                }
            }
        });
        return {};
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl: opts.baseUrl, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } }, guard);
}
/**
 * How long GitHub asks to wait before trying again, when the answer is a rate limit: a 429, or a
 * 403 that says so (`x-ratelimit-remaining: 0`, a `retry-after`, or a "rate limit" message).
 * Undefined for any other answer.
 */
function rateLimitWait(err, now = Date.now()) {
    const headers = err.response?.headers ?? {};
    const exhausted = headers['x-ratelimit-remaining'] === '0';
    const retryAfter = headers['retry-after'];
    if (!(err.status === 429 || (err.status === 403 && (exhausted || retryAfter !== undefined || /rate limit/i.test(err.message ?? '')))))
        return undefined;
    if (retryAfter !== undefined) {
        const s = Number(retryAfter);
        if (Number.isFinite(s) && s >= 0)
            return s * 1000;
        const at = Date.parse(retryAfter);
        if (Number.isFinite(at))
            return Math.max(0, at - now);
    }
    const reset = Number(headers['x-ratelimit-reset']);
    if (exhausted && Number.isFinite(reset) && reset > 0)
        return Math.max(0, reset * 1000 - now) + 1000;
    return SECONDARY_LIMIT_WAIT_MS;
}
function connectionError(cause, timeoutMs, timedOut) {
    if (cause instanceof _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionError */ .Rc)
        return cause;
    if (timedOut)
        return new _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionError */ .Rc(`no answer within ${seconds(timeoutMs)}`, true);
    const c = cause;
    const detail = typeof c?.cause?.message === 'string' ? c.cause.message : typeof c?.message === 'string' ? c.message : String(cause);
    return new _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionError */ .Rc(detail, false);
}
/**
 * Octokit's error for a request that got no answer (status 500 without a response, caused by
 * fetch's failure or the abort), or an abort itself.
 */
function isConnectionFailure(e) {
    const err = (e ?? {});
    return (err instanceof _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionError */ .Rc ||
        err.name === 'AbortError' ||
        err.name === 'TimeoutError' ||
        (err.status === 500 && err.cause !== undefined));
}
function outOfTime() {
    return new _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionError */ .Rc('the time allowed for the PR comment ran out', true);
}
function routeOf(options) {
    const url = typeof options.url === 'string' ? options.url : '';
    return url.startsWith('http') ? new URL(url).pathname : url;
}
function seconds(ms) {
    return ms >= 10_000 || ms % 1000 === 0 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(outOfTime());
        const done = () => {
            signal?.removeEventListener('abort', stop);
            resolve();
        };
        const timer = setTimeout(done, ms);
        const stop = () => {
            clearTimeout(timer);
            reject(outOfTime());
        };
        signal?.addEventListener('abort', stop, { once: true });
    });
}


/***/ })

};
