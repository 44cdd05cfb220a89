import { plain } from '../report/escape.js';
import { renderComment } from '../report/comment.js';
import type { Report } from '../report/schema.js';
import type { RunContext } from './context.js';
import { formatMarker } from './marker.js';
import { commentWanted, publishSticky, type CommentMode, type CommentWhen, type Outcome } from './sticky.js';

export interface CommentInputs {
  token: string;
  mode: CommentMode;
  when: CommentWhen;
  tag: string;
}

export interface Log {
  info(message: string): void;
  warning(message: string): void;
}

export const FORK_DOCS = 'docs/github-action.md#pull-requests-from-forks';

/**
 * The PR comment, best effort: no PR, no permission or an API failure each become one line in
 * the log (a warning with the fix where there is one), never a failed step. Only the gate
 * decides the outcome. Returns the comment's URL, or '' when there is none.
 */
export async function publishComment(report: Report, ctx: RunContext, inputs: CommentInputs, log: Log): Promise<string> {
  if (inputs.mode === 'off') {
    log.info('comment-mode is off: no PR comment.');
    return '';
  }
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
  const gh = createClient(inputs.token, { baseUrl: ctx.apiUrl, warn: log.warning });
  const stamp = { tag: inputs.tag, sha: ctx.sha, runId: ctx.runId, runAttempt: ctx.runAttempt };
  const body = renderComment(report, { marker: formatMarker(stamp), fullReportUrl: ctx.runUrl, linkBase: ctx.linkBase });
  try {
    const outcome = await publishSticky(gh, { owner: ctx.owner, repo: ctx.repo, issueNumber: ctx.prNumber }, body, {
      mode: inputs.mode,
      stamp,
      wanted: commentWanted(report, inputs.when),
      graphqlUrl: ctx.graphqlUrl,
    });
    log.info(describe(outcome, ctx.prNumber));
    return 'url' in outcome ? outcome.url : '';
  } catch (e) {
    log.warning(commentFailure(e, ctx));
    return '';
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
  const { status, message } = httpError(e);
  const said = plain(message, 200);
  const what = `Could not write the PR comment (${status ? `HTTP ${status}: ` : ''}${said}).`;
  const keep = 'The job summary and outputs have the report.';
  if (status === 403 || status === 404) {
    if (ctx.fork && ctx.eventName.startsWith('pull_request')) {
      return `${what} This pull request comes from a fork, and GitHub gives fork pull_request runs a read-only token: post the comment from a workflow_run workflow instead (see ${FORK_DOCS}). ${keep}`;
    }
    return `${what} The token cannot write PR comments: give the job \`permissions: pull-requests: write\`, or pass a github-token that can (for fork PRs, see ${FORK_DOCS}). ${keep}`;
  }
  if (status === 401) return `${what} The github-token is not valid or has expired. ${keep}`;
  if (status === 422) return `${what} GitHub refused the comment body. ${keep}`;
  return `${what} ${status && status >= 500 ? 'GitHub kept failing after retries. ' : ''}${keep}`;
}

/** Status and GitHub's own message of a failed request (Octokit's RequestError, duck-typed). */
function httpError(e: unknown): { status: number | undefined; message: string } {
  const err = (e && typeof e === 'object' ? e : {}) as { status?: unknown; message?: unknown; response?: { data?: unknown } };
  const data = err.response?.data as { message?: unknown } | undefined;
  const message = typeof data?.message === 'string' ? data.message : typeof err.message === 'string' ? err.message : String(e);
  return { status: typeof err.status === 'number' ? err.status : undefined, message };
}
