import type { Report } from '../report/schema.js';
import { tally } from '../report/tally.js';
import type { GitHubClient } from './client.js';
import { failureText } from './failure.js';
import { isLaterRun, parseMarker, sameContent, type Stamp } from './marker.js';

export const COMMENT_MODES = ['update', 'new', 'hide-and-new', 'delete-and-new', 'off'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
export const COMMENT_WHEN = ['always', 'changes', 'findings-or-cost-change'] as const;
export type CommentWhen = (typeof COMMENT_WHEN)[number];

export interface Target {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface StickyOptions {
  mode: Exclude<CommentMode, 'off'>;
  stamp: Stamp;
  /** The report calls for a comment (comment-when); a previous comment is updated regardless. */
  wanted: boolean;
  graphqlUrl: string;
  /**
   * The login the token writes comments as (e.g. `github-actions[bot]`). Only this author's
   * comments are this action's: a marker in anyone else's comment is ignored.
   */
  author: string;
  /** Where a step that failed without stopping the comment is reported (hiding, removing a duplicate). */
  warn: (message: string) => void;
}

export type Outcome =
  | { action: 'created'; url: string; replaced?: 'hidden' | 'deleted' }
  | { action: 'updated' | 'unchanged' | 'newer-run'; url: string }
  | { action: 'not-needed' };

/** Whether the report calls for a PR comment under `comment-when`. */
export function commentWanted(report: Report, when: CommentWhen): boolean {
  if (when === 'always' || report.plans.some((p) => p.error)) return true;
  const t = tally(report);
  if (when === 'changes') return t.changed > 0;
  return t.errors + t.warnings > 0 || (report.cost != null && report.cost.monthlyDelta !== 0);
}

/**
 * Publishes the sticky comment. Finds this tag's previous comments written by `author` (every
 * page of the PR's comments), leaves a newer run's comment alone, skips the call when the text is
 * unchanged, then updates in place or posts anew (hiding or deleting the old one first, as the
 * mode says). Each comment is read again right before it is changed, so that a run that listed
 * the comments before a newer run wrote cannot overwrite it. After writing, the comments are
 * listed again: when runs raced and more than one of this tag now stands, the newest run's is
 * kept and the others are deleted (hidden in `hide-and-new`).
 */
export async function publishSticky(gh: GitHubClient, t: Target, body: string, opts: StickyOptions): Promise<Outcome> {
  const previous = await findPrevious(gh, t, opts.stamp.tag, opts.author);
  const current = previous.at(-1);
  if (!current) {
    if (!opts.wanted) return { action: 'not-needed' };
    const created = await create(gh, t, body);
    return settle(gh, t, opts, previous, created, { action: 'created', url: created.url });
  }
  if (isLaterRun(current.stamp, opts.stamp)) return { action: 'newer-run', url: current.url };
  if (sameContent(current.body, body)) return { action: 'unchanged', url: current.url };
  // Read again right before the write: a newer run may have written since the listing.
  const now = await reread(gh, t, current);
  if (now && isLaterRun(now.stamp, opts.stamp)) return { action: 'newer-run', url: now.url };
  switch (opts.mode) {
    case 'update': {
      if (!now) {
        const created = await create(gh, t, body);
        return settle(gh, t, opts, previous, created, { action: 'created', url: created.url });
      }
      const { data } = await gh.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: now.id, body });
      // Updating creates no comment, so there is nothing new to look for; older ones of this tag
      // (left by runs that raced before) go.
      for (const c of previous) if (c.id !== now.id) await removeQuietly(gh, t, opts, c);
      return { action: 'updated', url: data.html_url };
    }
    case 'new':
      return { action: 'created', url: (await create(gh, t, body)).url };
    case 'hide-and-new': {
      let hideFailure: unknown;
      if (now) await minimize(gh, opts.graphqlUrl, now.nodeId).catch((e: unknown) => (hideFailure = e ?? 'failed'));
      // Posted even when hiding failed: a stale comment must not be the only one on the PR.
      const created = await create(gh, t, body);
      const hidden = now !== undefined && hideFailure === undefined;
      if (now && !hidden)
        opts.warn(`Posted the new comment, but could not hide the previous one (${now.url}) as outdated: ${failureText(hideFailure)}.`);
      return settle(gh, t, opts, previous, created, {
        action: 'created',
        url: created.url,
        ...(hidden ? { replaced: 'hidden' as const } : {}),
      });
    }
    case 'delete-and-new': {
      for (const c of previous) {
        const seen = c.id === now?.id ? now : await reread(gh, t, c);
        if (!seen) continue;
        if (isLaterRun(seen.stamp, opts.stamp)) return { action: 'newer-run', url: seen.url };
        await removeComment(gh, t, seen.id);
      }
      const created = await create(gh, t, body);
      return settle(gh, t, opts, previous, created, { action: 'created', url: created.url, replaced: 'deleted' });
    }
  }
}

/**
 * After a write: lists the comments again and, when more than one of this tag stands (runs that
 * raced each posted one), keeps the newest run's and deletes the others (`hide-and-new` hides
 * them instead, and looks only at comments posted since its own listing). When a newer run's
 * comment is the one kept, says so instead of the write's own outcome.
 */
