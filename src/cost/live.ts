import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { itemSchema } from './live-item.js';
import { keyOf, onDemandUsd, productQuery } from './price-list.js';
import type { LivePrice } from './prices.js';
import { oneLine } from '../plan/errors.js';

/**
 * Live prices: the prices a run needs, read from the AWS Price List Query API (`GetProducts`)
 * with the job's AWS credentials, and kept in an optional cache file. Estimators never see where
 * a price came from: the run collects the keys it needs, these are fetched, and the run's price
 * book holds them over the snapshot. Whatever goes wrong (no credentials, no permission, no
 * network, a timeout) leaves the snapshot's prices and one note; it never fails the run.
 */
export const PRICE_MODES = ['auto', 'live', 'snapshot'] as const;
export type PriceMode = (typeof PRICE_MODES)[number];

/** The permission the live prices need. */
export const PERMISSION = 'pricing:GetProducts';

/** One product query: the service and the exact attribute values (TERM_MATCH filters). */
export interface ProductQuery {
  serviceCode: string;
  attributes: Record<string, string>;
}

/** Runs a query over every page and gives the `PriceList` items (each a JSON string). */
export type Querier = (q: ProductQuery, signal: AbortSignal) => Promise<string[]>;

export interface LiveOptions {
  mode: PriceMode;
  /** A JSON file of prices already read: read first, written back with the new ones. */
  cacheFile?: string;
  /** Per request: connection and answer, each (default 5 s). */
  requestTimeoutMs?: number;
  /** All the requests of the run together (default 30 s). */
  totalTimeoutMs?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Where credentials are looked for (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Today (YYYY-MM-DD), by the clock: the date of fetched prices and the age of cached ones. */
  today?: string;
  /** Replaces the AWS SDK (tests). */
  querier?: Querier;
}

/** Cached prices older than this are asked again. */
const CACHE_DAYS = 31;

type ItemSchema = ReturnType<typeof itemSchema>;
/** The item schema: zod is loaded when AWS first answers a price query (live prices only). */
async function loadItemSchema(): Promise<ItemSchema> {
  return (await import('./live-item.js')).itemSchema();
}

/** A price known: its price and date, or that AWS has no such product; and when it was fetched. */
type CacheEntry = { usd: number; date: string; fetched: string } | { none: true; fetched: string };
interface CacheFile {
  schemaVersion: 1;
  description?: string;
  prices: Record<string, CacheEntry>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Only the given keys, each of them or of `optional` present. */
const onlyKeys = (o: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): boolean =>
  required.every((k) => Object.hasOwn(o, k)) && Object.keys(o).every((k) => required.includes(k) || optional.includes(k));

/** A cached price, its keys in the order the cache writes them; undefined when it is not one. */
function cacheEntry(e: unknown): CacheEntry | undefined {
  if (!isObject(e) || typeof e.fetched !== 'string') return undefined;
  if (onlyKeys(e, ['usd', 'date', 'fetched'])) {
    const ok = typeof e.usd === 'number' && Number.isFinite(e.usd) && e.usd >= 0 && typeof e.date === 'string';
    return ok ? { usd: e.usd as number, date: e.date as string, fetched: e.fetched } : undefined;
  }
  return onlyKeys(e, ['none', 'fetched']) && e.none === true ? { none: true, fetched: e.fetched } : undefined;
}

/**
 * The price cache file's contents when it is one: `{ schemaVersion: 1, description?, prices }`,
 * each price `{ usd, date, fetched }` or `{ none: true, fetched }`, no other keys. Plain code, so
 * that reading the cache does not load zod.
 */
function cacheFile(doc: unknown): CacheFile | undefined {
  if (!isObject(doc) || !onlyKeys(doc, ['schemaVersion', 'prices'], ['description'])) return undefined;
  if (doc.schemaVersion !== 1 || (doc.description !== undefined && typeof doc.description !== 'string')) return undefined;
  const prices = doc.prices;
  if (!isObject(prices)) return undefined;
  const out: Record<string, CacheEntry> = {};
  for (const [id, e] of Object.entries(prices)) {
    if (id === '__proto__') continue;
    const entry = cacheEntry(e);
    if (!entry) return undefined;
    out[id] = entry;
  }
  return { schemaVersion: 1, ...(doc.description !== undefined ? { description: doc.description } : {}), prices: out };
}

/** What a failed request says about the live prices as a whole. */
interface Failure {
  /** Why, for the note. */
  why: string;
  /** Whether adding the permission would help. */
  permission: boolean;
}

export class LivePrices {
  private readonly env: NodeJS.ProcessEnv;
  private readonly today: string;
  /** Prices known (from the cache or fetched): a price, or null when AWS has no such product. */
  private readonly known = new Map<string, CacheEntry>();
  private readonly pending = new Map<string, Promise<void>>();
  private fetched = 0;
  private failure: Failure | undefined;
  private cacheProblem: string | undefined;
  private querier: Querier | undefined;
  private overall: AbortSignal | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Why live prices are not asked for (auto without credentials, snapshot), or undefined when they are. */
  readonly off: string | undefined;

