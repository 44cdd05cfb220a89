import type { Report } from '../report/schema.js';
import { tally } from '../report/tally.js';
import type { GitHubClient } from './client.js';
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
 * Publishes the sticky comment. Finds this tag's previous comments (every page of the PR's
 * comments), leaves a newer run's comment alone, skips the call when the text is unchanged, then
 * updates in place or posts anew (hiding or deleting the old one first, as the mode says).
 */
export async function publishSticky(gh: GitHubClient, t: Target, body: string, opts: StickyOptions): Promise<Outcome> {
  const previous = await findPrevious(gh, t, opts.stamp.tag);
  const last = previous.at(-1);
  if (!last) {
    if (!opts.wanted) return { action: 'not-needed' };
    return { action: 'created', url: await create(gh, t, body) };
  }
  if (isLaterRun(last.stamp, opts.stamp)) return { action: 'newer-run', url: last.url };
  if (sameContent(last.body, body)) return { action: 'unchanged', url: last.url };
  switch (opts.mode) {
    case 'update': {
      const { data } = await gh.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: last.id, body });
      return { action: 'updated', url: data.html_url };
    }
    case 'new':
      return { action: 'created', url: await create(gh, t, body) };
    case 'hide-and-new':
      await minimize(gh, opts.graphqlUrl, last.nodeId);
      return { action: 'created', url: await create(gh, t, body), replaced: 'hidden' };
    case 'delete-and-new':
      for (const c of previous) await gh.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: c.id });
      return { action: 'created', url: await create(gh, t, body), replaced: 'deleted' };
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
}

/** This tag's comments on the PR, oldest first. */
async function findPrevious(gh: GitHubClient, t: Target, tag: string): Promise<Previous[]> {
  const all = await gh.paginate(gh.rest.issues.listComments, { owner: t.owner, repo: t.repo, issue_number: t.issueNumber, per_page: 100 });
  const out: Previous[] = [];
  for (const c of all) {
    const stamp = parseMarker(c.body);
    if (stamp && stamp.tag === tag) out.push({ id: c.id, nodeId: c.node_id, url: c.html_url, body: c.body ?? '', stamp });
  }
  return out.sort((a, b) => a.id - b.id);
}

async function create(gh: GitHubClient, t: Target, body: string): Promise<string> {
  const { data } = await gh.rest.issues.createComment({ owner: t.owner, repo: t.repo, issue_number: t.issueNumber, body });
  return data.html_url;
}
