import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../helpers/plan.js';
import { GitHubEmulator } from '../github/emulator.js';
import { parseMarker } from '../../src/github/marker.js';
import { DIST, ROOT, runAction, workspace, type ActionRun, type RunSpec } from './runner.js';

/**
 * The built action (dist/index.js, `npm run build`) run as a child process against the GitHub
 * API emulator, which validates every request against GitHub's OpenAPI description.
 */
const PR = 42;
const SHA = '2f1d6c5b7a8e9f00112233445566778899aabbcc';
const RUN = 9_000_000_100;

describe('the action, end to end', () => {
  const gh = new GitHubEmulator();
  beforeAll(() => {
    // The committed bundle is what runs on Actions: never skip these tests for want of it.
    expect(existsSync(DIST), `${DIST} (npm run build)`).toBe(true);
    return gh.start();
  });
  afterAll(() => gh.stop());
  afterEach(() => {
    expect(gh.violations).toEqual([]);
    gh.reset();
  });

  /** A workspace with one fixture plan, as `terraform show -json` would have written it. */
  const withPlan = (fixture: string) => {
    const ws = workspace();
    copyFileSync(join(ROOT, 'fixtures', fixture), join(ws, 'plan.json'));
    return ws;
  };
  const run = async (spec: Partial<RunSpec> & { workspace: string }): Promise<ActionRun> => {
    const r = await runAction({
      apiUrl: gh.url,
      token: gh.token,
      inputs: { plan: 'plan.json', 'as-of': '2026-11-22' },
      runId: RUN,
      ...spec,
    });
    expect(`${r.stdout}${r.stderr}`).not.toContain(gh.token);
    expect(r.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack traces
    return r;
  };
  const ours = () => gh.commentsOn(PR).filter((c) => parseMarker(c.body));

  it('first run creates the comment, writes the outputs and the summary', async () => {
    const r = await run({ workspace: withPlan('example-stack.json') });
    expect(r.code).toBe(0);
    expect(ours()).toHaveLength(1);
    const c = ours()[0]!;
    expect(c.body).toMatch(
      /^### ⚠️ 1 warning · \*\*monthly cost \+\$690\*\* \(to \$1,159 at max scale\)\n\n\*\*container-plan-check\*\* · <code>plan\.json<\/code> · /,
    );
    expect(parseMarker(c.body)).toEqual({ tag: 'default', sha: SHA, runId: RUN, runAttempt: 1 });
    expect(c.body).toContain('](https://github.example/acme-tools/container-plan-check/blob/v1/docs/rules/EKS_VERSION_SUPPORT.md)');
    expect(c.body).toContain('[full report](https://github.example/acme/infra/actions/runs/9000000100/attempts/1)');
    expect(r.outputs).toMatchObject({
      gate: 'passed',
      errors: '0',
      warnings: '1',
      resources: '7',
      'monthly-cost-before': '0.00',
      'monthly-cost-after': '690.28',
      'monthly-cost-delta': '690.28',
      'comment-url': `https://github.example/acme/infra/pull/${PR}#issuecomment-${c.id}`,
    });
    const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8'));
    expect(report.gate.passed).toBe(true);
    expect(r.summary).toContain('<details open>');
    expect(r.summary).toContain('Cost breakdown');
    expect(r.stdout).toMatch(/::warning title=EKS_VERSION_SUPPORT.*::module\.eks\.aws_eks_cluster\.this: Kubernetes "1\.33"/);
  });

  it('a second run updates the same comment, and the gate fails only after everything is written', async () => {
    await run({ workspace: withPlan('example-stack.json') });
    const first = ours()[0]!;
    const r = await run({ workspace: withPlan('fargate-invalid-size.json'), runId: RUN + 1 });
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.id).toBe(first.id);
    expect(ours()[0]!.body).toMatch(/^### ❌ 1 error · /);
    expect(parseMarker(ours()[0]!.body)!.runId).toBe(RUN + 1);
    expect(gh.writes().map((w) => w.operation)).toEqual(['issues/create-comment', 'issues/update-comment']);
    expect(r.code).toBe(1);
    expect(r.outputs.gate).toBe('failed');
    expect(r.outputs.errors).toBe('1');
    expect(r.outputs['comment-url']).toContain(`#issuecomment-${first.id}`);
    expect(r.summary).toContain('FARGATE');
    const failed = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(failed).toEqual(['::error::1 error on changed resources']);
    // The gate is the last word: outputs and summary are written before it.
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('::error::1 error on changed resources');
  });

  it('an identical body skips the API call', async () => {
    await run({ workspace: withPlan('example-stack.json') });
    const before = gh.writes().length;
    const r = await run({ workspace: withPlan('example-stack.json'), runId: RUN + 1 });
    expect(gh.writes().length).toBe(before);
    expect(r.stdout).toContain('already says this');
    expect(r.outputs['comment-url']).toContain(`#issuecomment-${ours()[0]!.id}`);
  });

  it('an older run does not overwrite a newer run', async () => {
    await run({ workspace: withPlan('fargate-invalid-size.json'), runId: RUN + 5 });
    const newer = ours()[0]!.body;
    const r = await run({ workspace: withPlan('example-stack.json'), runId: RUN });
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toBe(newer);
    expect(gh.writes()).toHaveLength(1);
    expect(r.stdout).toContain('A newer run already commented');
    // A re-run of the newer run (attempt 2) may replace it.
    await run({ workspace: withPlan('example-stack.json'), runId: RUN + 5, runAttempt: 2 });
    expect(parseMarker(ours()[0]!.body)).toMatchObject({ runId: RUN + 5, runAttempt: 2 });
  });

  it('finds its comment among 250 (pagination)', async () => {
    for (let i = 0; i < 250; i++) gh.seed(PR, `review remark ${i}`);
    await run({ workspace: withPlan('example-stack.json') });
    const mine = ours()[0]!;
    gh.comments.splice(gh.comments.indexOf(mine), 1);
    gh.comments.splice(180, 0, mine); // now on the second page, 70 comments after it
    gh.requests.length = 0;
    await run({ workspace: withPlan('fargate-invalid-size.json'), runId: RUN + 1 });
    expect(gh.requests.filter((q) => q.operation === 'issues/list-comments').map((q) => q.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(gh.writes().map((w) => w.operation)).toEqual(['issues/update-comment']);
    expect(gh.commentsOn(PR)).toHaveLength(251);
    expect(gh.commentsOn(PR)[180]!.body).toContain('1 error');
  });

  it('hide-and-new minimises the old comment as OUTDATED, then posts (GHES URLs)', async () => {
    const ghes = { apiUrl: `${gh.url}/api/v3`, graphqlUrl: `${gh.url}/api/graphql` };
    await run({
      workspace: withPlan('example-stack.json'),
      ...ghes,
      inputs: { plan: 'plan.json', 'as-of': '2026-11-22', 'comment-mode': 'hide-and-new' },
    });
    await run({
      workspace: withPlan('fargate-invalid-size.json'),
      ...ghes,
      runId: RUN + 1,
      inputs: { plan: 'plan.json', 'as-of': '2026-11-22', 'comment-mode': 'hide-and-new' },
    });
    expect(ours()).toHaveLength(2);
    expect(ours().map((c) => c.minimized)).toEqual([true, false]);
    expect(gh.requests.filter((q) => q.operation === 'graphql')).toHaveLength(1);
    for (const q of gh.requests) expect(q.rawPath).toMatch(q.operation === 'graphql' ? /^\/api\/graphql$/ : /^\/api\/v3\/(repos\/|user$)/);
  });

  it('delete-and-new deletes the old comment, then posts', async () => {
    const inputs = { plan: 'plan.json', 'as-of': '2026-11-22', 'comment-mode': 'delete-and-new' };
    await run({ workspace: withPlan('example-stack.json'), inputs });
    const old = ours()[0]!.id;
    await run({ workspace: withPlan('fargate-invalid-size.json'), runId: RUN + 1, inputs });
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.id).not.toBe(old);
    expect(gh.writes().map((w) => w.operation)).toEqual(['issues/create-comment', 'issues/delete-comment', 'issues/create-comment']);
  });

  it('a fork PR with a read-only token: a warning with the fix, the summary kept, only the gate decides', async () => {
    gh.readOnlyToken = true;
    const fork = (p: any) => {
      p.pull_request.head.repo.full_name = 'outsider/infra';
      p.pull_request.head.repo.fork = true;
    };
    const r = await run({ workspace: withPlan('example-stack.json'), payload: fork });
    expect(r.code).toBe(0);
    const warning = r.stdout.split('\n').find((l) => l.startsWith('::warning::Could not write the PR comment'));
    expect(warning).toMatch(/HTTP 403: Resource not accessible by integration/);
    expect(warning).toMatch(/fork.*workflow_run/);
    expect(r.summary).toContain('container-plan-check');
    expect(r.outputs['comment-url']).toBe('');
    expect(r.outputs.gate).toBe('passed');
    const failing = await run({ workspace: withPlan('fargate-invalid-size.json'), payload: fork });
    expect(failing.code).toBe(1);
  });

  it('retries a 502, then succeeds', async () => {
    gh.faults.push({ method: 'POST', path: /\/issues\/\d+\/comments$/, status: 502, times: 1, message: 'Bad Gateway' });
    const r = await run({ workspace: withPlan('example-stack.json') });
    expect(r.code).toBe(0);
    expect(gh.requests.filter((q) => q.operation === 'issues/create-comment')).toHaveLength(2);
    expect(ours()).toHaveLength(1);
    expect(r.outputs['comment-url']).toContain('#issuecomment-');
  });

  it("a person's comment carrying the marker of a later run does not stop the report, nor is it edited", async () => {
    const planted = gh.seed(
      PR,
      `### ✅ container-plan-check · all clear\n\n<!-- container-plan-check tag=default sha=${SHA} run=99999999999 attempt=1 -->\n`,
      'mallory',
    );
    const r = await run({ workspace: withPlan('fargate-invalid-size.json') });
    const mine = ours().filter((c) => c.author === 'github-actions[bot]');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toMatch(/^### ❌ .*\n\n\*\*container-plan-check\*\* · /);
    expect(r.outputs['comment-url']).toBe(`https://github.example/acme/infra/pull/${PR}#issuecomment-${mine[0]!.id}`);
    expect(gh.comments.find((c) => c.id === planted.id)!.body).toContain('all clear');
    expect(gh.writes().map((w) => w.operation)).toEqual(['issues/create-comment']);
  });

  it('two runs at once on a PR with no comment: one comment stays, the newer run’s', async () => {
    gh.barriers.push({ operation: 'issues/list-comments', count: 2 });
    const [older, newer] = await Promise.all([
      run({ workspace: withPlan('example-stack.json'), runId: RUN }),
      run({ workspace: withPlan('fargate-invalid-size.json'), runId: RUN + 1 }),
    ]);
    expect(gh.requests.filter((q) => q.operation === 'issues/create-comment')).toHaveLength(2);
    expect(ours()).toHaveLength(1);
    expect(parseMarker(ours()[0]!.body)!.runId).toBe(RUN + 1);
    expect(newer.outputs['comment-url']).toContain(`#issuecomment-${ours()[0]!.id}`);
    expect(older.outputs['comment-url']).toContain(`#issuecomment-${ours()[0]!.id}`);
    expect(older.stdout).toContain('A newer run already commented');
  });

  it('workflow_run: the comment of the older plan run never replaces the newer one, whichever comments last', async () => {
    const triggeredBy = (planRun: number) => (p: any) => {
      p.workflow_run = { id: planRun, run_attempt: 1, head_sha: SHA, event: 'pull_request', pull_requests: [{ number: PR }] };
      p.repository = { full_name: 'acme/infra' };
    };
    await run({ workspace: withPlan('fargate-invalid-size.json'), event: 'workflow_run', runId: RUN + 10, payload: triggeredBy(RUN + 2) });
    const r = await run({
      workspace: withPlan('example-stack.json'),
      event: 'workflow_run',
      runId: RUN + 11,
      payload: triggeredBy(RUN + 1),
    });
    expect(ours()).toHaveLength(1);
    expect(parseMarker(ours()[0]!.body)).toMatchObject({ runId: RUN + 2 });
    expect(ours()[0]!.body).toMatch(/^### ❌/);
    expect(r.stdout).toContain('A newer run already commented');
  });

  it('a 429 with retry-after: waits as long as GitHub asks, and says so', async () => {
    gh.faults.push({
      method: 'POST',
      path: /\/issues\/\d+\/comments$/,
      status: 429,
      times: 1,
      message: 'Too many requests',
      headers: { 'retry-after': '2' },
    });
    const r = await run({ workspace: withPlan('example-stack.json') });
    const posts = gh.requests.filter((q) => q.operation === 'issues/create-comment');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1900);
    expect(r.stdout).toMatch(/::warning::GitHub API rate limit reached .*waiting 2 s/);
    expect(ours()).toHaveLength(1);
  });

  it('hide-and-new when hiding fails (GraphQL error): the new comment is posted anyway, with a warning', async () => {
    const inputs = { plan: 'plan.json', 'as-of': '2026-11-22', 'comment-mode': 'hide-and-new' };
    await run({ workspace: withPlan('example-stack.json'), inputs });
    gh.graphqlError = 'Something went wrong while executing your query.';
    const r = await run({ workspace: withPlan('fargate-invalid-size.json'), runId: RUN + 1, inputs });
    expect(ours()).toHaveLength(2);
    expect(ours().map((c) => parseMarker(c.body)!.runId)).toEqual([RUN, RUN + 1]);
    expect(r.stdout).toMatch(/::warning::Posted the new comment, but could not hide the previous one/);
    expect(r.outputs['comment-url']).toContain(`#issuecomment-${ours()[1]!.id}`);
    expect(r.code).toBe(1);
  });

  it('a plan too big for one comment: the body is shortened to ≤ 65,536 characters and starts with the summary', async () => {
    const ws = workspace();
    writeFileSync(join(ws, 'plan.json'), JSON.stringify(bigPlan(400)));
    const r = await run({ workspace: ws });
    expect(r.code).toBe(1);
    const body = ours()[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/^### ❌ 400 errors\n/);
    // 400 findings of one rule and message shape: one row in the comment, the addresses folded under it.
    expect(body).toMatch(/^\| ❌ \| .* \| <details><summary>× 400 resources<\/summary>/m);
    expect(parseMarker(body)).toBeDefined();
    // The job summary has every one of them.
    expect(r.summary.match(/^\| ❌ \|/gm)).toHaveLength(400);
  });

  it('comment-mode off makes no API call, and without a token says nothing about a comment', async () => {
    const r = await run({
      workspace: withPlan('example-stack.json'),
      inputs: { plan: 'plan.json', 'as-of': '2026-11-22', 'comment-mode': 'off', 'github-token': '' },
    });
    expect(r.stdout).not.toMatch(/comment/i);
    expect(r.code).toBe(0);
    expect(gh.requests).toEqual([]);
    expect(r.outputs.gate).toBe('passed');
    expect(r.outputs['comment-url']).toBe('');
    expect(r.summary).toContain('container-plan-check');
  });

  it('a push event without a PR writes the summary and outputs only', async () => {
    const r = await run({ workspace: withPlan('fargate-invalid-size.json'), event: 'push' });
    expect(gh.requests).toEqual([]);
    expect(r.stdout).toContain('No pull request for this push event');
    expect(r.outputs).toMatchObject({ gate: 'failed', errors: '1', 'comment-url': '' });
    expect(r.summary).toContain('❌');
    expect(r.code).toBe(1);
  });

  it('a bad input is one line, not a stack trace', async () => {
    const r = await run({ workspace: withPlan('example-stack.json'), inputs: { plan: 'plan.json', 'comment-mode': 'sometimes' } });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      '::error::comment-mode must be one of update, new, hide-and-new, delete-and-new, off, got "sometimes"',
    ]);
    expect(gh.requests).toEqual([]);
  });
});

/** A plan with `n` Fargate task definitions of a size Fargate does not offer, keys full of Markdown. */
function bigPlan(n: number) {
  const fixture = JSON.parse(readFileSync(join(ROOT, 'fixtures/fargate-invalid-size.json'), 'utf8'));
  const td = fixture.resource_changes.find((r: any) => r.type === 'aws_ecs_task_definition').change.after;
  return buildPlan(
    Array.from({ length: n }, (_, i) => ({
      address: `aws_ecs_task_definition.svc["team-${i}|<b>@here</b> **${'x'.repeat(60)}**"]`,
      after: { ...td, family: `svc-${i}` },
      unknown: { arn: true, arn_without_revision: true, id: true, revision: true },
    })),
    { region: 'eu-west-1' },
  );
}
