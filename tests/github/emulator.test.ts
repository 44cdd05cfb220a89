import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/client.js';
import { GitHubEmulator } from './emulator.js';

/** The emulator is only worth its checks if it rejects what GitHub's description does not allow. */
describe('GitHub API emulator', () => {
  const gh = new GitHubEmulator();
  beforeAll(() => gh.start());
  afterAll(() => gh.stop());
  const client = () => createClient(gh.token, { baseUrl: gh.url, warn: () => undefined, retries: 0 });
  const status = async (p: Promise<unknown>) =>
    p.then(
      () => 200,
      (e: { status?: number }) => e.status,
    );
  /** A request typed loosely on purpose: the wrong ones are the point. */
  const raw = (c: ReturnType<typeof client>, route: string, params: Record<string, unknown>) => c.request(route, params);

  it('rejects an undocumented route', async () => {
    gh.violations.length = 0;
    expect(
      await status(
        raw(client(), 'POST /repos/{owner}/{repo}/issues/{issue_number}/comment-drafts', {
          owner: 'acme',
          repo: 'infra',
          issue_number: 1,
          body: 'x',
        }),
      ),
    ).toBe(404);
    expect(gh.violations.join('\n')).toMatch(/not a documented route/);
  });

  it('rejects a body of the wrong type, a missing field and an undocumented field', async () => {
    gh.violations.length = 0;
    const c = client();
    expect(
      await status(
        raw(c, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'infra', issue_number: 1, body: 12 }),
      ),
    ).toBe(422);
    expect(
      await status(raw(c, 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: 'acme', repo: 'infra', comment_id: 5 })),
    ).toBe(422);
    expect(
      await status(
        raw(c, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner: 'acme',
          repo: 'infra',
          issue_number: 1,
          body: 'x',
          bodyy: 'typo',
        }),
      ),
    ).toBe(422);
    expect(gh.violations).toHaveLength(3);
    expect(gh.violations[0]).toMatch(/data\/body must be string/);
    expect(gh.violations[1]).toMatch(/must have required property 'body'|missing the JSON body/);
    expect(gh.violations[2]).toMatch(/undocumented body field bodyy/);
  });

  it('rejects a path parameter of the wrong type and an undocumented query parameter', async () => {
    gh.violations.length = 0;
    const c = client();
    expect(
      await status(
        raw(c, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'infra', issue_number: 'seven' }),
      ),
    ).toBe(422);
    expect(
      await status(
        raw(c, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner: 'acme',
          repo: 'infra',
          issue_number: 7,
          sort: 'created',
        }),
      ),
    ).toBe(422);
    expect(gh.violations.join('\n')).toMatch(/issue_number="seven"/);
    expect(gh.violations.join('\n')).toMatch(/undocumented query parameter sort/);
  });

  it('rejects a wrong token and a GraphQL call other than minimizeComment', async () => {
    gh.violations.length = 0;
    const wrong = createClient('ghs_wrong', { baseUrl: gh.url, warn: () => undefined, retries: 0 });
    expect(await status(wrong.rest.issues.listComments({ owner: 'acme', repo: 'infra', issue_number: 1 }))).toBe(401);
    await raw(client(), `POST ${gh.url}/graphql`, { query: 'query { viewer { login } }' });
    expect(gh.violations.join('\n')).toMatch(/Authorization/);
    expect(gh.violations.join('\n')).toMatch(/not a minimizeComment mutation/);
  });

  it('accepts a documented call and answers in the documented shape', async () => {
    gh.violations.length = 0;
    const { data, status: s } = await client().rest.issues.createComment({ owner: 'acme', repo: 'infra', issue_number: 3, body: 'hi' });
    expect(s).toBe(201);
    expect(data.body).toBe('hi');
    expect(data.user?.login).toBe('github-actions[bot]');
    expect(gh.violations).toEqual([]);
  });
});
