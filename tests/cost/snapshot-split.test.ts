import { mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { embeddedSnapshot, PriceBook, PRICES_DIR, splitSnapshot, type SnapshotIndex } from '../../src/cost/prices.js';
import { priceSchemas } from '../../src/cost/price-file.js';
import { formatIndex, formatRegion } from '../../src/cost/update.js';
import { estimate, resource } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/pricing');
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const { RegionFileSchema, SnapshotIndexSchema } = priceSchemas();
const index = SnapshotIndexSchema.parse(readJson(join(PRICES_DIR, 'index.json')));

describe('the embedded snapshot, split per region', () => {
  it('has one file per region the index lists, each valid, named for its region, its sources described', () => {
    const files = readdirSync(PRICES_DIR).filter((f) => f !== 'index.json');
    expect(files.sort()).toEqual(index.regions.map((r) => `${r}.json`).sort());
    for (const region of index.regions) {
      const doc = RegionFileSchema.parse(readJson(join(PRICES_DIR, `${region}.json`)));
      expect(doc.region).toBe(region);
      for (const [key, e] of Object.entries(doc.prices)) expect([key, Object.hasOwn(index.sources, e.src)]).toEqual([key, true]);
    }
  });

  it('is written in the format pricing update writes, so a refresh diffs line by line', () => {
    const regions = Object.fromEntries(index.regions.map((r) => [r, embeddedSnapshot.prices(r)!]));
    const { regions: _r, ...head } = index;
    expect(readFileSync(join(PRICES_DIR, 'index.json'), 'utf8')).toBe(formatIndex({ ...head, regions }));
    for (const r of index.regions) expect(readFileSync(join(PRICES_DIR, `${r}.json`), 'utf8')).toBe(formatRegion(r, regions[r]!));
  });

  it('reads a region file only when a price there is asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-split-'));
    const idx: SnapshotIndex = { ...index, regions: ['eu-west-1', 'us-east-1'] };
    writeFileSync(join(dir, 'eu-west-1.json'), formatRegion('eu-west-1', { 'ec2/m5.large/hour': { usd: 0.107, src: 'ec2-2023-01' } }));
    writeFileSync(join(dir, 'us-east-1.json'), 'not JSON: never read unless us-east-1 is priced');
    const book = new PriceBook(splitSnapshot(idx, dir));
    expect(book.get('eu-west-1', 'ec2/m5.large/hour')?.usd).toBe(0.107);
    expect(book.get('eu-west-1', 'ec2/m5.xlarge/hour')).toBeUndefined();
    // A region the index does not list is never looked for on disk, whatever its name.
    expect(book.get('../../etc/passwd', 'ec2/m5.large/hour')).toBeUndefined();
    expect(book.get('ap-south-2', 'ec2/m5.large/hour')).toBeUndefined();
    expect(() => book.get('us-east-1', 'ec2/m5.large/hour')).toThrow(
      `${join(dir, 'us-east-1.json')}: the price snapshot's file for us-east-1 cannot be read`,
    );
  });

  it('prices a plan from its region file, and leaves a region with no EKS price unpriced with the reason', () => {
    const cluster = { address: 'aws_eks_cluster.prod', after: { name: 'prod', version: '1.35' } };
    const inEu = estimate([cluster], { spec: { region: 'eu-central-1' } });
    expect(resource(inEu, 'aws_eks_cluster.prod').components[0]).toMatchObject({
      unitPrice: embeddedSnapshot.prices('eu-central-1')!['eks/cluster-hour']!.usd,
    });
    const nowhere = estimate([cluster], { spec: { region: 'ap-southeast-4' } });
    expect(embeddedSnapshot.prices('ap-southeast-4')?.['eks/cluster-hour']).toBeUndefined();
    expect(resource(nowhere, 'aws_eks_cluster.prod').monthlyAfter).toBeNull();
    expect(resource(nowhere, 'aws_eks_cluster.prod').unpriced.map((u) => u.reason)).toContain(
      `no price for eks/cluster-hour in ap-southeast-4 in the price snapshot of ${embeddedSnapshot.snapshotDate}`,
    );
  });
});

