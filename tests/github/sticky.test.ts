import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/client.js';
import { formatMarker, isLaterRun, parseMarker, sameContent, type Stamp } from '../../src/github/marker.js';
import { publishSticky, type StickyOptions } from '../../src/github/sticky.js';
import { GitHubEmulator } from './emulator.js';

const stamp = (runId: number, runAttempt = 1, tag = 'default'): Stamp => ({ tag, sha: 'abc123', runId, runAttempt });
const body = (text: string, s: Stamp) => `### ${text}\n${formatMarker(s)}`;

describe('marker', () => {
  it('round-trips tag, SHA, run and attempt, and ignores quoted copies', () => {
    const s = { tag: 'prod stack --> <b>', sha: 'DEADBEEF', runId: 42, runAttempt: 3 };
    const b = `hello\n${formatMarker(s)}`;
    expect(parseMarker(b)).toEqual({ ...s, sha: 'deadbeef' });
    expect(b).not.toContain('--> <b>');
    expect(parseMarker(`> ${formatMarker(s).trim()}`)).toBeUndefined();
    expect(sameContent(b, `hello\n${formatMarker({ ...s, runId: 43 })}`)).toBe(true);
    expect(sameContent(b, `hello!\n${formatMarker(s)}`)).toBe(false);
    const link = (run: number) => `[full report](https://github.example/a/b/actions/runs/${run}/attempts/1)`;
    expect(sameContent(link(1), link(2))).toBe(true);
  });

  it('orders runs by run ID, then attempt', () => {
    expect(isLaterRun(stamp(10), stamp(9))).toBe(true);
    expect(isLaterRun(stamp(9, 5), stamp(10, 1))).toBe(false);
    expect(isLaterRun(stamp(10, 2), stamp(10, 1))).toBe(true);
    expect(isLaterRun(stamp(10, 1), stamp(10, 1))).toBe(false);
  });
});

describe('publishSticky against the API emulator', () => {
  const gh = new GitHubEmulator();
  beforeAll(() => gh.start());
  afterAll(() => gh.stop());
  afterEach(() => {
    expect(gh.violations).toEqual([]);
    gh.reset();
  });
  const client = () => createClient(gh.token, { baseUrl: gh.url, warn: () => undefined });
  const target = { owner: gh.owner, repo: gh.repo, issueNumber: 7 };
  const opts = (s: Stamp, mode: StickyOptions['mode'] = 'update', wanted = true): StickyOptions => ({
    mode,
    stamp: s,
    wanted,
    graphqlUrl: `${gh.url}/graphql`,
    author: 'github-actions[bot]',
    warn: () => undefined,
  });

  it('creates, then updates in place, then skips an identical body', async () => {
    const first = await publishSticky(client(), target, body('one', stamp(1)), opts(stamp(1)));
    expect(first.action).toBe('created');
    const second = await publishSticky(client(), target, body('two', stamp(2)), opts(stamp(2)));
    expect(second.action).toBe('updated');
    expect(gh.commentsOn(7)).toHaveLength(1);
    expect(gh.commentsOn(7)[0]!.body).toContain('### two');
    const writes = gh.writes().length;
    const third = await publishSticky(client(), target, body('two', stamp(3)), opts(stamp(3)));
    expect(third.action).toBe('unchanged');
    expect(gh.writes().length).toBe(writes);
  });

  it('keeps separate comments per tag and finds its own among 250 (three pages)', async () => {
    for (let i = 0; i < 250; i++)
      gh.seed(
        7,
        i === 120 ? body('mine', stamp(5)) : i === 200 ? body('other tag', stamp(5, 1, 'staging')) : `chatter ${i}`,
        i === 120 || i === 200 ? gh.botLogin : 'someone',
      );
    const out = await publishSticky(client(), target, body('new', stamp(6)), opts(stamp(6)));
    expect(out.action).toBe('updated');
    const pages = gh.requests.filter((r) => r.operation === 'issues/list-comments').map((r) => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2', '3']);
    expect(gh.commentsOn(7)[120]!.body).toContain('### new');
    expect(gh.commentsOn(7)[200]!.body).toContain('other tag');
  });

  it('posts nothing when the report does not call for a comment and none exists', async () => {
    const out = await publishSticky(client(), target, body('x', stamp(1)), opts(stamp(1), 'update', false));
    expect(out.action).toBe('not-needed');
    expect(gh.writes()).toEqual([]);
  });
});
