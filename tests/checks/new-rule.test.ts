import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newRule } from '../../scripts/new-rule.js';
import { RULES } from '../../src/checks/registry.js';

const ROOT = resolve(import.meta.dirname, '../..');
let dir = '';

/** A copy of what the scaffolder edits. */
function copy(): string {
  dir = mkdtempSync(join(tmpdir(), 'new-rule-'));
  for (const p of ['README.md', 'docs/rules/README.md', 'src/checks/rules/eks/index.ts'])
    cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  return dir;
}
const read = (p: string) => readFileSync(join(dir, p), 'utf8');

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('npm run new-rule', () => {
  it('writes the rule, its test, its docs page, the index row, the group entry and the counts', () => {
    const root = copy();
    const written = newRule(['eks', 'EKS_NEW_THING', '--severity', 'warning', '--root', root]);
    expect(written).toHaveLength(6);
    const rule = read('src/checks/rules/eks/EKS_NEW_THING.ts');
    expect(rule).toContain("id: 'EKS_NEW_THING'");
    expect(rule).toContain("severity: 'warning'");
    expect(rule).toContain("types: ['aws_eks_node_group']");
    expect(rule).toContain('reads: [],');
    const test = read('tests/checks/eks/EKS_NEW_THING.test.ts');
    expect(test).toContain("it('reports the failing case'");
    expect(test).toContain("it('accepts the passing case'");
    const page = read('docs/rules/EKS_NEW_THING.md');
    expect(page.split('\n')[0]).toMatch(/^# EKS_NEW_THING\b/);
    for (const s of ['## What it checks', '## Why', '## Example', '## How to fix', 'Fails:', 'Passes:', '**Severity:** warning'])
      expect(page).toContain(s);
    const index = read('src/checks/rules/eks/index.ts');
    expect(index).toContain("import { EKS_NEW_THING } from './EKS_NEW_THING.js';");
    expect(index).toMatch(/\n {2}EKS_NEW_THING,\n\];/);
    const docs = read('docs/rules/README.md');
    const row = docs.split('\n').findIndex((l) => l.startsWith('| [EKS_NEW_THING](EKS_NEW_THING.md) | warning | `aws_eks_node_group` |'));
    expect(row).toBeGreaterThan(0);
    // In the EKS table: the row before is an EKS rule's.
    expect(docs.split('\n')[row - 1]).toMatch(/^\| \[EKS_/);
    expect(docs).toContain(`runs ${RULES.length + 1} rules over`);
    expect(read('README.md')).toMatch(new RegExp(`^${RULES.length + 1} rules catch what`, 'm'));
  });

  it('refuses an unknown group, a bad ID and a rule that exists, with one line', () => {
    const root = copy();
    expect(() => newRule(['nope', 'X_Y', '--root', root])).toThrow('no rule group "nope"');
    expect(() => newRule(['eks', 'lower', '--root', root])).toThrow('is not a rule ID');
    newRule(['eks', 'EKS_NEW_THING', '--root', root]);
    expect(() => newRule(['eks', 'EKS_NEW_THING', '--root', root])).toThrow('exists already');
  });
});
