import { plain } from '../report/escape.js';
import { renderComment } from '../report/comment.js';
import type { Report } from '../report/schema.js';
import type { RunContext } from './context.js';
import { formatMarker } from './marker.js';
import type { GitHubClient } from './client.js';
import { requestFailure } from './failure.js';
import { commentWanted, publishSticky, type CommentMode, type CommentWhen, type Outcome } from './sticky.js';

export interface CommentInputs {
  token: string;
  mode: CommentMode;
  when: CommentWhen;
  tag: string;
  /** The login the token writes comments as (`comment-author`); empty: learned, see commentAuthor. */
  author: string;
}

export interface Log {
  info(message: string): void;
  warning(message: string): void;
}

/** Time limits of the comment; tests pass small ones. */
export interface Limits {
  /** One request, from sending it to the end of the answer. */
  timeoutMs?: number;
  /** Everything the comment takes: requests, retries and rate-limit waits. */
  budgetMs?: number;
  /** All rate-limit waits together. */
  maxRateLimitWaitMs?: number;
  /** The first backoff after a server error or a connection failure. */
  backoffMs?: number;
}

export const FORK_DOCS = 'docs/github-action.md#pull-requests-from-forks';
export const DEFAULT_BUDGET_MS = 120_000;
/** Who writes the comments of a GITHUB_TOKEN (an installation token, which cannot ask GET /user). */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

/**
 * The PR comment, best effort: no PR, no permission, an API failure or no answer in time each
 * become one line in the log (a warning with the fix where there is one), never a failed step.
 * Only the gate decides the outcome. Returns the comment's URL, or '' when there is none.
 */
export async function publishComment(
  report: Report,
  ctx: RunContext,
  inputs: CommentInputs,
  log: Log,
  limits: Limits = {},
): Promise<string> {
  // No comment was asked for: nothing to say about one.
  if (inputs.mode === 'off') return '';
  if (ctx.prNumber === undefined) {
    log.info(`No pull request for this ${ctx.eventName || 'run'} event: the report is in the job summary and the outputs.`);
    return '';
  }
  if (!inputs.token) {
    log.warning('No github-token: the PR comment was not posted. Pass `github-token: ${{ github.token }}` (the default).');
    return '';
  }
  // The API client (Octokit and its plugins) is loaded only when a comment is to be posted,
  // keeping it off the start-up path of runs without one.
  const { createClient } = await import('./client.js');
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(), limits.budgetMs ?? DEFAULT_BUDGET_MS);
  const gh = createClient(inputs.token, {
    baseUrl: ctx.apiUrl,
    warn: (m) => log.warning(m),
    info: (m) => log.info(m),
    signal: budget.signal,
    ...(limits.timeoutMs !== undefined ? { timeoutMs: limits.timeoutMs } : {}),
    ...(limits.maxRateLimitWaitMs !== undefined ? { maxRateLimitWaitMs: limits.maxRateLimitWaitMs } : {}),
    ...(limits.backoffMs !== undefined ? { backoffMs: limits.backoffMs } : {}),
  });
  // Ordered by the run the report is about: under workflow_run, the triggering run.
  const stamp = { tag: inputs.tag, sha: ctx.sha, runId: ctx.stampRunId, runAttempt: ctx.stampRunAttempt };
  const body = renderComment(report, { marker: formatMarker(stamp), fullReportUrl: ctx.runUrl, linkBase: ctx.linkBase });
  try {
    const author = inputs.author || (await commentAuthor(gh));
    const outcome = await publishSticky(gh, { owner: ctx.owner, repo: ctx.repo, issueNumber: ctx.prNumber }, body, {
      mode: inputs.mode,
      stamp,
      wanted: commentWanted(report, inputs.when),
      graphqlUrl: ctx.graphqlUrl,
      author,
      warn: (m) => log.warning(m),
    });
    log.info(describe(outcome, ctx.prNumber));
    return 'url' in outcome ? outcome.url : '';
  } catch (e) {
    log.warning(commentFailure(e, ctx));
    return '';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The login the token writes comments as: GET /user where the token may ask (a personal access
 * token); an installation token (GITHUB_TOKEN, a GitHub App's) is refused there, and writes as
 * `github-actions[bot]` when it is the GITHUB_TOKEN (an app's token: set `comment-author`).
 */
async function commentAuthor(gh: GitHubClient): Promise<string> {
  try {
    const { data } = await gh.rest.users.getAuthenticated();
    return data.login;
  } catch (e) {
    const status = requestFailure(e).status;
    if (status === 403 || status === 404) return GITHUB_ACTIONS_LOGIN;
    throw e;
  }
}

function describe(o: Outcome, pr: number): string {
  switch (o.action) {
    case 'created':
      return `Posted the comment on #${pr}${o.replaced ? ` (the previous one was ${o.replaced})` : ''}: ${o.url}`;
    case 'updated':
      return `Updated the comment on #${pr}: ${o.url}`;
    case 'unchanged':
      return `The comment on #${pr} already says this; left as it is: ${o.url}`;
    case 'newer-run':
      return `A newer run already commented on #${pr}; left its comment as it is: ${o.url}`;
    case 'not-needed':
      return `Nothing for a comment on #${pr} under comment-when; none posted.`;
  }
}

/** One line saying why the comment failed and what fixes it. Never quotes the request (it holds the token). */
export function commentFailure(e: unknown, ctx: RunContext): string {
  const { status, message, connection } = requestFailure(e);
  const said = plain(message, 200);
  const keep = 'The job summary and outputs have the report, and the gate is decided as usual.';
  if (connection === 'timeout') return `Could not write the PR comment: GitHub (${ctx.apiUrl}) did not answer in time (${said}). ${keep}`;
  if (connection === 'failed')
    return `Could not write the PR comment: connection failure, no answer from GitHub at ${ctx.apiUrl} (${said}). ${keep}`;
  const what = `Could not write the PR comment (${status ? `HTTP ${status}: ` : ''}${said}).`;
  if (status === 429 || (status === 403 && /rate limit/i.test(message)))
    return `${what} GitHub's rate limit asked for a longer wait than allowed. ${keep}`;
  if (status === 403 || status === 404) {
    if (ctx.eventName === 'pull_request_target') {
      return `${what} The token of this pull_request_target run lacks the \`pull-requests: write\` permission: add it to the workflow's or the job's \`permissions\` (a pull_request_target run may write to the base repository, fork or not). ${keep}`;
    }
    if (ctx.fork && ctx.eventName === 'pull_request') {
      return `${what} This pull request comes from a fork, and GitHub gives fork pull_request runs a read-only token: post the comment from a workflow_run workflow instead (see ${FORK_DOCS}). ${keep}`;
    }
    return `${what} The token cannot write PR comments: give the job \`permissions: pull-requests: write\`, or pass a github-token that can (for fork PRs, see ${FORK_DOCS}). ${keep}`;
  }
  if (status === 401) return `${what} The github-token is not valid or has expired. ${keep}`;
  if (status === 422) return `${what} GitHub refused the comment body. ${keep}`;
  return `${what} ${status && status >= 500 ? 'GitHub kept failing after retries. ' : ''}${keep}`;
}
