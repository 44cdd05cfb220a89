import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

/**
 * Expands the action's `plan` input: paths or globs, one per line (`*`, `?`, `**`).
 * A line without glob characters is kept as given, so a missing file is reported by name.
 */
export async function expandPatterns(input: string, cwd = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  for (const raw of input.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (!/[*?[]/.test(line)) {
      if (!out.includes(line)) out.push(line);
      continue;
    }
    const matches = await glob(line, cwd);
    if (matches.length === 0) out.push(line); // reported as "no such file"
    for (const m of matches) if (!out.includes(m)) out.push(m);
  }
  return out;
}

async function glob(pattern: string, cwd: string): Promise<string[]> {
  const parts = pattern.split('/');
  const absolute = pattern.startsWith('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?[]/.test(parts[0]!)) fixed.push(parts.shift()!);
  const base = absolute ? fixed.join('/') || '/' : fixed.join('/');
  const root = resolve(cwd, base || '.');
  const re = toRegExp(parts.join('/'));
  const found: string[] = [];
  await walk(root, '', re, parts.includes('**') ? 64 : parts.length, found);
  return found.sort().map((rel) => (base ? `${base.replace(/\/$/, '')}/${rel}` : rel));
}

async function walk(dir: string, rel: string, re: RegExp, depth: number, out: string[]): Promise<void> {
  if (depth <= 0 || out.length > 10_000) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) isDir = (await stat(full).catch(() => undefined))?.isDirectory() ?? false;
    if (isDir) await walk(full, r, re, depth - 1, out);
    else if (re.test(r.split(sep).join('/'))) out.push(r);
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