async function settle(
  gh: GitHubClient,
  t: Target,
  opts: StickyOptions,
  before: Previous[],
  mine: Previous,
  outcome: Outcome,
): Promise<Outcome> {
  // The comment the action created tells who it writes as; it overrides the assumed author.
  const author = mine.author || opts.author;
  const seenBefore = new Set(before.map((c) => c.id));
  let all = await findPrevious(gh, t, opts.stamp.tag, author);
  if (opts.mode === 'hide-and-new') all = all.filter((c) => !seenBefore.has(c.id));
  if (!all.some((c) => c.id === mine.id)) all = [...all, mine].sort(byRun);
  if (all.length <= 1) return outcome;
  const keep = all.at(-1)!;
  for (const c of all) {
    if (c.id !== keep.id) await removeQuietly(gh, t, opts, c);
  }
  return keep.id === mine.id ? outcome : { action: 'newer-run', url: keep.url };
}

/** Deletes (in `hide-and-new`, hides) a superseded comment of this tag; a failure is a warning. */
async function removeQuietly(gh: GitHubClient, t: Target, opts: StickyOptions, c: Previous): Promise<void> {
  try {
    if (opts.mode === 'hide-and-new') await minimize(gh, opts.graphqlUrl, c.nodeId);
    else await removeComment(gh, t, c.id);
  } catch (e) {
    opts.warn(
      `An older comment of this tag (${c.url}) could not be ${opts.mode === 'hide-and-new' ? 'hidden' : 'deleted'}: ${failureText(e)}`,
    );
  }
}

const MINIMIZE = `mutation($subjectId: ID!) {
  minimizeComment(input: { subjectId: $subjectId, classifier: OUTDATED }) {
    minimizedComment { isMinimized }
  }
}`;

/** Hides a comment as outdated. Sent to GITHUB_GRAPHQL_URL as given (GHES serves it apart from REST). */
async function minimize(gh: GitHubClient, graphqlUrl: string, subjectId: string): Promise<void> {
  const { data } = await gh.request(`POST ${graphqlUrl}`, { query: MINIMIZE, variables: { subjectId } });
  const errors = (data as { errors?: { message?: string }[] }).errors;
  if (errors?.length) throw new Error(`minimizeComment: ${errors[0]?.message ?? 'failed'}`);
}

interface Previous {
  id: number;
  nodeId: string;
  url: string;
  body: string;
  stamp: Stamp;
  /** `user.login` of the comment. */
  author: string;
}

interface ApiComment {
  id: number;
  node_id: string;
  html_url: string;
  body?: string | null;
  user?: { login?: string } | null;
}

/** Older runs first; among comments of the same run, the earlier posted first. */
function byRun(a: Previous, b: Previous): number {
  if (isLaterRun(a.stamp, b.stamp)) return 1;
  if (isLaterRun(b.stamp, a.stamp)) return -1;
  return a.id - b.id;
}

function sameLogin(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

function toPrevious(c: ApiComment, tag: string, author: string): Previous | undefined {
  if (!sameLogin(c.user?.login, author)) return undefined;
  const stamp = parseMarker(c.body);
  if (!stamp || stamp.tag !== tag) return undefined;
  return { id: c.id, nodeId: c.node_id, url: c.html_url, body: c.body ?? '', stamp, author: c.user?.login ?? '' };
}

/** This tag's comments on the PR written by `author`, oldest run first. */
async function findPrevious(gh: GitHubClient, t: Target, tag: string, author: string): Promise<Previous[]> {
  const all = await gh.paginate(gh.rest.issues.listComments, { owner: t.owner, repo: t.repo, issue_number: t.issueNumber, per_page: 100 });
  const out: Previous[] = [];
  for (const c of all) {
    const p = toPrevious(c, tag, author);
    if (p) out.push(p);
  }
  return out.sort(byRun);
}

/** The comment as it is now; undefined when it is gone (deleted, or no longer this tag's). */
async function reread(gh: GitHubClient, t: Target, c: Previous): Promise<Previous | undefined> {
  try {
    const { data } = await gh.rest.issues.getComment({ owner: t.owner, repo: t.repo, comment_id: c.id });
    return toPrevious(data, c.stamp.tag, c.author);
  } catch (e) {
    if ((e as { status?: unknown }).status === 404) return undefined;
    throw e;
  }
}

/** Deletes a comment; one already deleted (by a run racing this one) is fine. */
async function removeComment(gh: GitHubClient, t: Target, id: number): Promise<void> {
  try {
    await gh.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: id });
  } catch (e) {
    if ((e as { status?: unknown }).status !== 404) throw e;
  }
}

async function create(gh: GitHubClient, t: Target, body: string): Promise<Previous> {
  const { data } = await gh.rest.issues.createComment({ owner: t.owner, repo: t.repo, issue_number: t.issueNumber, body });
  const stamp = parseMarker(body);
  return {
    id: data.id,
    nodeId: data.node_id,
    url: data.html_url,
    body,
    stamp: stamp ?? { tag: '', sha: '', runId: 0, runAttempt: 0 },
    author: data.user?.login ?? '',
  };
}