  constructor(readonly options: LiveOptions) {
    this.env = options.env ?? process.env;
    this.today = options.today ?? new Date().toISOString().slice(0, 10);
    this.off =
      options.mode === 'snapshot'
        ? 'prices: snapshot'
        : options.mode === 'auto' && !options.querier && !credentialsConfigured(this.env)
          ? 'no AWS credentials were found'
          : undefined;
    if (options.mode !== 'snapshot' && options.cacheFile) this.readCache(options.cacheFile);
  }

  /** Whether a run should collect its keys and call `resolve` (live prices asked, or a cache to read). */
  get used(): boolean {
    return this.options.mode !== 'snapshot' && (this.off === undefined || this.known.size > 0);
  }

  /**
   * The live prices of the given keys (priceId), from the cache or AWS, and the keys AWS has no
   * product for. Keys no Price List product gives (or that failed) are left out: the snapshot
   * prices them, or they stay unpriced.
   */
  async resolve(ids: Iterable<string>): Promise<{ live: Map<string, LivePrice>; missing: Set<string> }> {
    const wanted = [...new Set(ids)];
    if (this.off === undefined) await Promise.all(wanted.map((id) => this.fetchOnce(id)));
    const live = new Map<string, LivePrice>();
    const missing = new Set<string>();
    for (const id of wanted) {
      const e = this.known.get(id);
      if (!e) continue;
      if ('none' in e) missing.add(id);
      else live.set(id, { usd: e.usd, date: e.date });
    }
    return { live, missing };
  }

  /**
   * What the run says about its prices, once: `warnings` when live prices were wanted but could
   * not be read (no permission, no answer, a bad cache file), `notes` when they were not asked for
   * (auto mode without credentials).
   */
  report(snapshotDate: string): { warnings: string[]; notes: string[] } {
    const warnings: string[] = [];
    const notes: string[] = [];
    if (this.cacheProblem) warnings.push(this.cacheProblem);
    if (this.options.mode === 'snapshot') return { warnings, notes };
    const snap = `prices from the snapshot of ${snapshotDate}`;
    if (this.off !== undefined) {
      notes.push(
        `${snap}: ${this.off} for live prices from the AWS Price List API (they need ${PERMISSION}; prices: snapshot silences this note)`,
      );
    } else if (this.failure) {
      const fix = this.failure.permission
        ? `; allow ${PERMISSION} to the job's AWS credentials (AWS's ReadOnlyAccess policy includes it)`
        : '';
      warnings.push(
        `${this.options.mode === 'live' ? 'live prices were asked for but ' : ''}the AWS Price List API could not be used (${this.failure.why}): ${snap}${fix}`,
      );
    }
    return { warnings, notes };
  }

