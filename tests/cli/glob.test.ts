import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import limits from '../../src/data/limits.json' with { type: 'json' };
import { expandPatterns } from '../../src/load/glob.js';

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

describe('plan globs over symbolic links', () => {
  const root = mkdtempSync(join(tmpdir(), 'cpc-glob-links-'));
  mkdirSync(join(root, 'stacks/a'), { recursive: true });
  writeFileSync(join(root, 'stacks/a/plan.json'), '{}');
  symlinkSync('..', join(root, 'stacks/a/loop')); // stacks/a/loop/a/loop/… for ever
  symlinkSync('a', join(root, 'stacks/b')); // a second name for stacks/a
  symlinkSync('plan.json', join(root, 'stacks/a/same.json')); // a second name for the plan

  it('a loop is walked once and each file is one plan, found by its first name', async () => {
    const started = Date.now();
    expect(await expandPatterns('stacks/**/*.json', root)).toEqual(['stacks/a/plan.json']);
    expect(await expandPatterns('stacks/**/plan.json\nstacks/b/plan.json\nstacks/a/loop/a/plan.json', root)).toEqual([
      'stacks/a/plan.json',
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a pattern matching more files than the limit is refused in one line', async () => {
    const many = mkdtempSync(join(tmpdir(), 'cpc-glob-many-'));
    for (let i = 0; i <= limits.globMaxMatches; i++) writeFileSync(join(many, `p${i}.json`), '{}');
    await expect(expandPatterns('*.json', many)).rejects.toThrow(
      `*.json: the pattern matches more than ${limits.globMaxMatches} files (src/data/limits.json); name the plans more narrowly`,
    );
  });

  it('a pattern looking into more directories than the limit is refused in one line', async () => {
    const wide = mkdtempSync(join(tmpdir(), 'cpc-glob-wide-'));
    for (let i = 0; i <= limits.globMaxDirectories; i++) mkdirSync(join(wide, `d${i}`));
    await expect(expandPatterns('**/plan.json', wide)).rejects.toThrow(
      `**/plan.json: the pattern looks into more than ${limits.globMaxDirectories} directories`,
    );
  });
});
