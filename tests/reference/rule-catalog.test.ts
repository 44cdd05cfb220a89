import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/checks/registry.js';
import { REFERENCE } from './paths.js';

/** The rule IDs of sections 1–5 of the catalog: the first upper-case ID in each table row's first cell. */
function catalogIds(md: string): Map<number, string[]> {
  const ids = new Map<number, string[]>();
  let section = 0;
  for (const line of md.split('\n')) {
    const h = /^## (\d+)\./.exec(line);
    if (h) section = Number(h[1]);
    else if (line.startsWith('## ')) section = 0;
    if (section < 1 || section > 5 || !line.startsWith('|')) continue;
    const first = line.split('|')[1] ?? '';
    const id = /`?\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b`?/.exec(first)?.[1];
    if (id) ids.set(section, [...(ids.get(section) ?? []), id]);
  }
  return ids;
}

describe('rule catalog', () => {
  it('every rule ID in sections 1–5 of the rule catalog is registered', () => {
    const bySection = catalogIds(readFileSync(resolve(REFERENCE, 'rule-catalog.md'), 'utf8'));
    expect([...bySection.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    const all = [...bySection.values()].flat();
    expect(all.length).toBeGreaterThanOrEqual(45);
    const ids = new Set(RULES.map((r) => r.id));
    expect(all.filter((id) => !ids.has(id))).toEqual([]);
  });
});
