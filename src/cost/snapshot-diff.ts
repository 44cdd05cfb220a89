import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../plan/errors.js';
import { priceSchemas } from './price-file.js';
import type { Snapshot } from './prices.js';

/**
 * `container-plan-check pricing diff BEFORE AFTER`: what a refresh of the split snapshot
 * (src/cost/data/prices) changed, as Markdown for the pull request the scheduled refresh opens:
 * the dates, per region the prices added, removed and changed, and the largest changes.
 */
function readJson<T>(file: string, schema: z.ZodType<T>, what: string): T {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code ? `cannot read ${what} (${code})` : `${what} is not valid JSON`);
  }
  const r = schema.safeParse(doc);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new InputError(file, `not ${what}: ${i.path.join('.') || '(top level)'}: ${i.message}`);
  }
  return r.data;
}

/** A split snapshot directory (index.json and one file per region) read whole. */
export function readSplitSnapshot(dir: string): Snapshot {
  const index = readJson(join(dir, 'index.json'), priceSchemas().SnapshotIndexSchema, "the price snapshot's index");
  const { regions, ...head } = index;
  const out: Snapshot = { ...head, regions: {} };
  for (const region of regions) {
    const file = join(dir, `${region}.json`);
    const doc = readJson(file, priceSchemas().RegionFileSchema, `the price snapshot's file for ${region}`);
    if (doc.region !== region) throw new InputError(file, `names the region ${JSON.stringify(doc.region.slice(0, 40))}, not ${region}`);
    out.regions[region] = doc.prices;
  }
  return out;
}

interface Change {
  region: string;
  key: string;
  before: number;
  after: number;
}

/** Markdown table cell text: no pipe, backtick or line break from the data. */
const cell = (s: string): string => s.replace(/[|`\r\n<>]/g, ' ');
const pct = (c: Change): number => (c.before === 0 ? Infinity : ((c.after - c.before) / c.before) * 100);

/** The diff summary of two snapshots, in Markdown. `top` bounds the list of largest changes. */
export function diffSummary(before: Snapshot, after: Snapshot, top = 25): string {
  const lines = [`## Price snapshot ${cell(before.snapshotDate)} → ${cell(after.snapshotDate)}`, ''];
  const regions = [...new Set([...Object.keys(before.regions), ...Object.keys(after.regions)])].sort();
  const rows: string[] = [];
  const changes: Change[] = [];
  let added = 0;
  let removed = 0;
  for (const region of regions) {
    const b = before.regions[region] ?? {};
    const a = after.regions[region] ?? {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    let add = 0;
    let rem = 0;
    let chg = 0;
    for (const key of keys) {
      const x = Object.hasOwn(b, key) ? b[key]!.usd : undefined;
      const y = Object.hasOwn(a, key) ? a[key]!.usd : undefined;
      if (x === undefined) add++;
      else if (y === undefined) rem++;
      else if (x !== y) {
        chg++;
        changes.push({ region, key, before: x, after: y });
      }
    }
    added += add;
    removed += rem;
    if (add + rem + chg > 0)
      rows.push(`| ${cell(region)} | ${Object.keys(b).length} | ${Object.keys(a).length} | ${add} | ${rem} | ${chg} |`);
  }
  if (rows.length === 0) {
    lines.push('No price changed.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${changes.length} prices changed, ${added} added, ${removed} removed, in ${rows.length} of ${regions.length} regions.`,
    '',
    '| Region | Prices before | Prices after | Added | Removed | Changed |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
  );
  if (changes.length > 0) {
    changes.sort((x, y) => Math.abs(pct(y)) - Math.abs(pct(x)) || x.region.localeCompare(y.region) || x.key.localeCompare(y.key));
    const shown = changes.slice(0, top);
    lines.push(
      '',
      changes.length > top ? `Largest changes (${top} of ${changes.length}):` : 'Changes:',
      '',
      '| Region | Price | Before (USD) | After (USD) | Change |',
      '|---|---|---:|---:|---:|',
      ...shown.map((c) => {
        const p = pct(c);
        const change = Number.isFinite(p) ? `${p > 0 ? '+' : ''}${p.toFixed(1)}%` : 'from 0';
        return `| ${cell(c.region)} | ${cell(c.key)} | ${c.before} | ${c.after} | ${change} |`;
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
