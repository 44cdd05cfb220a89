import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { embeddedSnapshot, type Snapshot } from './prices.js';
import { priceSchemas } from './price-file.js';
import { escapeControl, InputError, oneLine } from '../plan/errors.js';
import { fileBytes, httpBytes, OfferScan, type OfferFilter } from './offer-stream.js';
import { KEY_ATTRIBUTES, keyOf, LIST, OFFER_CODES, onDemandUsd } from './price-list.js';
import { termSchema } from './live-item.js';
import { diffSummary, readSplitSnapshot } from './snapshot-diff.js';

/**
 * `container-plan-check pricing update`: rebuilds the price snapshot from the AWS Price List bulk
 * API (no credentials needed). It reads the offer index, then each offer's region index, then
 * the per-region offer files of AmazonECS, AmazonEKS, AmazonCloudWatch and AmazonEC2, and keeps the on-demand price
 * of every product whose usage type, once the region's prefix is taken off, is exactly one we
 * price. `--from-dir DIR` reads the same files from DIR, laid out as their URL paths. Offer files
 * are streamed (offer-stream.ts): only those products and their on-demand terms are decoded.
 */
const OfferIndex = z
  .object({
    publicationDate: z.string(),
    offers: z.record(z.string(), z.object({ offerCode: z.string(), currentRegionIndexUrl: z.string() }).loose()),
  })
  .loose();
const RegionIndex = z
  .object({ regions: z.record(z.string(), z.object({ regionCode: z.string(), currentVersionUrl: z.string() }).loose()) })
  .loose();
const OfferFile = z
  .object({
    offerCode: z.string(),
    version: z.string(),
    publicationDate: z.string(),
    products: z.record(
      z.string(),
      z.object({ sku: z.string(), productFamily: z.string().optional(), attributes: z.record(z.string(), z.string()) }).loose(),
    ),
    terms: z.object({ OnDemand: z.record(z.string(), z.record(z.string(), termSchema())).optional() }).loose(),
  })
  .loose();
type OfferFile = z.infer<typeof OfferFile>;

/** Where the Price List documents are read from, by URL path (`/offers/v1.0/aws/...`): the file or URL (for messages) and its bytes. */
export interface Source {
  where: (urlPath: string) => string;
  bytes: (urlPath: string) => AsyncIterable<Uint8Array>;
}

/**
 * The URL paths the Price List indexes name (`/offers/v1.0/aws/…/index.json`) are read only as
 * such: plain segments under the base, no `..`, no other host. A forged index cannot make
 * `--from-dir` read a file outside DIR, nor a download leave the Price List's host.
 */
export function checkUrlPath(urlPath: string, named: string): string {
  const segments = urlPath.split('/');
  if (
    !urlPath.startsWith('/') ||
    urlPath.startsWith('//') ||
    !/^[A-Za-z0-9._/-]+$/.test(urlPath) ||
    segments.some((s) => s === '..' || s === '.')
  ) {
    throw new InputError(
      named,
      `names the Price List path ${JSON.stringify(urlPath.slice(0, 80))}, which is not a plain path under the Price List's base (/offers/...)`,
    );
  }
  return urlPath;
}

export function dirSource(dir: string, chunkSize?: number): Source {
  const where = (urlPath: string) => join(dir, ...urlPath.split('/').filter(Boolean));
  return { where, bytes: (urlPath) => fileBytes(where(urlPath), chunkSize) };
}

export function httpSource(baseUrl = LIST.baseUrl): Source {
  const where = (urlPath: string) => `${baseUrl}${urlPath}`;
  return { where, bytes: (urlPath) => httpBytes(where(urlPath)) };
}

/** Reads a small Price List document (an offer or region index) whole. */
async function readJson(source: Source, urlPath: string): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source.bytes(urlPath)) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new InputError(source.where(urlPath), 'the Price List file is not valid JSON');
  }
}

function parse<T>(schema: z.ZodType<T>, doc: unknown, where: string, what: string): T {
  const r = schema.safeParse(doc);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new InputError(where, `not ${what}: ${i.path.join('.') || '(top level)'}: ${i.message}`);
  }
  return r.data;
}

/** Keeps the products of a region's offer that price a snapshot key, decided during the scan before a product is decoded. */
export function offerFilter(code: string, region: string): OfferFilter {
  return { attributes: KEY_ATTRIBUTES, keep: (p) => keyOf(code, region, p) !== undefined };
}

/**
 * Reads an offer file in one streaming pass (an AmazonEC2 one runs to several GB): the header,
 * the products that price a snapshot key, and their on-demand terms.
 */
