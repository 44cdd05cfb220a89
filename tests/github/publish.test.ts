import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/analyse.js';
import { readRunContext, type RunContext } from '../../src/github/context.js';
import { formatMarker, parseMarker } from '../../src/github/marker.js';
import { publishComment, type CommentInputs, type Limits } from '../../src/github/publish.js';
import type { Report } from '../../src/report/schema.js';
import { GitHubEmulator } from './emulator.js';

/**
 * publishComment against the GitHub API emulator, under the conditions of real runs: other
 * people's comments carrying the marker, runs that race, slow and never-answering servers,
 * rate limits and failing GraphQL calls.
 */
const PR = 7;
const SHA = '2f1d6c5b7a8e9f00112233445566778899aabbcc';
const LIMITS: Limits = { timeoutMs: 1000, budgetMs: 8000, backoffMs: 20, maxRateLimitWaitMs: 5000 };

let warnReport: Report;
let errorReport: Report;

describe('publishComment against the API emulator', () => {
  const gh = new GitHubEmulator();
  beforeAll(async () => {
    warnReport = (await analyse(['fixtures/example-stack.json'], { asOf: '2026-11-22', failOn: 'error' })).report;
    errorReport = (await analyse(['fixtures/fargate-invalid-size.json'], { asOf: '2026-11-22', failOn: 'error' })).report;
    await gh.start();
  });
  afterAll(() => gh.stop());
  afterEach(() => {
    expect(gh.violations).toEqual([]);
    gh.reset();
  });

  const ctx = (runId: number, over: Partial<RunContext> = {}): RunContext => ({
    owner: gh.owner,
    repo: gh.repo,
    eventName: 'pull_request',
    prNumber: PR,
    fork: false,
    sha: SHA,
    runId,
    runAttempt: 1,
    stampRunId: runId,
    stampRunAttempt: 1,
    serverUrl: 'https://github.example',
    apiUrl: gh.url,
    graphqlUrl: `${gh.url}/graphql`,
    runUrl: `https://github.example/acme/infra/actions/runs/${runId}/attempts/1`,
    linkBase: 'https://github.example/acme-tools/container-plan-check/blob/v1/',
    ...over,
  });
  const inputs = (over: Partial<CommentInputs> = {}): CommentInputs => ({
    token: gh.token,
    mode: 'update',
    when: 'always',
    tag: 'default',
    author: '',
    ...over,
  });
  const logger = () => {
    const lines: string[] = [];
    return {
      lines,
      info: (m: string) => void lines.push(`info: ${m}`),
      warning: (m: string) => void lines.push(`warning: ${m}`),
      warnings: () => lines.filter((l) => l.startsWith('warning: ')),
    };
  };
  const publish = (report: Report, c: RunContext, i: CommentInputs = inputs(), log = logger(), limits = LIMITS) =>
    publishComment(report, c, i, log, limits);
  const marker = (runId: number, tag = 'default') => formatMarker({ tag, sha: SHA, runId, runAttempt: 1 });
  const ours = () => gh.commentsOn(PR).filter((c) => c.author === gh.botLogin && parseMarker(c.body));
  const urlOf = (id: number) => `https://github.example/acme/infra/pull/${PR}#issuecomment-${id}`;

  describe('whose comment it is', () => {
    it("ignores a person's comment carrying the marker with a later run: posts its own, and comment-url is its own", async () => {
      const planted = gh.seed(PR, `looks like the report\n${marker(99_999_999_999)}`, 'mallory');
      const url = await publish(warnReport, ctx(100));
      expect(ours()).toHaveLength(1);
      expect(url).toBe(urlOf(ours()[0]!.id));
      expect(url).not.toBe(urlOf(planted.id));
      expect(gh.comments.find((c) => c.id === planted.id)!.body).toContain('looks like the report');
    });

    it("never edits a person's comment carrying the marker with an earlier run", async () => {
      const planted = gh.seed(PR, `please keep me\n${marker(1)}`, 'mallory');
      await publish(warnReport, ctx(100));
      expect(gh.writes().map((w) => w.operation)).toEqual(['issues/create-comment']);
      expect(gh.comments.find((c) => c.id === planted.id)!.body).toBe(`please keep me\n${marker(1)}`);
      // The next run updates the action's own comment, still leaving the person's alone.
      await publish(errorReport, ctx(101));
      expect(gh.writes().map((w) => w.operation)).toEqual(['issues/create-comment', 'issues/update-comment']);
      expect(gh.writes()[1]!.path).toBe(`/repos/acme/infra/issues/comments/${ours()[0]!.id}`);
      expect(gh.comments.find((c) => c.id === planted.id)!.body).toBe(`please keep me\n${marker(1)}`);
    });

    it('a personal access token: learns its login from GET /user and finds its own comments by it', async () => {
      gh.userLogin = 'octo-deployer';
      gh.botLogin = 'octo-deployer';
      const own = gh.seed(PR, `old report\n${marker(50)}`, 'octo-deployer');
      gh.seed(PR, `copied\n${marker(60)}`, 'someone-else');
      await publish(warnReport, ctx(100));
      expect(gh.requests.some((r) => r.operation === 'users/get-authenticated')).toBe(true);
      expect(gh.writes().map((w) => `${w.operation} ${w.path}`)).toEqual([
        `issues/update-comment /repos/acme/infra/issues/comments/${own.id}`,
      ]);
    });

    it("a GitHub App's token: comment-author names the login it writes as", async () => {
      gh.botLogin = 'deploy-app[bot]';
      const own = gh.seed(PR, `old report\n${marker(50)}`, 'deploy-app[bot]');
      gh.seed(PR, `not ours\n${marker(60)}`, 'github-actions[bot]');
      await publish(warnReport, ctx(100), inputs({ author: 'deploy-app[bot]' }));
      expect(gh.requests.some((r) => r.operation === 'users/get-authenticated')).toBe(false);
      expect(gh.writes().map((w) => `${w.operation} ${w.path}`)).toEqual([
        `issues/update-comment /repos/acme/infra/issues/comments/${own.id}`,
      ]);
    });
  });

  describe('runs at once', () => {
    it('two runs on a PR with no comment yet (both list before either posts): one comment stays, the newer run’s', async () => {
      gh.barriers.push({ operation: 'issues/list-comments', count: 2 });
      const [older, newer] = await Promise.all([publish(warnReport, ctx(200)), publish(errorReport, ctx(201))]);
      expect(gh.requests.filter((r) => r.operation === 'issues/create-comment')).toHaveLength(2);
      expect(ours()).toHaveLength(1);
      expect(parseMarker(ours()[0]!.body)!.runId).toBe(201);
      expect(newer).toBe(urlOf(ours()[0]!.id));
      expect(older).toBe(urlOf(ours()[0]!.id));
    });

    it('two hide-and-new runs that race: the older run’s comment is hidden, the newer one’s shown', async () => {
      gh.barriers.push({ operation: 'issues/list-comments', count: 2 });
      await Promise.all([
        publish(warnReport, ctx(300), inputs({ mode: 'hide-and-new' })),
        publish(errorReport, ctx(301), inputs({ mode: 'hide-and-new' })),
      ]);
      const shown = ours().filter((c) => !c.minimized);
      expect(shown).toHaveLength(1);
      expect(parseMarker(shown[0]!.body)!.runId).toBe(301);
    });

    it('an older run whose listing began before a newer run wrote does not overwrite it', async () => {
      const first = gh.seed(PR, `### first\n${marker(1)}`, gh.botLogin);
      gh.slow.push({ operation: 'issues/list-comments', ms: 800, times: 1 });
      const log = logger();
      const older = publish(warnReport, ctx(400), inputs(), log);
      // The older run's listing is under way (its answer, a snapshot, is held back) …
      await until(() => gh.requests.some((r) => r.operation === 'issues/list-comments'));
      // … while the newer run lists, and updates the comment.
      await publish(errorReport, ctx(401));
      expect(parseMarker(gh.comments.find((c) => c.id === first.id)!.body)!.runId).toBe(401);
      await older;
      expect(parseMarker(gh.comments.find((c) => c.id === first.id)!.body)!.runId).toBe(401);
      expect(gh.writes()).toHaveLength(1);
      expect(log.lines.join('\n')).toContain('A newer run already commented');
    });

    it('update mode removes stale duplicates of its own tag left by earlier races', async () => {
      gh.seed(PR, `### a\n${marker(10)}`, gh.botLogin);
      const keep = gh.seed(PR, `### b\n${marker(11)}`, gh.botLogin);
      gh.seed(PR, `### other tag\n${marker(9, 'staging')}`, gh.botLogin);
      await publish(warnReport, ctx(500));
      const mine = ours().filter((c) => parseMarker(c.body)!.tag === 'default');
      expect(mine).toHaveLength(1);
      expect(mine[0]!.id).toBe(keep.id);
      expect(parseMarker(mine[0]!.body)!.runId).toBe(500);
      expect(ours().filter((c) => parseMarker(c.body)!.tag === 'staging')).toHaveLength(1);
    });
  });

  describe('workflow_run', () => {
    const workflowRunCtx = (commentingRun: number, triggeringRun: number): RunContext => {
      const dir = mkdtempSync(join(tmpdir(), 'cpc-wr-'));
      const event = join(dir, 'event.json');
      writeFileSync(
        event,
        JSON.stringify({
          workflow_run: { id: triggeringRun, run_attempt: 1, head_sha: SHA, pull_requests: [{ number: PR }] },
          repository: { full_name: 'acme/infra' },
        }),
      );
      const env = {
        GITHUB_EVENT_NAME: 'workflow_run',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'acme/infra',
        GITHUB_RUN_ID: String(commentingRun),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_API_URL: gh.url,
        GITHUB_GRAPHQL_URL: `${gh.url}/graphql`,
      };
      return readRunContext(env);
    };

    it('orders comments by the triggering plan run, not by the commenting run', async () => {
      // The newer plan run (1001) is commented on first; the older plan run's (1000) commenting run comes later.
      await publish(errorReport, workflowRunCtx(5000, 1001));
      const log = logger();
      await publish(warnReport, workflowRunCtx(5001, 1000), inputs(), log);
      expect(ours()).toHaveLength(1);
      expect(parseMarker(ours()[0]!.body)).toMatchObject({ runId: 1001 });
      expect(ours()[0]!.body).toContain('1 error');
      expect(log.lines.join('\n')).toContain('A newer run already commented');
    });
  });

  describe('failures', () => {
    it('hide-and-new whose hiding fails (GraphQL error) posts the new comment anyway, then warns', async () => {
      const old = gh.seed(PR, `### ✅ all good\n${marker(1)}`, gh.botLogin);
      gh.graphqlError = 'Something went wrong while executing your query.';
      const log = logger();
      const url = await publish(errorReport, ctx(600), inputs({ mode: 'hide-and-new' }), log);
      expect(ours()).toHaveLength(2);
      const fresh = ours().find((c) => c.id !== old.id)!;
      expect(parseMarker(fresh.body)!.runId).toBe(600);
      expect(url).toBe(urlOf(fresh.id));
      expect(log.warnings()).toEqual([
        expect.stringMatching(/^warning: Posted the new comment, but could not hide the previous one .*Something went wrong/),
      ]);
    });

    it('a 429 with retry-after is retried after the time GitHub asks, and the wait is logged', async () => {
      gh.faults.push({
        method: 'POST',
        path: /\/issues\/\d+\/comments$/,
        status: 429,
        times: 1,
        message: 'Too many requests',
        headers: { 'retry-after': '2' },
      });
      const log = logger();
      const url = await publish(warnReport, ctx(700), inputs(), log);
      const posts = gh.requests.filter((r) => r.operation === 'issues/create-comment');
      expect(posts).toHaveLength(2);
      expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1900);
      expect(url).toBe(urlOf(ours()[0]!.id));
      expect(log.warnings().join('\n')).toMatch(/rate limit reached .*waiting 2 s/);
    });

    it('a secondary rate limit (403 with retry-after) is waited out the same way', async () => {
      gh.faults.push({
        method: 'GET',
        path: /\/issues\/\d+\/comments$/,
        status: 403,
        times: 1,
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        headers: { 'retry-after': '2' },
      });
      const url = await publish(warnReport, ctx(701));
      const lists = gh.requests.filter((r) => r.operation === 'issues/list-comments');
      expect(lists[1]!.at - lists[0]!.at).toBeGreaterThanOrEqual(1900);
      expect(url).toBe(urlOf(ours()[0]!.id));
    });

    it('a primary rate limit waits until x-ratelimit-reset', async () => {
      const reset = Math.ceil(Date.now() / 1000) + 1;
      gh.faults.push({
        method: 'GET',
        path: /\/issues\/\d+\/comments$/,
        status: 403,
        times: 1,
        message: 'API rate limit exceeded for installation ID 1.',
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      });
      await publish(warnReport, ctx(702));
      const lists = gh.requests.filter((r) => r.operation === 'issues/list-comments');
      expect(lists[1]!.at).toBeGreaterThanOrEqual(reset * 1000);
      expect(ours()).toHaveLength(1);
    });

    it('a rate-limit wait longer than allowed gives up at once with a warning, and the run goes on', async () => {
      gh.faults.push({
        method: 'GET',
        path: /\/issues\/\d+\/comments$/,
        status: 429,
        times: 5,
        message: 'Too many requests',
        headers: { 'retry-after': '3600' },
      });
      const log = logger();
      const started = Date.now();
      const url = await publish(warnReport, ctx(703), inputs(), log, { ...LIMITS, maxRateLimitWaitMs: 2000 });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(url).toBe('');
      expect(log.warnings().join('\n')).toMatch(/asks to wait 3600 s, more than the 2 s left to wait: giving up/);
      expect(log.warnings().at(-1)).toMatch(/Could not write the PR comment \(HTTP 429: Too many requests\)\. GitHub's rate limit/);
    }, 10_000);

    it('rate limits that keep coming are waited out a few times only, however short the waits', async () => {
      gh.faults.push({
        method: 'GET',
        path: /\/issues\/\d+\/comments$/,
        status: 429,
        times: 50,
        message: 'Too many requests',
        headers: { 'retry-after': '0' },
      });
      const log = logger();
      const url = await publish(warnReport, ctx(704), inputs(), log);
      expect(url).toBe('');
      expect(gh.requests.filter((r) => r.operation === 'issues/list-comments')).toHaveLength(4);
      expect(log.warnings().join('\n')).toMatch(/rate limit reached .* 4 times in a row: giving up/);
    });

    it('a server that accepts and never answers: every request times out, and the comment gives up with a warning', async () => {
      gh.hangs.push({ method: 'GET', path: /\/issues\/\d+\/comments$/, times: 100 });
      const log = logger();
      const started = Date.now();
      const url = await publish(warnReport, ctx(800), inputs(), log, { timeoutMs: 300, budgetMs: 3000, backoffMs: 20 });
      expect(Date.now() - started).toBeLessThan(4000);
      expect(url).toBe('');
      expect(gh.writes()).toEqual([]);
      expect(log.warnings().at(-1)).toMatch(
        /^warning: Could not write the PR comment: GitHub \(http:\/\/127\.0\.0\.1:\d+\) did not answer in time \(no answer within 0\.3 s\)\. .*the gate is decided/,
      );
    }, 10_000);

    it('the whole comment has a time budget, however many requests are left', async () => {
      gh.slow.push({ operation: 'issues/list-comments', ms: 250, times: 100 });
      for (let i = 0; i < 1000; i++) gh.seed(PR, `remark ${i}`);
      const log = logger();
      const started = Date.now();
      const url = await publish(warnReport, ctx(801), inputs(), log, { timeoutMs: 1000, budgetMs: 1200, backoffMs: 20 });
      expect(Date.now() - started).toBeLessThan(2500);
      expect(url).toBe('');
      expect(log.warnings().at(-1)).toMatch(/did not answer in time \(the time allowed for the PR comment ran out\)/);
    }, 10_000);

    it('a refused connection is reported as a connection failure, not as HTTP 500', async () => {
      const closed = await closedPort();
      const log = logger();
      const url = await publish(warnReport, ctx(900, { apiUrl: `http://127.0.0.1:${closed}` }), inputs(), log);
      expect(url).toBe('');
      const last = log.warnings().at(-1)!;
      expect(last).toMatch(
        /^warning: Could not write the PR comment: connection failure, no answer from GitHub at http:\/\/127\.0\.0\.1:\d+ \(.*ECONNREFUSED.*\)/,
      );
      expect(last).not.toMatch(/HTTP 500/);
    });

    it('pull_request_target answering 403 names the missing permission, not the fork advice', async () => {
      gh.readOnlyToken = true;
      const log = logger();
      await publish(warnReport, ctx(1000, { eventName: 'pull_request_target', fork: true }), inputs(), log);
      const last = log.warnings().at(-1)!;
      expect(last).toMatch(/HTTP 403: Resource not accessible by integration/);
      expect(last).toMatch(/pull_request_target run lacks the `pull-requests: write` permission/);
      expect(last).not.toMatch(/workflow_run/);
      // A fork's pull_request run keeps the fork advice.
      const fork = logger();
      await publish(warnReport, ctx(1001, { eventName: 'pull_request', fork: true }), inputs(), fork);
      expect(fork.warnings().at(-1)).toMatch(/fork.*workflow_run/);
    });
  });

  describe('quiet when no comment is asked for', () => {
    it('comment-mode off without a token says nothing about a comment', async () => {
      const log = logger();
      const url = await publish(warnReport, ctx(1100), inputs({ mode: 'off', token: '' }), log);
      expect(url).toBe('');
      expect(log.lines).toEqual([]);
      expect(gh.requests).toEqual([]);
    });
  });
});

