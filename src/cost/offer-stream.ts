import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import limits from '../data/limits.json' with { type: 'json' };
import { checkRegular, READ_FLAGS } from '../load/files.js';
import { BACKSLASH, COLON, COMMA, isSpace, LBRACE, LBRACKET, QUOTE, RBRACE, RBRACKET, StringSkipper } from '../load/json-scan.js';
import { InputError, oneLine } from '../plan/errors.js';

/**
 * Streaming reader for AWS Price List offer files, which run to several GB for AmazonEC2 (past
 * the longest string Node can hold). It scans the bytes once and yields, one at a time, the
 * members of `products` that a filter keeps, then the members of `terms.OnDemand` of those
 * products' SKUs, each decoded with JSON.parse on just its own bytes. The filter decides from a
 * product's SKU, productFamily and the attributes it names, read during the scan, so a product it
 * drops is never decoded. Everything else (dropped products and their terms, Reserved terms) is
 * skipped. The top-level scalar members (offerCode, version, publicationDate …) are kept in
 * `header`. What is held at any time: one member's bytes, the kept members' SKUs, and the chunk.
 */

/** What is read of a product before the filter decides whether to decode it. */
export interface ProductPeek {
  sku: string;
  productFamily?: string;
  /** The filter's attributes that the product has, as strings. */
  attributes: Record<string, string>;
}

export interface OfferFilter {
  /** Attributes read from each product (besides its productFamily) for `keep`. */
  attributes: readonly string[];
  /** Whether to decode and yield a product; the OnDemand terms of its SKU are yielded too. */
  keep: (product: ProductPeek) => boolean;
}

export interface OfferMember {
  /** `products`, or `OnDemand` for a member of `terms.OnDemand`. */
  section: 'products' | 'OnDemand';
  sku: string;
  value: unknown;
}

export interface OfferScanStats {
  /** Members of `products` scanned. */
  products: number;
  /** Members of `terms.OnDemand` scanned. */
  onDemand: number;
  /** Members decoded (and yielded). */
  parsed: number;
  /** The most bytes held for one member: every product until its end, where the filter decides; kept OnDemand members. */
  largestMemberBytes: number;
}

// Scanner modes.
const VALUE = 0; // expecting a value
const KEY_OR_END = 1; // after "{"
const KEY = 2; // after "," in an object
const AFTER_KEY = 3; // expecting ":"
const AFTER_VALUE = 4; // expecting "," or "}"
const STRING = 5; // inside a string
const SCALAR = 6; // inside a number, true, false or null
const SKIP = 7; // inside an object or array that is not read
const DONE = 8;

// The objects the scanner reads member by member; every other object or array is skipped.
const ROOT = 0;
const PRODUCTS = 1;
const PRODUCT = 2;
const ATTRIBUTES = 3;
const TERMS = 4;
const ON_DEMAND = 5;

// What the current string or scalar is.
const T_SKIP = 0;
const T_KEY = 1;
const T_HEADER = 2;
const T_FAMILY = 3;
const T_ATTRIBUTE = 4;

/** Property names matched on their bytes, so that a key which is none of them is never decoded. */
class Names {
  private readonly byLength = new Map<number, Array<[Buffer, string]>>();
  constructor(readonly names: ReadonlySet<string>) {
    for (const name of names) {
      const bytes = Buffer.from(name);
      const list = this.byLength.get(bytes.length) ?? [];
      list.push([bytes, name]);
      this.byLength.set(bytes.length, list);
    }
  }

  /** The name that bytes [start, end) of `chunk` spell; '' for none; undefined when they hold an escape (decode them). */
  find(chunk: Buffer, start: number, end: number): string | undefined {
    // Compared byte by byte: the keys are short, and a native compare costs more per call.
    for (const [bytes, name] of this.byLength.get(end - start) ?? []) {
      let k = 0;
      while (k < bytes.length && bytes[k] === chunk[start + k]) k++;
      if (k === bytes.length) return name;
    }
    for (let k = start; k < end; k++) if (chunk[k] === BACKSLASH) return undefined;
    return '';
  }
}

