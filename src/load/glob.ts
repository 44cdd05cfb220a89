import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import limits from '../data/limits.json' with { type: 'json' };
import { InputError } from '../plan/errors.js';

/**
 * Expands the action's `plan` input: paths or globs, one per line (`*`, `?`, `**`).
 * A line without glob characters is kept as given, so a missing file is reported by name.
 */
export async function expandPatterns(input: string, cwd = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  // One file is one plan, however many paths lead to it (symbolic links, `a/../a`).
  const seen = new Set<string>();
  const add = async (path: string) => {
    const real = await realpath(resolve(cwd, path)).catch(() => resolve(cwd, path));
    if (seen.has(real)) return;
    seen.add(real);
    out.push(path);
  };
  for (const raw of input.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (!/[*?[]/.test(line)) {
      await add(line);
      continue;
    }
    const matches = await glob(line, cwd);
    if (matches.length === 0) out.push(line); // reported as "no such file"
    for (const m of matches) await add(m);
  }
  return out;
}

/** How far one pattern may look (src/data/limits.json). */
interface Walk {
  pattern: string;
  re: RegExp;
  /** Real paths of the directories entered: none is entered twice (symbolic link loops). */
  visited: Set<string>;
  found: string[];
}

async function glob(pattern: string, cwd: string): Promise<string[]> {
  const parts = pattern.split('/');
  const absolute = pattern.startsWith('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?[]/.test(parts[0]!)) fixed.push(parts.shift()!);
  const base = absolute ? fixed.join('/') || '/' : fixed.join('/');
  const root = resolve(cwd, base || '.');
  const w: Walk = { pattern, re: toRegExp(parts.join('/')), visited: new Set(), found: [] };
  await walk(w, root, '', parts.includes('**') ? 64 : parts.length);
  return w.found.sort().map((rel) => (base ? `${base.replace(/\/$/, '')}/${rel}` : rel));
}

async function walk(w: Walk, dir: string, rel: string, depth: number): Promise<void> {
  if (depth <= 0) return;
  const real = await realpath(dir).catch(() => undefined);
  if (real === undefined || w.visited.has(real)) return;
  w.visited.add(real);
  if (w.visited.size > limits.globMaxDirectories) {
    throw new InputError(
      w.pattern,
      `the pattern looks into more than ${limits.globMaxDirectories} directories (src/data/limits.json); name the plans' directories more narrowly`,
    );
  }
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) isDir = (await stat(full).catch(() => undefined))?.isDirectory() ?? false;
    if (isDir) await walk(w, full, r, depth - 1);
    else if (w.re.test(r.split(sep).join('/'))) {
      w.found.push(r);
      if (w.found.length > limits.globMaxMatches) {
        throw new InputError(
          w.pattern,
          `the pattern matches more than ${limits.globMaxMatches} files (src/data/limits.json); name the plans more narrowly`,
        );
      }
    }
  }
}

function toRegExp(glob: string): RegExp {
  let s = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      s += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') s += '[^/]*';
    else if (c === '?') s += '[^/]';
    else s += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${s}$`);
}
