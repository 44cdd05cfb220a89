import { basename, isAbsolute, relative, sep } from 'node:path';
import type { PlanReport, Report } from './schema.js';

/**
 * A plan path as a reviewer reads it: relative to the workspace (GITHUB_WORKSPACE, else the
 * working directory), never the runner's absolute path. A path outside the workspace keeps only
 * its file name.
 */
export function shownPath(path: string, workspace: string = process.env.GITHUB_WORKSPACE || process.cwd()): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(workspace, path);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  return `…/${basename(path)}`;
}

/** The label of a plan in the Markdown report: its stack name, else its path as shown. */
export function shownLabel(p: PlanReport): string {
  return p.name ?? shownPath(p.path);
}

/** A text that may name plan paths (a gate reason, a plan's error) with each path as shown. */
export function withShownPaths(text: string, report: Report): string {
  let t = text;
  for (const p of report.plans) {
    const shown = shownPath(p.path);
    if (shown !== p.path) t = t.split(p.path).join(shown);
  }
  return t;
}

/** A plan's error without the plan path it starts with (the path is shown beside it). */
export function errorOf(p: PlanReport): string {
  const e = p.error ?? '';
  return e.startsWith(`${p.path}: `) ? e.slice(p.path.length + 2) : e;
}
