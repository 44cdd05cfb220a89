import { readFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { InputError } from '../plan/errors.js';
import { VERSION } from '../engine/version.js';

/**
 * What the action knows about the run it is in, read from the runner's environment contract:
 * GITHUB_EVENT_PATH (the event payload), GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_RUN_ID,
 * GITHUB_RUN_ATTEMPT, GITHUB_SERVER_URL, GITHUB_API_URL and GITHUB_GRAPHQL_URL (GHES).
 */
export interface RunContext {
  owner: string;
  repo: string;
  eventName: string;
  /** The pull request to comment on; undefined for push, schedule and other events. */
  prNumber: number | undefined;
  /** The PR comes from a fork: its `pull_request` token is read-only. */
  fork: boolean;
  /** The commit the plan was made from (the PR head when the payload names it). */
  sha: string;
  runId: number;
  runAttempt: number;
  /**
   * The run the report is about, which orders the comments of several runs: this run, or under
   * workflow_run the triggering run (a slower older plan run must not replace a newer one's
   * comment, whichever commenting run finishes last).
   */
  stampRunId: number;
  stampRunAttempt: number;
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  /** This run's page, where the job summary is shown. */
  runUrl: string | undefined;
  /** Base URL of this action's sources at the ref in use, for rule docs links (see docsLinkBase). */
  linkBase: string;
}

type Env = Record<string, string | undefined>;

interface Payload {
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
  issue?: { number?: number; pull_request?: unknown };
  workflow_run?: { id?: number; run_attempt?: number; head_sha?: string; pull_requests?: { number?: number }[] };
  repository?: { full_name?: string };
}

export function readRunContext(env: Env, prInput = ''): RunContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const full = env.GITHUB_REPOSITORY || payload.repository?.full_name || '';
  const [owner = '', repo = ''] = full.split('/');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, '');
  const graphqlUrl = env.GITHUB_GRAPHQL_URL || `${apiUrl.replace(/\/v3$/, '')}/graphql`;
  const runId = Number.parseInt(env.GITHUB_RUN_ID ?? '', 10) || 0;
  const runAttempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10) || 1;
  const pr = payload.pull_request;
  const sha = pr?.head?.sha || payload.workflow_run?.head_sha || env.GITHUB_SHA || '';
  const trigger = env.GITHUB_EVENT_NAME === 'workflow_run' ? payload.workflow_run : undefined;
  const triggerId = typeof trigger?.id === 'number' && Number.isSafeInteger(trigger.id) && trigger.id > 0 ? trigger.id : undefined;
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    prNumber: prNumber(prInput, payload),
    fork: Boolean(pr && pr.head?.repo?.full_name !== pr.base?.repo?.full_name),
    sha,
    runId,
    runAttempt,
    stampRunId: triggerId ?? runId,
    stampRunAttempt: triggerId
      ? typeof trigger?.run_attempt === 'number' && trigger.run_attempt > 0
        ? trigger.run_attempt
        : 1
      : runAttempt,
    serverUrl,
    apiUrl,
    graphqlUrl,
    runUrl: full && runId ? `${serverUrl}/${full}/actions/runs/${runId}/attempts/${runAttempt}` : undefined,
    linkBase: docsLinkBase(env),
  };
}

/** Where this action is published; its rule pages are under docs/rules/ at the version's tag. */
export const PUBLISHED_REPOSITORY = 'https://github.com/container-plan-check/container-plan-check';

/**
 * The base URL that rule docs links (`docs/rules/ID.md`) are resolved against: the action's own
 * repository at the ref it runs from (`GITHUB_ACTION_REPOSITORY`, `GITHUB_ACTION_REF`); for a
 * local action (`uses: ./path`, which leaves those unset) the workflow's repository at
 * `GITHUB_SHA` under the action's path; else the published repository at this version's tag.
 * Never the consumer's repository root, which has no such pages.
 */
export function docsLinkBase(env: Env): string {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  if (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF) {
    return `${server}/${env.GITHUB_ACTION_REPOSITORY}/blob/${encodeURIComponent(env.GITHUB_ACTION_REF)}/`;
  }
  const { GITHUB_ACTION_PATH: actionPath, GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (actionPath && workspace && repo && sha) {
    const rel = relative(workspace, actionPath).split(sep).join('/');
    if (!rel.startsWith('..') && !isAbsolute(rel)) return `${server}/${repo}/blob/${sha}/${rel ? `${rel}/` : ''}`;
  }
  return `${PUBLISHED_REPOSITORY}/blob/v${VERSION}/`;
}

function readPayload(path: string | undefined): Payload {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Payload) : {};
  } catch {
    throw new InputError(path, 'the event payload (GITHUB_EVENT_PATH) is not valid JSON');
  }
}

/** The `pr-number` input (workflow_run), else the PR the event is about. */
function prNumber(input: string, payload: Payload): number | undefined {
  const raw = input.trim();
  if (raw) {
    if (!/^[1-9]\d{0,9}$/.test(raw))
      throw new InputError(undefined, `pr-number must be a pull request number, got ${JSON.stringify(raw).slice(0, 40)}`);
    return Number(raw);
  }
  const n =
    payload.pull_request?.number ??
    (payload.issue?.pull_request ? payload.issue.number : undefined) ??
    payload.workflow_run?.pull_requests?.[0]?.number;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}