export class OfferScan implements AsyncIterable<OfferMember> {
  /** Top-level members whose value is a string, number, boolean or null. */
  readonly header: Record<string, unknown> = {};
  /** Which of `products`, `terms` and `terms.OnDemand` the file has. */
  readonly sections = new Set<string>();
  readonly stats: OfferScanStats = { products: 0, onDemand: 0, parsed: 0, largestMemberBytes: 0 };

  /** `name` is the file or URL, for messages. */
  constructor(
    private readonly bytes: AsyncIterable<Uint8Array>,
    private readonly name: string,
    private readonly filter: OfferFilter,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<OfferMember> {
    const { name, filter, header, sections, stats } = this;
    const attributeNames = new Names(new Set(filter.attributes));
    const productNames = new Names(new Set(['productFamily', 'attributes']));
    const keptSkus = new Set<string>();
    const strings = new StringSkipper();
    const roles: number[] = []; // the objects read, outermost first
    const keys: string[] = []; // the current key of each of them
    let mode = VALUE;
    let chunk: Buffer = Buffer.alloc(0);
    let offset = 0; // of the chunk's first byte in the file
    let ready: OfferMember[] = [];
    // The string or scalar being read; its bytes are collected unless it is skipped.
    let target = T_SKIP;
    let token: Buffer[] | null = null;
    let tokenStart = 0;
    // The container being skipped.
    let skipDepth = 0;
    let skipInString = false;
    // The member being read; its bytes are collected while it may be kept.
    let sku = '';
    let peek: ProductPeek = { sku, attributes: {} };
    let member = null as Buffer[] | null; // a cast, or TypeScript narrows it to null: closures set it
    let memberStart = 0;
    let memberHeld = 0;

    const fail = (what: string, at: number): never => {
      throw new InputError(name, `is not valid JSON: at byte offset ${at} ${what}`);
    };
    const tokenBytes = (end: number): Buffer => {
      const last = chunk.subarray(tokenStart, end);
      const bytes = token!.length === 0 ? last : Buffer.concat([...token!, last]);
      token = null;
      return bytes;
    };
    const stringText = (end: number): string => {
      const bytes = tokenBytes(end);
      if (bytes.indexOf(BACKSLASH) === -1) return bytes.toString('utf8', 1, bytes.length - 1);
      try {
        return JSON.parse(bytes.toString('utf8')) as string;
      } catch {
        return fail('in a string', offset + end);
      }
    };
    /** The key just read, in an object where only some names matter: that name, or ''. */
    const keyAmong = (names: Names, end: number): string => {
      if (token!.length === 0) {
        const name = names.find(chunk, tokenStart + 1, end - 1);
        if (name !== undefined) {
          token = null;
          return name;
        }
      }
      const text = stringText(end);
      return names.names.has(text) ? text : '';
    };
    const endMember = (end: number) => {
      const isProduct = roles[roles.length - 1] === PRODUCTS;
      if (member) stats.largestMemberBytes = Math.max(stats.largestMemberBytes, memberHeld + end - memberStart);
      if (isProduct) {
        stats.products++;
        if (filter.keep(peek)) keptSkus.add(sku);
        else member = null;
      } else stats.onDemand++;
      if (!member) return;
      const text = Buffer.concat([...member, chunk.subarray(memberStart, end)]).toString('utf8');
      member = null;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        fail(`in ${isProduct ? 'products' : 'terms.OnDemand'}["${sku.slice(0, 40)}"]`, offset + end);
      }
      stats.parsed++;
      ready.push({ section: isProduct ? 'products' : 'OnDemand', sku, value });
    };
    const endValue = (end: number) => {
      mode = AFTER_VALUE;
      const role = roles[roles.length - 1];
      if (role === PRODUCTS || role === ON_DEMAND) endMember(end);
    };
    /** Starts a member of products or terms.OnDemand; its bytes are collected if it may be kept. */
    const startMember = (at: number, collect: boolean) => {
      sku = keys[roles.length - 1]!;
      member = collect ? [] : null;
      memberStart = at;
      memberHeld = 0;
    };
    /** Opens an object the scanner reads member by member. */
    const open = (role: number, c: number, at: number, label?: string): number => {
      if (c !== LBRACE)
        throw new InputError(
          name,
          `is not an AWS offer file: ${label ?? `products["${keys[roles.length - 1]!.slice(0, 40)}"]`} is not an object`,
        );
      if (label) sections.add(label);
      roles.push(role);
      mode = KEY_OR_END;
      return at + 1;
    };
    /** Starts a value that is collected as `t`, or skipped. */
    const other = (t: number, c: number, at: number): number => {
      if (c === LBRACE || c === LBRACKET) {
        mode = SKIP;
        skipDepth = 1;
        skipInString = false;
        return at + 1;
      }
      target = t;
      token = t === T_SKIP ? null : [];
      tokenStart = at;
      if (c !== QUOTE) {
        mode = SCALAR;
        return at;
      }
      mode = STRING;
      return at + 1;
    };
    const startValue = (c: number, at: number): number => {
      if (roles.length === 0) {
        return c === LBRACE ? open(ROOT, c, at) : fail('expected "{"', offset + at);
      }
      if (c === COMMA || c === COLON || c === RBRACE || c === RBRACKET) return fail('expected a value', offset + at);
      const key = keys[roles.length - 1]!;
      switch (roles[roles.length - 1]) {
        case ROOT:
          if (key === 'products') return open(PRODUCTS, c, at, 'products');
          if (key === 'terms') return open(TERMS, c, at, 'terms');
          return other(T_HEADER, c, at);
        case TERMS:
          if (key !== 'OnDemand') return other(T_SKIP, c, at);
          if (!sections.has('products'))
            throw new InputError(
              name,
              'is not an AWS offer file as published: terms come before products, so the on-demand terms cannot be matched to products in one pass',
            );
          return open(ON_DEMAND, c, at, 'terms.OnDemand');
        case PRODUCTS:
          startMember(at, true); // held until its end, where the filter decides
          peek = { sku, attributes: {} };
          return open(PRODUCT, c, at);
        case ON_DEMAND:
          if (c !== LBRACE) throw new InputError(name, `is not an AWS offer file: terms.OnDemand["${key.slice(0, 40)}"] is not an object`);
          startMember(at, keptSkus.has(key));
          return other(T_SKIP, c, at);
        case PRODUCT:
          if (key === 'productFamily' && c === QUOTE) return other(T_FAMILY, c, at);
          if (key === 'attributes' && c === LBRACE) return open(ATTRIBUTES, c, at);
          return other(T_SKIP, c, at);
        default: // ATTRIBUTES
          return other(key !== '' && c === QUOTE ? T_ATTRIBUTE : T_SKIP, c, at);
      }
    };
    const endString = (end: number) => {
      if (target === T_SKIP) return endValue(end);
      const depth = roles.length - 1;
      if (target === T_KEY) {
        const role = roles[depth];
        keys[depth] =
          role === ATTRIBUTES ? keyAmong(attributeNames, end) : role === PRODUCT ? keyAmong(productNames, end) : stringText(end);
        mode = AFTER_KEY;
        return;
      }
      const text = stringText(end);
      const key = keys[depth]!;
      if (target === T_HEADER) header[key] = text;
      else if (target === T_FAMILY) peek.productFamily = text;
      else peek.attributes[key] = text;
      endValue(end);
    };
    const endScalar = (end: number) => {
      if (target === T_HEADER) {
        const key = keys[0]!;
        try {
          header[key] = JSON.parse(tokenBytes(end).toString('utf8'));
        } catch {
          fail(`in the value of "${key.slice(0, 40)}"`, offset + end);
        }
      }
      endValue(end);
    };
    const close = (at: number): number => {
      roles.pop();
      if (roles.length === 0) mode = DONE;
      else endValue(at + 1);
      return at + 1;
    };

    for await (const raw of this.bytes) {
      chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      const n = chunk.length;
      let i = 0;
      while (i < n) {
        if (mode === STRING) {
          i = strings.skip(chunk, i);
          if (!strings.open) endString(i);
          continue;
        }
        if (mode === SCALAR) {
          while (i < n && !isDelimiter(chunk[i]!)) i++;
          if (i < n) endScalar(i);
          continue;
        }
        if (mode === SKIP) {
          // Most of the file's bytes: the loop keeps its state in locals.
          let inString: boolean = skipInString;
          let depth: number = skipDepth;
          while (i < n) {
            if (inString) {
              i = strings.skip(chunk, i);
              if (strings.open) break;
              inString = false;
              continue;
            }
            const b = chunk[i++]!;
            if (b === QUOTE) inString = true;
            else if (b === LBRACE || b === LBRACKET) depth++;
            else if ((b === RBRACE || b === RBRACKET) && --depth === 0) {
              endValue(i);
              break;
            }
          }
          skipInString = inString;
          skipDepth = depth;
          continue;
        }
        let c = chunk[i]!;
        if (isSpace(c)) {
          do c = chunk[++i]!;
          while (i < n && isSpace(c));
          continue;
        }
        switch (mode) {
          case VALUE:
            i = startValue(c, i);
            break;
          case KEY_OR_END:
          case KEY:
            if (c === QUOTE) {
              target = T_KEY;
              token = [];
              tokenStart = i++;
              mode = STRING;
            } else if (c === RBRACE && mode === KEY_OR_END) i = close(i);
            else fail('expected a property name', offset + i);
            break;
          case AFTER_KEY:
            if (c !== COLON) fail('expected ":"', offset + i);
            mode = VALUE;
            i++;
            break;
          case AFTER_VALUE:
            if (c === COMMA) {
              mode = KEY;
              i++;
            } else if (c === RBRACE) i = close(i);
            else fail('expected "," or "}"', offset + i);
            break;
          default: // DONE
            fail('unexpected content after the end of the document', offset + i);
        }
      }
      if (token) {
        token.push(chunk.subarray(tokenStart));
        tokenStart = 0;
      }
      if (member) {
        member.push(chunk.subarray(memberStart));
        memberHeld += n - memberStart;
        memberStart = 0;
      }
      offset += n;
      const out = ready;
      ready = [];
      for (const m of out) yield m;
    }
    if (mode !== DONE) {
      if (roles.length === 0) throw new InputError(name, 'is empty: it holds no JSON document');
      const inside = roles.includes(PRODUCTS) ? 'products' : roles.includes(TERMS) ? 'terms' : 'the top-level object';
      throw new InputError(name, `is truncated: the JSON ends at byte offset ${offset} inside ${inside}; download it again`);
    }
  }
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === RBRACE || c === RBRACKET || isSpace(c);
}

