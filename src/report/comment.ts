import { count } from './format.js';
import { renderDocument } from './markdown.js';
import type { Report } from './schema.js';

/** GitHub rejects an issue or PR comment body over 65,536 characters (HTTP 422). */
export const COMMENT_LIMIT = 65_536;

export interface CommentOptions {
  /** The hidden marker that identifies the sticky comment; counted in the limit. */
  marker: string;
  /** The job summary of this run, linked from the footer and from a shortened comment. */
  fullReportUrl?: string;
  /** Base URL of rule docs pages. */
  linkBase?: string;
}

/**
 * The PR comment: the same document as the job summary, folded, within GitHub's limit. A body
 * over the limit is shortened by priority (details first, the summary line never) and says so.
 * Lengths are counted in UTF-16 code units, which is never less than GitHub's character count.
 */
export function renderComment(report: Report, opts: CommentOptions): string {
  return renderDocument(report, {
    limit: COMMENT_LIMIT,
    measure: (s) => s.length,
    limitName: `${count(COMMENT_LIMIT)}-character comment limit`,
    suffix: opts.marker,
    open: false,
    mode: 'comment',
    fullReportUrl: opts.fullReportUrl,
    linkBase: opts.linkBase,
  });
}
