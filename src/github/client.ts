import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** REST base URL (GITHUB_API_URL; GHES: https://HOST/api/v3). */
  baseUrl: string;
  /** Where rate-limit waits are reported. */
  warn: (message: string) => void;
  /** Retries of a failed request (5xx, network); GitHub's 4xx answers are not retried. */
  retries?: number;
}

const MAX_RATE_LIMIT_RETRIES = 2;

/**
 * An Octokit client for the REST and GraphQL APIs, with retries and backoff on server errors
 * (@octokit/plugin-retry) and waits on primary and secondary rate limits
 * (@octokit/plugin-throttling). The token goes into the Authorization header only; Octokit's own
 * logging is silenced so that no request detail reaches the log.
 */
export function createClient(token: string, opts: ClientOptions): GitHubClient {
  const quiet = () => undefined;
  return getOctokit(
    token,
    {
      baseUrl: opts.baseUrl,
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      retry: { retries: opts.retries ?? 3 },
      throttle: {
        onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
          opts.warn(`GitHub API rate limit reached; ${retryCount < MAX_RATE_LIMIT_RETRIES ? `retrying in ${retryAfter}s` : 'giving up'}`);
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
          opts.warn(`GitHub API secondary rate limit reached; ${retryCount < MAX_RATE_LIMIT_RETRIES ? `retrying in ${retryAfter}s` : 'giving up'}`);
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
      },
    },
    retry,
    throttling,
  );
}