/** A Price List file's bytes, in chunks; a file that cannot be read is an InputError naming it. */
export async function* fileBytes(file: string, chunkSize = 1 << 20, maxBytes = limits.offerFileMaxBytes): AsyncGenerator<Uint8Array> {
  let fh;
  try {
    // Only a regular file under the limit is read: a FIFO or /dev/zero would be read for ever.
    checkRegular(file, await stat(file), 'Price List file', maxBytes);
    fh = await open(file, READ_FLAGS);
    checkRegular(file, await fh.stat(), 'Price List file', maxBytes);
  } catch (e) {
    await fh?.close();
    if (e instanceof InputError) throw e;
    throw new InputError(file, `cannot read the Price List file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    for await (const chunk of fh.createReadStream({ highWaterMark: chunkSize, end: maxBytes - 1 })) yield chunk as Buffer;
  } catch (e) {
    throw new InputError(file, `cannot read the Price List file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * A Price List document's bytes as they download; a failed request or download is an InputError
 * naming the URL. A download that sends nothing for `idleMs` (before the response or between two
 * chunks) is stopped: nothing can hang a CI job. Offer files run to GB, so the time without data
 * is bounded rather than the whole download's.
 */
export async function* httpBytes(url: string, idleMs = limits.downloadIdleTimeoutMs): AsyncGenerator<Uint8Array> {
  const abort = new AbortController();
  let timer = setTimeout(() => abort.abort(), idleMs);
  const waiting = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), idleMs);
  };
  const stalled = () => new InputError(url, `nothing received for ${idleMs / 1000} s; the download was stopped (try again later)`);
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: abort.signal });
    } catch (e) {
      throw abort.signal.aborted ? stalled() : new InputError(url, `cannot fetch (${oneLine(e)})`);
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new InputError(url, `HTTP ${res.status}`);
    }
    waiting();
    try {
      for await (const chunk of Readable.fromWeb(res.body as WebReadableStream<Uint8Array>)) {
        waiting();
        yield chunk as Uint8Array;
      }
    } catch (e) {
      throw abort.signal.aborted ? stalled() : new InputError(url, `the download failed (${oneLine(e)})`);
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}
