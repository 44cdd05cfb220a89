import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPatterns } from '../../src/glob.js';

describe('plan input: paths and globs, one per line', () => {
  const root = mkdtempSync(join(tmpdir(), 'cpc-glob-'));
  for (const f of ['stacks/a/plan.json', 'stacks/b/plan.json', 'stacks/b/deep/x/plan.json', 'stacks/b/notes.txt', 'top.json']) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '{}');
  }
  it('expands *, ** and ?, keeps plain paths, skips blanks and comments, removes duplicates', async () => {
    const got = await expandPatterns('stacks/*/plan.json\n\n# a comment\ntop.json\nstacks/**/plan.json\nmissing.json\nt?p.json\n', root);
    expect(got).toEqual(['stacks/a/plan.json', 'stacks/b/plan.json', 'top.json', 'stacks/b/deep/x/plan.json', 'missing.json']);
  });
  it('a glob that matches nothing is kept, so the run names it as missing', async () => {
    expect(await expandPatterns('nothing/*.json', root)).toEqual(['nothing/*.json']);
  });
});