describe('pricing update --out-dir', () => {
  it('writes the index and one file per region from offer files of several regions; each EKS price is its region’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-split-'));
    writeFileSync(join(dir, 'sa-east-1.json'), 'a region the new snapshot no longer has');
    writeFileSync(join(dir, 'README.md'), 'not a region file');
    let err = '';
    const code = await runCli(['pricing', 'update', '--from-dir', join(FIXTURES, 'price-list'), '--out-dir', dir], {
      stdout: () => {},
      stderr: (s) => (err += s),
      today: () => '2026-11-22',
    });
    expect(code).toBe(0);
    expect(err).toContain(`wrote 43 prices in 4 regions (snapshot 2025-11-06) to ${dir}`);
    const expected = readJson(join(FIXTURES, 'expected-snapshot.json')) as { regions: Record<string, unknown> };
    expect(readdirSync(dir).sort()).toEqual([
      'README.md',
      'ap-southeast-2.json',
      'eu-central-1.json',
      'eu-west-1.json',
      'index.json',
      'us-east-1.json',
    ]);
    const idx = SnapshotIndexSchema.parse(readJson(join(dir, 'index.json')));
    expect(idx.regions).toEqual(['ap-southeast-2', 'eu-central-1', 'eu-west-1', 'us-east-1']);
    expect(idx.snapshotDate).toBe('2025-11-06');
    for (const r of idx.regions) expect(RegionFileSchema.parse(readJson(join(dir, `${r}.json`))).prices).toEqual(expected.regions[r]);
    // The EKS rows of each region's own offer: ap-southeast-2 lists no extended-support row, so it has no such price.
    const snap = splitSnapshot(idx, dir);
    expect(snap.prices('eu-central-1')!['eks/cluster-hour']).toEqual({ usd: 0.1, src: 'AmazonEKS/eu-central-1' });
    expect(snap.prices('ap-southeast-2')!['eks/cluster-hour']).toEqual({ usd: 0.1, src: 'AmazonEKS/ap-southeast-2' });
    expect(snap.prices('ap-southeast-2')!['eks/extended-support-hour']).toBeUndefined();
    expect(snap.prices('eu-central-1')!['ec2/m5.large/hour']).toEqual({ usd: 0.115, src: 'AmazonEC2/eu-central-1' });
  });

  it('refuses --out with --out-dir in one line', async () => {
    let err = '';
    const code = await runCli(['pricing', 'update', '--from-dir', join(FIXTURES, 'price-list'), '--out', 'a.json', '--out-dir', 'b'], {
      stdout: () => {},
      stderr: (s) => (err += s),
      today: () => '2026-11-22',
    });
    expect(code).toBe(2);
    expect(err).toBe('container-plan-check: give --out or --out-dir, not both (see pricing --help)\n');
  });

  it('a copy of the shipped directory reads the same prices as the shipped one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-split-'));
    cpSync(PRICES_DIR, dir, { recursive: true });
    expect(existsSync(join(dir, 'us-east-1.json'))).toBe(true);
    const copy = splitSnapshot(index, dir);
    for (const r of index.regions) expect(copy.prices(r)).toEqual(embeddedSnapshot.prices(r));
  });
});

describe('pricing diff', () => {
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(['pricing', 'diff', ...args], {
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
      today: () => '2026-11-22',
    });
    return { code, out, err };
  };
  const update = async (dir: string, fromDir = join(FIXTURES, 'price-list')) => {
    expect(
      await runCli(['pricing', 'update', '--from-dir', fromDir, '--out-dir', dir], {
        stdout: () => {},
        stderr: () => {},
        today: () => '2026-11-22',
      }),
    ).toBe(0);
  };

  it('summarises what a refresh changed: dates, per region counts, the changes by size', async () => {
    const before = mkdtempSync(join(tmpdir(), 'cpc-diff-'));
    const after = mkdtempSync(join(tmpdir(), 'cpc-diff-'));
    await update(before);
    await update(after);
    // The refreshed snapshot: eu-central-1 m5.large up 10%, one io1 price gone, a new region, a new date.
    const idx = SnapshotIndexSchema.parse(readJson(join(after, 'index.json')));
    writeFileSync(join(after, 'index.json'), formatIndexOf({ ...idx, snapshotDate: '2025-12-04', regions: [...idx.regions, 'sa-east-1'] }));
    const euc1 = RegionFileSchema.parse(readJson(join(after, 'eu-central-1.json')));
    writeFileSync(
      join(after, 'eu-central-1.json'),
      formatRegion('eu-central-1', { ...euc1.prices, 'ec2/m5.large/hour': { usd: 0.1265, src: 'AmazonEC2/eu-central-1' } }),
    );
    const use1 = RegionFileSchema.parse(readJson(join(after, 'us-east-1.json')));
    const { 'ebs/io1/gb-month': _gone, ...rest } = use1.prices;
    expect(_gone).toBeDefined();
    writeFileSync(join(after, 'us-east-1.json'), formatRegion('us-east-1', rest));
    writeFileSync(
      join(after, 'sa-east-1.json'),
      formatRegion('sa-east-1', { 'eks/cluster-hour': { usd: 0.1, src: 'AmazonEKS/eu-west-1' } }),
    );
    const r = await run([before, after]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '## Price snapshot 2025-11-06 → 2025-12-04',
        '',
        '1 prices changed, 1 added, 1 removed, in 3 of 5 regions.',
        '',
        '| Region | Prices before | Prices after | Added | Removed | Changed |',
        '|---|---:|---:|---:|---:|---:|',
        '| eu-central-1 | 5 | 5 | 0 | 0 | 1 |',
        '| sa-east-1 | 0 | 1 | 1 | 0 | 0 |',
        `| us-east-1 | ${Object.keys(use1.prices).length} | ${Object.keys(rest).length} | 0 | 1 | 0 |`,
        '',
        'Changes:',
        '',
        '| Region | Price | Before (USD) | After (USD) | Change |',
        '|---|---|---:|---:|---:|',
        '| eu-central-1 | ec2/m5.large/hour | 0.115 | 0.1265 | +10.0% |',
        '',
      ].join('\n'),
    );
    expect((await run([before, before])).out).toBe('## Price snapshot 2025-11-06 → 2025-11-06\n\nNo price changed.\n');
  });

  it('names a directory that is not a split snapshot in one line, exit 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cpc-diff-'));
    const r = await run([empty, PRICES_DIR]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`container-plan-check: ${join(empty, 'index.json')}: cannot read the price snapshot's index (ENOENT)\n`);
  });
});

/** The index of a split snapshot as pricing update writes it. */
function formatIndexOf(idx: SnapshotIndex): string {
  const { regions, ...head } = idx;
  return formatIndex({ ...head, regions: Object.fromEntries(regions.map((r) => [r, {}])) });
}