async function readOffer(source: Source, url: string, code: string, region: string): Promise<OfferFile> {
  const scan = new OfferScan(source.bytes(url), source.where(url), offerFilter(code, region));
  const products: Record<string, unknown> = {};
  const onDemand: Record<string, unknown> = {};
  for await (const m of scan) (m.section === 'products' ? products : onDemand)[m.sku] = m.value;
  const has = (section: string) => scan.sections.has(section);
  const doc = {
    ...scan.header,
    products: has('products') ? products : undefined,
    terms: has('terms') ? { OnDemand: has('terms.OnDemand') ? onDemand : undefined } : undefined,
  };
  return parse(OfferFile, doc, url, `an AWS ${code} offer file`);
}

/** The on-demand price of a SKU: its first-tier dimension (beginRange 0) in USD. */
function onDemandPrice(offer: OfferFile, sku: string, where: string): number | undefined {
  return onDemandUsd(offer.terms.OnDemand?.[sku], (usd) => {
    throw new InputError(
      where,
      `terms.OnDemand.${sku.slice(0, 40)}: the USD price ${JSON.stringify(usd.slice(0, 40))} is not a plain decimal number`,
    );
  });
}

export interface UpdateResult {
  snapshot: Snapshot;
  warnings: string[];
}

/** Builds a snapshot from the Price List. `regions` limits the regions read (all by default). */
export async function buildSnapshot(source: Source, regions?: readonly string[]): Promise<UpdateResult> {
  const warnings: string[] = [];
  const index = parse(OfferIndex, await readJson(source, LIST.offerIndex), LIST.offerIndex, 'an AWS offer index');
  const out: Snapshot = {
    schemaVersion: 1,
    snapshotDate: index.publicationDate.slice(0, 10),
    currency: 'USD',
    ...(embeddedSnapshot.description ? { description: embeddedSnapshot.description } : {}),
    estimates: embeddedSnapshot.estimates,
    sources: {},
    regions: {},
  };
  for (const code of OFFER_CODES) {
    const offer = index.offers[code];
    if (!offer) throw new InputError(LIST.offerIndex, `the offer index has no ${code} offer`);
    const regionIndexUrl = checkUrlPath(offer.currentRegionIndexUrl, source.where(LIST.offerIndex));
    const ri = parse(RegionIndex, await readJson(source, regionIndexUrl), regionIndexUrl, 'an AWS region index');
    for (const region of Object.keys(ri.regions).sort()) {
      if (regions && !regions.includes(region)) continue;
      if (!(region in LIST.prefixes)) {
        warnings.push(`${code} ${region}: no usage-type prefix known for this region (src/cost/data/price-list.json); skipped`);
        continue;
      }
      const url = checkUrlPath(ri.regions[region]!.currentVersionUrl, source.where(regionIndexUrl));
      const file = await readOffer(source, url, code, region);
      const srcId = `${code}/${region}`;
      let found = 0;
      for (const sku of Object.keys(file.products).sort()) {
        const key = keyOf(code, region, file.products[sku]!);
        if (!key) continue;
        const usd = onDemandPrice(file, sku, source.where(url));
        if (usd === undefined) continue;
        const prices = (out.regions[region] ??= {});
        const prev = prices[key];
        if (prev && prev.usd !== usd)
          warnings.push(`${code} ${region}: ${key} has several on-demand prices (${prev.usd}, ${usd}); kept ${prev.usd}`);
        if (!prev) {
          prices[key] = { usd, src: srcId };
          found++;
        }
      }
      if (found > 0)
        out.sources[srcId] = {
          description: `AWS Price List, ${code} offer for ${region}, version ${file.version}`,
          date: file.publicationDate.slice(0, 10),
        };
    }
  }
  for (const [r, prices] of Object.entries(out.regions))
    out.regions[r] = Object.fromEntries(Object.entries(prices).sort(([a], [b]) => a.localeCompare(b)));
  out.regions = Object.fromEntries(Object.entries(out.regions).sort(([a], [b]) => a.localeCompare(b)));
  const checked = priceSchemas().SnapshotSchema.safeParse(out);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new InputError(
      source.where(LIST.offerIndex),
      `the Price List gives a snapshot that is not valid: ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  return { snapshot: checked.data, warnings };
}

/** The snapshot as JSON with one price per line, for readable diffs. */
export function formatSnapshot(s: Snapshot): string {
  const { regions, ...head } = s;
  const top = JSON.stringify(head, null, 1).slice(0, -2);
  const rs = Object.entries(regions).map(([r, prices]) => {
    const lines = Object.entries(prices).map(([k, e]) => `   ${JSON.stringify(k)}: ${JSON.stringify(e)}`);
    return `  ${JSON.stringify(r)}: {\n${lines.join(',\n')}\n  }`;
  });
  return `${top},\n "regions": {\n${rs.join(',\n')}\n }\n}\n`;
}

/** The split snapshot's index (data/prices/index.json): the head of the snapshot and the regions that have a file. */
export function formatIndex(s: Snapshot): string {
  const { regions, ...head } = s;
  return `${JSON.stringify({ ...head, regions: Object.keys(regions).sort() }, null, 1)}\n`;
}

/** One region's file of the split snapshot, one price per line. */
export function formatRegion(region: string, prices: Snapshot['regions'][string]): string {
  const lines = Object.entries(prices)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, e]) => `  ${JSON.stringify(k)}: ${JSON.stringify(e)}`);
  return `{\n "schemaVersion": 1,\n "region": ${JSON.stringify(region)},\n "prices": {\n${lines.join(',\n')}\n }\n}\n`;
}

const REGION_FILE = /^[a-z]{2}(-[a-z]+)+-\d+\.json$/;

/**
 * Writes the snapshot split per region into DIR (index.json and <region>.json, the layout of
 * src/cost/data/prices), replacing the region files of regions it no longer has. Each file is
 * written beside its place and renamed over it.
 */
export async function writeSplitSnapshot(s: Snapshot, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const put = async (name: string, text: string) => {
    await writeFile(join(dir, `${name}.tmp`), text);
    await rename(join(dir, `${name}.tmp`), join(dir, name));
  };
  for (const [region, prices] of Object.entries(s.regions)) await put(`${region}.json`, formatRegion(region, prices));
  for (const f of await readdir(dir)) if (REGION_FILE.test(f) && !Object.hasOwn(s.regions, f.slice(0, -5))) await rm(join(dir, f));
  await put('index.json', formatIndex(s));
}

export interface PricingIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const PRICING_USAGE = `Usage: container-plan-check pricing update [--from-dir DIR] [--out FILE | --out-dir DIR] [--region REGION]...
       container-plan-check pricing diff BEFORE_DIR AFTER_DIR

Rebuilds the price snapshot from the AWS Price List bulk API (offer index, region indexes, and
the per-region AmazonECS, AmazonEKS, AmazonCloudWatch and AmazonEC2 offer files).

Options:
  --from-dir DIR     read the Price List files from DIR, laid out as their URL paths
                     (DIR/offers/v1.0/aws/index.json ...), instead of downloading them
  --out FILE         write the snapshot to FILE (default: standard output); use it as
                     cost.priceFile in the configuration
  --out-dir DIR      write the snapshot split per region (DIR/index.json and
                     DIR/<region>.json), the layout the tool ships in
                     src/cost/data/prices; region files of regions no longer
                     listed are removed
  --region REGION    only this region (repeatable; default: every region)

pricing diff writes, in Markdown, what changed between two snapshots written with
--out-dir: the dates, per region the prices added, removed and changed, and the
largest changes (the body of the scheduled refresh's pull request).
`;

/** `pricing ...` subcommand; returns the exit code. */
export async function runPricing(argv: readonly string[], io: PricingIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'from-dir': { type: 'string' },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        region: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new InputError(undefined, `${oneLine(e).replace(/^TypeError( \[\w+\])?: /, '')} (see pricing --help)`);
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    io.stdout(PRICING_USAGE);
    return 0;
  }
  if (positionals[0] === 'diff' && positionals.length === 3) {
    io.stdout(diffSummary(readSplitSnapshot(positionals[1]!), readSplitSnapshot(positionals[2]!)));
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'update')
    throw new InputError(undefined, 'usage: container-plan-check pricing update [--from-dir DIR] [--out FILE] (see pricing --help)');
  if (o.out && o['out-dir']) throw new InputError(undefined, 'give --out or --out-dir, not both (see pricing --help)');
  const { snapshot, warnings } = await buildSnapshot(o['from-dir'] ? dirSource(o['from-dir']) : httpSource(), o.region);
  for (const w of warnings) io.stderr(`container-plan-check: ${escapeControl(w)}\n`);
  const target = o.out ?? o['out-dir'];
  if (target) {
    try {
      if (o.out) await writeFile(o.out, formatSnapshot(snapshot));
      else await writeSplitSnapshot(snapshot, target);
    } catch (e) {
      throw new InputError(target, `cannot write the snapshot (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const n = Object.values(snapshot.regions).reduce((a, p) => a + Object.keys(p).length, 0);
    io.stderr(
      `container-plan-check: wrote ${n} prices in ${Object.keys(snapshot.regions).length} regions (snapshot ${snapshot.snapshotDate}) to ${escapeControl(target)}\n`,
    );
  } else io.stdout(formatSnapshot(snapshot));
  return 0;
}
