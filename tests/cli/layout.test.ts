import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The source files a module imports at run time, transitively (relative imports; `import type` is erased). */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) {
      visit(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
    }
  };
  visit(resolve(ROOT, entry));
  return new Set([...seen].map((f) => relative(ROOT, f).split('\\').join('/')));
}

describe('entry points', () => {
  it('the action does not load the CLI; both share src/engine/options.ts', () => {
    const action = closure('src/action/index.ts');
    expect(action.has('src/action/main.ts')).toBe(true);
    expect(action.has('src/engine/options.ts')).toBe(true);
    expect([...action].filter((f) => f.startsWith('src/cli/'))).toEqual([]);
    const cli = closure('src/cli/index.ts');
    expect(cli.has('src/cli/main.ts')).toBe(true);
    expect(cli.has('src/engine/options.ts')).toBe(true);
    expect([...cli].filter((f) => f.startsWith('src/action/'))).toEqual([]);
  });
});
