import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import indexJson from './data/prices/index.json' with { type: 'json' };
import { InputError, oneLine } from '../plan/errors.js';
import { embedded, type Zod } from '../load/embedded.js';
import { productQuery } from './price-list.js';

/**
 * The price snapshot: USD prices per region under stable keys (see `description` in
 * data/prices/index.json), each naming its source. The embedded snapshot ships with the tool,
 * split per region: data/prices/index.json (date, sources, the regions it holds) is bundled, and
 * each region's prices (data/prices/<region>.json, copied beside the bundle by the build) are
 * read when a run first asks for a price there. A user price file with the one-file schema is
 * merged over it (per region and key), and an EDP discount applies to every price read.
 */
/**
 * The price files' schemas, made with the zod given: by `priceSchemas()` (src/cost/price-file.ts)
 * when a price file is read, and by the tests for the embedded snapshot (not at start).
 */
export function buildPriceSchemas(z: Zod) {
  const PriceEntrySchema = z.object({ usd: z.number().nonnegative(), src: z.string() }).strict();
  const SourceSchema = z.object({ description: z.string(), date: z.string() }).strict();

  const SnapshotSchema = z
    .object({
      schemaVersion: z.literal(1),
      snapshotDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      currency: z.literal('USD'),
      description: z.string().optional(),
      estimates: z
        .object({ spotDiscountPercent: z.object({ value: z.number().min(0).max(100), source: z.string(), date: z.string() }).strict() })
        .strict(),
      sources: z.record(z.string(), SourceSchema),
      regions: z.record(z.string(), z.record(z.string(), PriceEntrySchema)),
    })
    .strict();

  /** A user price file: the same schema, every part optional but `regions`. */
  const PriceFileSchema = SnapshotSchema.partial().required({ regions: true });

  /** The embedded snapshot's index (data/prices/index.json): everything but the prices, and the regions that have a file. */
  const SnapshotIndexSchema = SnapshotSchema.omit({ regions: true })
    .extend({ regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/)) })
    .strict();

  /** One region's file of the embedded snapshot (data/prices/<region>.json). */
  const RegionFileSchema = z
    .object({ schemaVersion: z.literal(1), region: z.string(), prices: z.record(z.string(), PriceEntrySchema) })
    .strict();
  return { PriceEntrySchema, SourceSchema, SnapshotSchema, PriceFileSchema, SnapshotIndexSchema, RegionFileSchema };
}

export type PriceSchemas = ReturnType<typeof buildPriceSchemas>;

export type Snapshot = z.infer<PriceSchemas['SnapshotSchema']>;
export type PriceEntry = z.infer<PriceSchemas['PriceEntrySchema']>;
export type RegionPrices = Readonly<Record<string, PriceEntry>>;
export type SnapshotIndex = z.infer<PriceSchemas['SnapshotIndexSchema']>;
export type PriceFile = z.infer<PriceSchemas['PriceFileSchema']>;

/** A snapshot as the price book reads it: its head, and a region's prices when asked. */
export interface PriceSnapshot extends Omit<Snapshot, 'regions'> {
  prices(region: string): RegionPrices | undefined;
}

/** Where the region files are: beside this module in the sources, beside the bundle in dist/. */
export const PRICES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data', 'prices');

const embeddedIndex: SnapshotIndex = embedded('prices/index.json', (z) => buildPriceSchemas(z).SnapshotIndexSchema, indexJson);

/** Reads a region's file of the embedded snapshot, once; only regions the index lists (a plan's region never names a path). */
function embeddedRegion(dir: string, index: SnapshotIndex, loaded: Map<string, RegionPrices | undefined>, region: string) {
  if (loaded.has(region)) return loaded.get(region);
  let prices: RegionPrices | undefined;
  if (index.regions.includes(region)) {
    const file = join(dir, `${region}.json`);
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new InputError(
        file,
        `the price snapshot's file for ${region} cannot be read (${(e as NodeJS.ErrnoException).code ?? oneLine(e)})`,
      );
    }
    // The files ship with the tool and are validated by the tests; a region file that does not
    // match its name is a broken build, not user input.
    const r = doc as z.infer<PriceSchemas['RegionFileSchema']>;
    if (r?.region !== region || typeof r.prices !== 'object') throw new InputError(file, `not the price snapshot's file for ${region}`);
    prices = r.prices;
  }
  loaded.set(region, prices);
  return prices;
}

