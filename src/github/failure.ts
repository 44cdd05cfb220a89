/** Failed GitHub API requests, told apart without loading the API client. */

/**
 * The request did not get an answer: the connection failed (refused, reset, DNS) or no answer
 * came within the timeout. It carries no HTTP status, and is never reported as one.
 */
export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/**
 * What a failed request says: the HTTP status and GitHub's own message, or, for a request that
 * got no answer, `connection` (refused, reset, or no answer in time) and no status.
 */
export function requestFailure(e: unknown): { status?: number; message: string; connection?: 'failed' | 'timeout' } {
  if (e instanceof ConnectionError) return { message: e.message, connection: e.timedOut ? 'timeout' : 'failed' };
  const err = (e && typeof e === 'object' ? e : {}) as { status?: unknown; message?: unknown; response?: { data?: unknown } };
  const data = err.response?.data as { message?: unknown } | undefined;
  const message = typeof data?.message === 'string' ? data.message : typeof err.message === 'string' ? err.message : String(e);
  return { ...(typeof err.status === 'number' ? { status: err.status } : {}), message };
}

/** One line: `HTTP 403: message`, or the connection failure. */
export function failureText(e: unknown): string {
  const f = requestFailure(e);
  return f.status ? `HTTP ${f.status}: ${f.message}` : f.connection ? `connection failure: ${f.message}` : f.message;
}
