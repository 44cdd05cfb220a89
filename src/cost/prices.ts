import { z } from 'zod';
import embeddedJson from './data/prices.json' with { type: 'json' };
import { InputError } from '../plan/errors.js';
import limits from '../data/limits.json' with { type: 'json' };
import { readRegularFileSync } from '../files.js';
import { embedded } from '../embedded.js';
import { settle } from '../plan/compact.js';

/**
 * The price snapshot: USD prices per region under stable keys (see `description` in
 * data/prices.json), each naming its source. The embedded snapshot ships with the tool; a user
 * price file with the same schema is merged over it (per region and key), and an EDP discount
 * applies to every price read.
 */
export const PriceEntrySchema = z.object({ usd: z.number().nonnegative(), src: z.string() }).strict();
export const SourceSchema = z.object({ description: z.string(), date: z.string() }).strict();

export const SnapshotSchema = z
  .object({
    schemaVersion: z.literal(1),
    snapshotDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    currency: z.literal('USD'),
    description: z.string().optional(),
    estimates: z.object({ spotDiscountPercent: z.object({ value: z.number().min(0).max(100), source: z.string(), date: z.string() }).strict() }).strict(),
    sources: z.record(z.string(), SourceSchema),
    regions: z.record(z.string(), z.record(z.string(), PriceEntrySchema)),
  })
  .strict();
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** A user price file: the same schema, every part optional but `regions`. */
export const PriceFileSchema = SnapshotSchema.partial().required({ regions: true });

export const embeddedSnapshot: Snapshot = embedded('prices.json', SnapshotSchema, embeddedJson);

export interface Price {
  usd: number;
  /** Where the price comes from, with its date (and the discount applied). */
  source: string;
}

export class PriceBook {
  constructor(
    readonly snapshot: Snapshot,
    /** EDP or other negotiated discount, percent off every price. */
    readonly discountPercent = 0,
  ) {}

  get snapshotDate(): string {
    return this.snapshot.snapshotDate;
  }

  get defaultSpotDiscountPercent(): number {
    return this.snapshot.estimates.spotDiscountPercent.value;
  }

  get(region: string, key: string): Price | undefined {
    const prices = Object.hasOwn(this.snapshot.regions, region) ? this.snapshot.regions[region]! : undefined;
    const e = prices && Object.hasOwn(prices, key) ? prices[key]! : undefined;
    if (!e) return undefined;
    return { usd: this.discountPercent === 0 ? e.usd : e.usd * (1 - this.discountPercent / 100), source: this.sourceText(e.src) };
  }

  /** One text per source (every component priced from it shares the string). */
  private readonly sourceTexts = new Map<string, string>();
  private sourceText(src: string): string {
    let text = this.sourceTexts.get(src);
    if (text === undefined) {
      const s = Object.hasOwn(this.snapshot.sources, src) ? this.snapshot.sources[src]! : undefined;
      const base = s ? `${s.description} (${s.date})` : src;
      text = settle(this.discountPercent === 0 ? base : `${base}, less ${this.discountPercent}% discount`);
      this.sourceTexts.set(src, text);
    }
    return text;
  }
}

/** The user's file merged over the snapshot: its prices replace the snapshot's per region and key. */
export function mergeSnapshot(base: Snapshot, over: z.infer<typeof PriceFileSchema>): Snapshot {
  const regions: Snapshot['regions'] = { ...base.regions };
  for (const [region, prices] of Object.entries(over.regions)) regions[region] = { ...(regions[region] ?? {}), ...prices };
  return {
    ...base,
    snapshotDate: over.snapshotDate ?? base.snapshotDate,
    sources: { ...base.sources, ...(over.sources ?? {}) },
    regions,
  };
}

/** Reads and validates a price file; any problem is one line naming the file. */
export function readPriceFile(path: string): z.infer<typeof PriceFileSchema> {
  let text: string;
  try {
    text = readRegularFileSync(path, 'price file', limits.priceFileMaxBytes).toString('utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, `cannot read the price file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(path, 'the price file is not valid JSON');
  }
  const parsed = PriceFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(path, `not a price file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  for (const [region, prices] of Object.entries(parsed.data.regions)) {
    for (const [key, e] of Object.entries(prices)) {
      const known = Object.hasOwn(parsed.data.sources ?? {}, e.src) || Object.hasOwn(embeddedSnapshot.sources, e.src);
      if (!known) throw new InputError(path, `regions.${region}["${key}"].src "${e.src.slice(0, 60)}" is not described under sources`);
    }
  }
  return parsed.data;
}

const cache = new Map<string, PriceBook>();

/** The price book for a user price file (or none) and a discount; cached per combination. */
export function priceBook(priceFile: string | undefined, discountPercent = 0): PriceBook {
  const key = `${priceFile ?? ''}|${discountPercent}`;
  let book = cache.get(key);
  if (!book) {
    const snapshot = priceFile ? mergeSnapshot(embeddedSnapshot, readPriceFile(priceFile)) : embeddedSnapshot;
    book = new PriceBook(snapshot, discountPercent);
    cache.set(key, book);
  }
  return book;
}