/** The embedded snapshot of a directory laid out as data/prices (index and region files), regions read lazily. */
export function splitSnapshot(index: SnapshotIndex, dir: string): PriceSnapshot {
  const loaded = new Map<string, RegionPrices | undefined>();
  const { regions: _regions, ...head } = index;
  return { ...head, prices: (region) => embeddedRegion(dir, index, loaded, region) };
}

/** A snapshot held whole (a price file, one `pricing update` wrote) as the book reads it. */
export function wholeSnapshot(s: Snapshot): PriceSnapshot {
  const { regions, ...head } = s;
  return { ...head, prices: (region) => (Object.hasOwn(regions, region) ? regions[region] : undefined) };
}

export const embeddedSnapshot: PriceSnapshot = splitSnapshot(embeddedIndex, PRICES_DIR);

export interface Price {
  usd: number;
  /** Where the price comes from, with its date (and the discount applied). */
  source: string;
  /** Which kind of source: the AWS Price List API (with its date), the snapshot (with its date), or the price file. */
  origin: string;
}

/** A price read live from the AWS Price List Query API, with the publication date of its product. */
export interface LivePrice {
  usd: number;
  date: string;
}

/** Keys of the live prices, the price file's entries and the recorded lookups: region and key. */
export const priceId = (region: string, key: string): string => `${region} ${key}`;

export class PriceBook {
  constructor(
    readonly snapshot: PriceSnapshot,
    /** EDP or other negotiated discount, percent off every price. */
    readonly discountPercent = 0,
    /** Entries (priceId) that come from the user's price file rather than the embedded snapshot. */
    readonly fromFile: ReadonlySet<string> = new Set(),
    /** Prices read live from the AWS Price List API for this run (priceId → price); they win over the snapshot. */
    readonly live: ReadonlyMap<string, LivePrice> = new Map(),
    /** Keys asked of the live prices with no product found (priceId), for the reason of an unpriced item. */
    readonly liveMissing: ReadonlySet<string> = new Set(),
    /** When set, every lookup is recorded here (priceId): the prices a run needs. */
    readonly lookups?: Set<string>,
  ) {}

  get snapshotDate(): string {
    return this.snapshot.snapshotDate;
  }

  get defaultSpotDiscountPercent(): number {
    return this.snapshot.estimates.spotDiscountPercent.value;
  }

  /** The same book, recording every lookup into `lookups`. */
  recording(lookups: Set<string>): PriceBook {
    return new PriceBook(this.snapshot, this.discountPercent, this.fromFile, this.live, this.liveMissing, lookups);
  }

  /** The same book with live prices over its snapshot; `missing` names the keys the API has no product for. */
  withLive(live: ReadonlyMap<string, LivePrice>, missing: ReadonlySet<string>): PriceBook {
    return new PriceBook(this.snapshot, this.discountPercent, this.fromFile, live, missing);
  }

  /**
   * The price of a key in a region. `record: false` leaves the lookup out of the recorded ones (a
   * scan over many keys, such as every instance type a NodePool allows, that live prices should not fetch).
   */
  get(region: string, key: string, record = true): Price | undefined {
    if (record) this.lookups?.add(priceId(region, key));
    // A book never changes: each region's key is looked up once, and its price shared (frozen).
    let byKey = this.found.get(region);
    if (!byKey) {
      byKey = new Map();
      this.found.set(region, byKey);
    }
    let p = byKey.get(key);
    if (p === undefined && !byKey.has(key)) {
      p = this.lookup(region, key);
      byKey.set(key, p);
    }
    return p;
  }

