import { readFileSync } from 'node:fs';
import { InputError } from '../plan/errors.js';

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
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  /** This run's page, where the job summary is shown. */
  runUrl: string | undefined;
  /** Base URL of this action's sources at the ref in use, for rule docs links. */
  linkBase: string | undefined;
}

type Env = Record<string, string | undefined>;

interface Payload {
  pull_request?: { number?: number; head?: { sha?: string; repo?: { full_name?: string } | null }; base?: { repo?: { full_name?: string } } };
  issue?: { number?: number; pull_request?: unknown };
  workflow_run?: { head_sha?: string; pull_requests?: { number?: number }[] };
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
  const actionRepo = env.GITHUB_ACTION_REPOSITORY;
  const linkBase = actionRepo && env.GITHUB_ACTION_REF
    ? `${serverUrl}/${actionRepo}/blob/${encodeURIComponent(env.GITHUB_ACTION_REF)}/`
    : full && env.GITHUB_SHA ? `${serverUrl}/${full}/blob/${env.GITHUB_SHA}/` : undefined;
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    prNumber: prNumber(prInput, payload),
    fork: Boolean(pr && pr.head?.repo?.full_name !== pr.base?.repo?.full_name),
    sha,
    runId,
    runAttempt,
    serverUrl,
    apiUrl,
    graphqlUrl,
    runUrl: full && runId ? `${serverUrl}/${full}/actions/runs/${runId}/attempts/${runAttempt}` : undefined,
    linkBase,
  };
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
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw new InputError(undefined, `pr-number must be a pull request number, got ${JSON.stringify(raw).slice(0, 40)}`);
    return Number(raw);
  }
  const n = payload.pull_request?.number ?? (payload.issue?.pull_request ? payload.issue.number : undefined) ?? payload.workflow_run?.pull_requests?.[0]?.number;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}
