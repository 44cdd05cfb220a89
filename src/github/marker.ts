/**
 * The hidden marker at the end of the sticky comment. The tag identifies the comment (several
 * workflows or stacks can keep separate comments on one PR); the commit SHA, run ID and run
 * attempt stamp which run wrote it, so that an older run never overwrites a newer run's comment.
 */
export interface Stamp {
  tag: string;
  sha: string;
  runId: number;
  runAttempt: number;
}

const NAME = 'container-plan-check';
// Anchored at a line start so that a quoted copy (`> <!-- …`) in someone's reply never matches.
const MARKER = /^<!-- container-plan-check tag=(\S+) sha=([0-9a-f]*) run=(\d+) attempt=(\d+) -->$/gm;

export function formatMarker(s: Stamp): string {
  return `\n<!-- ${NAME} tag=${encodeTag(s.tag)} sha=${s.sha.replace(/[^0-9a-f]/gi, '').toLowerCase()} run=${s.runId} attempt=${s.runAttempt} -->\n`;
}

/** The stamp of a comment body, from its last marker; undefined when it has none. */
export function parseMarker(body: string | undefined | null): Stamp | undefined {
  if (!body) return undefined;
  let last: RegExpExecArray | undefined;
  for (const m of body.matchAll(MARKER)) last = m;
  if (!last) return undefined;
  return { tag: decodeTag(last[1]!), sha: last[2]!, runId: Number(last[3]), runAttempt: Number(last[4]) };
}

/**
 * Whether two comment bodies say the same: equal but for the marker and the link to the run
 * that wrote them (a later run with the same report leaves the comment, and its link, alone).
 */
export function sameContent(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(MARKER, '')
      .replace(/\/actions\/runs\/\d+(\/attempts\/\d+)?/g, '/actions/runs/N')
      .trimEnd();
  return norm(a) === norm(b);
}

/** Whether `a` was written by a later run than `b` (run IDs grow; a re-run keeps its ID and counts up its attempt). */
export function isLaterRun(a: Stamp, b: Stamp): boolean {
  if (a.runId === 0 || b.runId === 0) return false;
  return a.runId > b.runId || (a.runId === b.runId && a.runAttempt > b.runAttempt);
}

function encodeTag(tag: string): string {
  return encodeURIComponent(tag.trim() || 'default');
}

function decodeTag(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