  /** Prices looked up so far, per region and key (undefined: none). */
  private readonly found = new Map<string, Map<string, Price | undefined>>();

  private lookup(region: string, key: string): Price | undefined {
    const id = priceId(region, key);
    const l = this.live.get(id);
    if (l) {
      const origin = `AWS Price List API, ${l.date}`;
      return Object.freeze({ usd: this.discounted(l.usd), source: this.text(origin), origin });
    }
    const prices = this.snapshot.prices(region);
    const e = prices && Object.hasOwn(prices, key) ? prices[key]! : undefined;
    if (!e) return undefined;
    const origin = this.fromFile.has(id) ? 'price file' : `snapshot ${this.snapshot.snapshotDate}`;
    return Object.freeze({ usd: this.discounted(e.usd), source: this.sourceText(origin, e.src), origin });
  }

  /** Why a key has no price in a region: which sources were asked. */
  missingReason(region: string, key: string): string {
    const id = priceId(region, key);
    const where =
      this.fromFile.size > 0
        ? `the price snapshot of ${this.snapshotDate} or the price file`
        : `the price snapshot of ${this.snapshotDate}`;
    return this.liveMissing.has(id)
      ? `no price for ${key} in ${region} from the AWS Price List API or in ${where}`
      : `no price for ${key} in ${region} in ${where}`;
  }

  /** How to get a missing price: live prices when AWS lists it and this run read none; the snapshot's rebuild; a price file. */
  missingFix(region: string, key: string): string {
    const usual = `run \`container-plan-check pricing update\`, or add regions["${region}"]["${key}"] to a price file (cost.priceFile in the configuration)`;
    const liveHelps = this.live.size === 0 && this.liveMissing.size === 0 && productQuery(region, key) !== undefined;
    return liveHelps ? `give the run AWS credentials allowed pricing:GetProducts for live prices, ${usual}` : usual;
  }

  private discounted(usd: number): number {
    return this.discountPercent === 0 ? usd : usd * (1 - this.discountPercent / 100);
  }

  /** One text per source (every component priced from it shares the string). */
  private readonly sourceTexts = new Map<string, string>();
  private text(base: string): string {
    let text = this.sourceTexts.get(base);
    if (text === undefined) {
      text = this.discountPercent === 0 ? base : `${base}, less ${this.discountPercent}% discount`;
      this.sourceTexts.set(base, text);
    }
    return text;
  }

  private sourceText(origin: string, src: string): string {
    const s = Object.hasOwn(this.snapshot.sources, src) ? this.snapshot.sources[src]! : undefined;
    return this.text(`${origin}: ${s ? `${s.description} (${s.date})` : src}`);
  }
}

/** The user's file merged over the snapshot: its prices replace the snapshot's per region and key. */
export function mergeSnapshot(base: PriceSnapshot, over: PriceFile): PriceSnapshot {
  const merged = new Map<string, RegionPrices | undefined>();
  return {
    ...base,
    snapshotDate: over.snapshotDate ?? base.snapshotDate,
    sources: { ...base.sources, ...(over.sources ?? {}) },
    prices: (region) => {
      if (!merged.has(region)) {
        const mine = Object.hasOwn(over.regions, region) ? over.regions[region] : undefined;
        const theirs = base.prices(region);
        merged.set(region, mine ? { ...(theirs ?? {}), ...mine } : theirs);
      }
      return merged.get(region);
    },
  };
}

/** The price book for a user price file already read (`readPriceFile`, src/cost/price-file.ts) or none, and a discount: one per run. */
export function priceBook(file: PriceFile | undefined, discountPercent = 0): PriceBook {
  const snapshot = file ? mergeSnapshot(embeddedSnapshot, file) : embeddedSnapshot;
  const fromFile = new Set(
    Object.entries(file?.regions ?? {}).flatMap(([region, prices]) => Object.keys(prices).map((key) => priceId(region, key))),
  );
  return new PriceBook(snapshot, discountPercent, fromFile);
}