  /** Writes the cache file when new prices were fetched. A failure to write is a note, never an error. */
  async save(): Promise<string | undefined> {
    const file = this.options.cacheFile;
    if (!file || this.fetched === 0) return undefined;
    const prices = Object.fromEntries([...this.known].sort(([a], [b]) => a.localeCompare(b)));
    const doc = {
      schemaVersion: 1,
      description: 'Prices read from the AWS Price List API by container-plan-check (key: region and price key)',
      prices,
    };
    try {
      await writeFile(`${file}.tmp`, `${JSON.stringify(doc, null, 1)}\n`);
      await rename(`${file}.tmp`, file);
      return undefined;
    } catch (e) {
      return `${file}: cannot write the price cache (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
    }
  }

  private readCache(file: string): void {
    if (!existsSync(file)) return;
    let doc: CacheFile;
    try {
      const parsed = cacheFile(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed) throw new Error('not a price cache');
      doc = parsed;
    } catch (e) {
      this.cacheProblem = `${file}: ${e instanceof SyntaxError ? 'not valid JSON' : oneLine(e)}; the price cache was not used`;
      return;
    }
    const oldest = Date.parse(`${this.today}T00:00:00Z`) - CACHE_DAYS * 86_400_000;
    for (const [id, e] of Object.entries(doc.prices)) if (Date.parse(`${e.fetched}T00:00:00Z`) >= oldest) this.known.set(id, e);
  }

  private fetchOnce(id: string): Promise<void> {
    if (this.known.has(id)) return Promise.resolve();
    let p = this.pending.get(id);
    if (!p) {
      p = this.fetch(id);
      this.pending.set(id, p);
    }
    return p;
  }

  private async fetch(id: string): Promise<void> {
    const sep = id.indexOf(' ');
    const region = id.slice(0, sep);
    const key = id.slice(sep + 1);
    const q = productQuery(region, key);
    if (!q) return;
    await this.slot();
    try {
      if (this.failure) return;
      const querier = await this.client();
      if (!querier || this.failure) return;
      const items = await querier(q, this.overallSignal());
      const price = pick(await loadItemSchema(), q.serviceCode, region, key, items);
      this.known.set(
        id,
        price ? { usd: price.usd, date: price.date ?? this.today, fetched: this.today } : { none: true, fetched: this.today },
      );
      this.fetched++;
    } catch (e) {
      this.failure ??= classify(e, this.overallSignal());
    } finally {
      this.release();
    }
  }

  private async slot(): Promise<void> {
    if (this.running < (this.options.concurrency ?? 4)) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private overallSignal(): AbortSignal {
    this.overall ??= AbortSignal.timeout(this.options.totalTimeoutMs ?? 30_000);
    return this.overall;
  }

  private async client(): Promise<Querier | undefined> {
    if (this.querier) return this.querier;
    try {
      this.querier = this.options.querier ?? (await sdkQuerier(this.options.requestTimeoutMs ?? 5_000));
    } catch (e) {
      this.failure ??= { why: `the AWS SDK could not be loaded: ${oneLine(e)}`, permission: false };
    }
    return this.querier;
  }
}

/** The price of a key among a query's items: the first product (by SKU) that gives the key, with an on-demand price. */
export function pick(
  itemSchema: ItemSchema,
  code: string,
  region: string,
  key: string,
  items: readonly string[],
): { usd: number; date?: string } | undefined {
  const found: { sku: string; usd: number; date?: string }[] = [];
  for (const text of items) {
    let parsed;
    try {
      parsed = itemSchema.safeParse(JSON.parse(text));
    } catch {
      continue;
    }
    if (!parsed.success) continue;
    const item = parsed.data;
    if (keyOf(code, region, item.product) !== key) continue;
    const usd = onDemandUsd(item.terms.OnDemand);
    const date = item.publicationDate?.slice(0, 10);
    if (usd !== undefined) found.push({ sku: item.product.sku ?? '', usd, ...(date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}) });
  }
  found.sort((a, b) => a.sku.localeCompare(b.sku));
  const first = found[0];
  return first && { usd: first.usd, ...(first.date ? { date: first.date } : {}) };
}

/**
 * Are AWS credentials configured where the SDK's default chain looks without a network call:
 * keys in the environment, web identity (GitHub OIDC), a profile or shared files, container
 * credentials. (An EC2 instance profile is found only with prices: live.)
 */
export function credentialsConfigured(env: NodeJS.ProcessEnv): boolean {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return true;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) return true;
  if (env.AWS_PROFILE || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return true;
  const home = env.HOME ?? process.getBuiltinModule('node:os').homedir();
  return (
    existsSync(env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials')) ||
    existsSync(env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'))
  );
}

function classify(e: unknown, overall: AbortSignal): Failure {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = err?.name ?? '';
  if (name === 'AccessDeniedException' || err?.$metadata?.httpStatusCode === 403)
    return { why: `${name || 'access denied'}: the credentials may not call ${PERMISSION}`, permission: true };
  if (name === 'CredentialsProviderError') return { why: 'no AWS credentials could be resolved', permission: false };
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code))
    return { why: `no connection (${code})`, permission: false };
  if (overall.aborted || name === 'AbortError' || name === 'TimeoutError' || /timed? ?out/i.test(err?.message ?? ''))
    return { why: 'no answer in time', permission: false };
  return { why: `${name || 'error'}: ${oneLine(e).slice(0, 200)}`, permission: false };
}

/**
 * The Price List Query API through the AWS SDK, loaded only now (it is not needed otherwise). The
 * endpoint is the SDK's: us-east-1, or AWS_ENDPOINT_URL_PRICING / AWS_ENDPOINT_URL when set.
 */
async function sdkQuerier(requestTimeoutMs: number): Promise<Querier> {
  const { PricingClient, GetProductsCommand } = await import('@aws-sdk/client-pricing');
  // The SDK's notice that its releases after January 2027 need Node.js 22 (process.emitWarning
  // "NodeVersionSupportWarning: ...", once, when the first client is made) is for the SDK's own
  // users: the SDK's switch for it is set while the client is made, and only then, so no other
  // warning is hidden and the job's environment is left as it was. A value the user set stays.
  const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
  const userSet = process.env[SWITCH] !== undefined;
  if (!userSet) process.env[SWITCH] = 'true';
  let client: InstanceType<typeof PricingClient>;
  try {
    client = new PricingClient({
      region: 'us-east-1',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: requestTimeoutMs, requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true },
    });
  } finally {
    if (!userSet) delete process.env[SWITCH];
  }
  return async (q, signal) => {
    const items: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const out = await client.send(
        new GetProductsCommand({
          ServiceCode: q.serviceCode,
          FormatVersion: 'aws_v1',
          MaxResults: 100,
          Filters: Object.entries(q.attributes).map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value })),
          ...(token ? { NextToken: token } : {}),
        }),
        { abortSignal: signal },
      );
      // Each item is a JSON document as a string (the SDK may wrap it in a String-like object).
      const list: unknown[] = Array.isArray(out.PriceList) ? out.PriceList : out.PriceList === undefined ? [] : [out.PriceList];
      for (const item of list)
        items.push(
          typeof item === 'object' && item !== null && item.toString === Object.prototype.toString ? JSON.stringify(item) : String(item),
        );
      token = out.NextToken;
      if (!token) break;
    }
    return items;
  };
}