describe('rule docs links', () => {
  const base = {
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_SHA: 'abc123',
    GITHUB_WORKSPACE: '/w/infra',
  };

  it("point at the action's repository at its ref", () => {
    expect(readRunContext({ ...base, GITHUB_ACTION_REPOSITORY: 'acme-tools/container-plan-check', GITHUB_ACTION_REF: 'v1' }).linkBase).toBe(
      'https://github.example/acme-tools/container-plan-check/blob/v1/',
    );
  });

  it("never into the consumer's repository root: the published docs when the action's repository is not known", () => {
    const { linkBase } = readRunContext(base);
    expect(linkBase).not.toContain('acme/infra');
    expect(linkBase).toMatch(/^https:\/\/github\.com\/[^/]+\/container-plan-check\/blob\/v\d+\.\d+\.\d+\/$/);
  });

  it('a local action (uses: ./path) links to its path in the workflow repository', () => {
    expect(readRunContext({ ...base, GITHUB_ACTION_PATH: '/w/infra/tools/cpc' }).linkBase).toBe(
      'https://github.example/acme/infra/blob/abc123/tools/cpc/',
    );
    expect(readRunContext({ ...base, GITHUB_ACTION_PATH: '/w/infra' }).linkBase).toBe('https://github.example/acme/infra/blob/abc123/');
    expect(readRunContext({ ...base, GITHUB_ACTION_PATH: '/home/runner/_actions/x' }).linkBase).toMatch(/^https:\/\/github\.com\//);
  });
});

/** A port nothing listens on: one a server had, and gave back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
