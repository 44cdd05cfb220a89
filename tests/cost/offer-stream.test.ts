import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePriceListDir, REGION } from '../../bench/generate-offer.js';
import { runCli } from '../../src/cli/main.js';
import { fileBytes, OfferScan, type ProductPeek } from '../../src/cost/offer-stream.js';
import { buildSnapshot, dirSource, formatSnapshot, httpSource, offerFilter } from '../../src/cost/update.js';
import { InputError } from '../../src/plan/errors.js';

const PRICE_LIST = join(import.meta.dirname, '../../fixtures/pricing/price-list');
/** Every per-region offer file among the fixtures (…/<offer>/<version>/<region>/index.json). */
const OFFERS = (readdirSync(PRICE_LIST, { recursive: true }) as string[])
  .filter((f) => /[/\\]\d{14}[/\\][^/\\]+[/\\]index\.json$/.test(f))
  .sort()
  .map((f) => join(PRICE_LIST, f));

async function* inPieces(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield new Uint8Array(bytes.subarray(i, i + size));
}
async function* splitAt(bytes: Buffer, at: number): AsyncGenerator<Uint8Array> {
  yield bytes.subarray(0, at);
  yield bytes.subarray(at);
}

interface Scanned {
  header: Record<string, unknown>;
  sections: string[];
  peeks: ProductPeek[];
  products: Record<string, unknown>;
  onDemand: Record<string, unknown>;
}

/** Streams an offer, recording what the filter was shown. */
async function streamed(
  bytes: AsyncIterable<Uint8Array>,
  attributes: string[],
  keep: (p: ProductPeek) => boolean,
  name = 'offer.json',
): Promise<Scanned & { stats: OfferScan['stats'] }> {
  const peeks: ProductPeek[] = [];
  const scan = new OfferScan(bytes, name, { attributes, keep: (p) => (peeks.push(p), keep(p)) });
  const products: Record<string, unknown> = {};
  const onDemand: Record<string, unknown> = {};
  for await (const m of scan) (m.section === 'products' ? products : onDemand)[m.sku] = m.value;
  return { header: scan.header, sections: [...scan.sections], peeks, products, onDemand, stats: scan.stats };
}

/** The same, from the whole file parsed at once. */
function whole(text: string, attributes: string[], keep: (p: ProductPeek) => boolean): Scanned {
  const doc = JSON.parse(text) as {
    products: Record<string, { productFamily?: unknown; attributes?: Record<string, unknown> }>;
    terms: { OnDemand: Record<string, unknown> };
  };
  const header = Object.fromEntries(Object.entries(doc).filter(([, v]) => v === null || typeof v !== 'object'));
  const peeks = Object.entries(doc.products).map(([sku, p]): ProductPeek => ({
    sku,
    ...(typeof p.productFamily === 'string' ? { productFamily: p.productFamily } : {}),
    attributes: Object.fromEntries(
      attributes.flatMap((a) => (typeof p.attributes?.[a] === 'string' ? [[a, p.attributes[a] as string]] : [])),
    ),
  }));
  const kept = new Set(peeks.filter(keep).map((p) => p.sku));
  return {
    header,
    sections: ['products', 'terms', 'terms.OnDemand'],
    peeks,
    products: Object.fromEntries(Object.entries(doc.products).filter(([sku]) => kept.has(sku))),
    onDemand: Object.fromEntries(Object.entries(doc.terms.OnDemand).filter(([sku]) => kept.has(sku))),
  };
}

const expectSame = (got: Scanned, want: Scanned) => {
  expect(got.header).toEqual(want.header);
  expect(got.sections).toEqual(want.sections);
  expect(got.peeks).toEqual(want.peeks);
  expect(got.products).toEqual(want.products);
  expect(got.onDemand).toEqual(want.onDemand);
};

const ATTRS = ['usagetype', 'regionCode', 'operatingSystem', 'location'];
const FILTERS: Array<[string, (p: ProductPeek) => boolean]> = [
  ['every product', () => true],
  ['some products', (p) => p.attributes.operatingSystem === 'Linux' || (p.attributes.usagetype ?? '').endsWith('Fargate-GB-Hours')],
];

describe('offer files streamed member by member', () => {
  it('finds every offer fixture', () => {
    expect(OFFERS.map((f) => f.slice(PRICE_LIST.length)).join(' ')).toMatch(
      /AmazonEC2.*AmazonEC2.*AmazonECS.*AmazonECS.*AmazonEKS.*AmazonEKS.*AmazonVPC.*AmazonVPC/,
    );
  });

  for (const file of OFFERS) {
    it(`gives what the whole file gives, in any chunk size: ${file.slice(PRICE_LIST.length)}`, async () => {
      const bytes = readFileSync(file);
      for (const [, keep] of FILTERS) {
        const want = whole(bytes.toString('utf8'), ATTRS, keep);
        for (const size of [1, 2, 7, 100, 65536]) expectSame(await streamed(inPieces(bytes, size), ATTRS, keep), want);
        expectSame(await streamed(fileBytes(file, 1000), ATTRS, keep), want);
      }
    });
  }

  it('the selective filter keeps some products of the fixtures and drops others', async () => {
    let kept = 0;
    let all = 0;
    for (const file of OFFERS) {
      const r = await streamed(fileBytes(file), ATTRS, FILTERS[1]![1]);
      kept += Object.keys(r.products).length;
      all += r.stats.products;
    }
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(all);
  });

  // Escaped quotes and backslashes, \u escapes (a surrogate pair too), raw UTF-8 of 2 to 4 bytes,
  // an escaped attribute name, " : " spacing, nested values and brackets inside strings, in the
  // parts that are read and in those that are skipped.
  const TRICKY = String.raw`{
  "formatVersion" : "v1.0",
  "disclaimer" : "Prices \"as is\" – see {x} [y] \\",
  "offerCode" : "AmazonEC2", "version" : "20251105094417", "publicationDate" : "2025-11-05T09:44:17Z",
  "count" : 3, "draft" : false, "note" : null, "ratio" : -1.5e3,
  "attributesList" : { "a" : [ "}", "{", "\\", { "b" : "]" } ] },
  "products" : {
    "SKU\"Q\"1" : {
      "sku" : "SKU\"Q\"1",
      "productFamily" : "Compute \"Instance\"",
      "attributes" : {
        "location" : "Europe (Zürich) – 日本 😀 \u00e9\ud83d\ude00 \/",
        "usage\u0074ype" : "EU-BoxUsage:m5.large \\ \"x\"",
        "regionCode" : "eu-west-1",
        "tags" : { "nested" : [ "\"}", 1, { "c" : "\\\"" } ] },
        "operatingSystem" : 7
      },
      "extra" : [ "}" ]
    },
    "PLAIN2" : { "sku" : "PLAIN2", "productFamily" : "Storage", "attributes" : { "usagetype" : "EU-EBS:VolumeUsage.gp3", "regionCode" : "eu-west-1" } },
    "ÉMPTY3" : {"sku":"ÉMPTY3","attributes":{}}
  },
  "terms" : {
    "OnDemand" : {
      "SKU\"Q\"1" : { "SKU\"Q\"1.JRTCKXETXF" : { "offerTermCode" : "JRTCKXETXF", "priceDimensions" : { "d" : { "unit" : "Hrs", "description" : "$0.107 per \"On Demand\" hour – ünïcode 😀", "pricePerUnit" : { "USD" : "0.1070000000" }, "appliesTo" : [ ] } } } },
      "PLAIN2" : { "PLAIN2.JRTCKXETXF" : { "offerTermCode" : "JRTCKXETXF", "priceDimensions" : { } } },
      "ÉMPTY3" : {"ÉMPTY3.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","priceDimensions":{"e":{"pricePerUnit":{"USD":"1"}}}}}
    },
    "Reserved" : { "PLAIN2" : { "x" : [ { "y" : "]}\"" } ] } }
  }
}
`;
  const trickyKeep = (p: ProductPeek) => (p.attributes.usagetype ?? '').startsWith('EU-BoxUsage') || p.sku === 'ÉMPTY3';

  it('reads escapes and unicode right across every chunk boundary', async () => {
    const bytes = Buffer.from(TRICKY);
    const want = whole(TRICKY, ATTRS, trickyKeep);
    expect(Object.keys(want.products)).toEqual(['SKU"Q"1', 'ÉMPTY3']);
    expect(want.peeks[0]!.attributes).toEqual({
      usagetype: 'EU-BoxUsage:m5.large \\ "x"',
      regionCode: 'eu-west-1',
      location: 'Europe (Zürich) – 日本 😀 é😀 /',
    });
    for (let at = 0; at <= bytes.length; at++) expectSame(await streamed(splitAt(bytes, at), ATTRS, trickyKeep), want);
    for (const size of [1, 2, 3, 5, 7]) expectSame(await streamed(inPieces(bytes, size), ATTRS, trickyKeep), want);
  });

  it('a truncated offer is one line naming the file, wherever it is cut', async () => {
    const file = OFFERS.find((f) => f.includes('AmazonEC2') && f.includes('eu-west-1'))!;
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    const end = text.lastIndexOf('}');
    // Where the reader is when the bytes before `at` are all it gets (terms is the last member).
    const productsOpen = text.indexOf('{', text.indexOf('"products"'));
    const productsClose = text.lastIndexOf('}', text.indexOf('"terms"'));
    const termsOpen = text.indexOf('{', text.indexOf('"terms"'));
    const termsClose = text.lastIndexOf('}', end - 1);
    const inside = (at: number) =>
      at > productsOpen && at <= productsClose ? 'products' : at > termsOpen && at <= termsClose ? 'terms' : 'the top-level object';
    expect(Buffer.byteLength(text)).toBe(text.length); // ASCII: character and byte offsets agree
    for (let at = 0; at <= end; at += at < 40 || end - at < 40 ? 1 : 17) {
      const err = await streamed(splitAt(bytes.subarray(0, at), at), ATTRS, () => true, file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, `cut at ${at}`).toBeInstanceOf(InputError);
      const msg =
        at === 0
          ? `${file}: is empty: it holds no JSON document`
          : `${file}: is truncated: the JSON ends at byte offset ${at} inside ${inside(at)}; download it again`;
      expect((err as InputError).message).toBe(msg);
    }
  });

  it('refuses broken offers in one line naming the file', async () => {
    const cases: Array<[string, string]> = [
      [
        TRICKY.replace('"USD" : "0.1070000000"', '"USD" : 0.10.7'),
        'is not valid JSON: at byte offset \\d+ in terms.OnDemand\\["SKU"Q"1"\\]',
      ],
      [
        TRICKY.replace('"regionCode" : "eu-west-1",\n        "tags"', '"regionCode" "eu-west-1",\n        "tags"'),
        'is not valid JSON: at byte offset \\d+ expected ":"',
      ],
      [TRICKY.replace('"products" : {', '"products" : ['), 'is not an AWS offer file: products is not an object'],
      [
        TRICKY.replace('"PLAIN2" : { "sku"', '"PLAIN2" : 5, "x" : { "sku"'),
        'is not an AWS offer file: products\\["PLAIN2"\\] is not an object',
      ],
      [`{"terms": {"OnDemand": {}}, "products": {}}`, 'is not an AWS offer file as published: terms come before products, .*'],
      [`${TRICKY} x`, 'is not valid JSON: at byte offset \\d+ unexpected content after the end of the document'],
      [`[${TRICKY}]`, 'is not valid JSON: at byte offset 0 expected "\\{"'],
    ];
    for (const [text, problem] of cases) {
      await expect(streamed(inPieces(Buffer.from(text), 7), ATTRS, trickyKeep, 'broken.json'), problem).rejects.toThrow(
        new RegExp(`^broken\\.json: ${problem}$`),
      );
    }
  });
});

describe('pricing update streams the offer files', () => {
  it('builds the same snapshot whatever the chunk size', async () => {
    const want = formatSnapshot((await buildSnapshot(dirSource(PRICE_LIST))).snapshot);
    expect(want).toContain('"ec2/m5.large/hour"');
    for (const size of [7, 64]) expect(formatSnapshot((await buildSnapshot(dirSource(PRICE_LIST, size))).snapshot)).toBe(want);
  });

  it('reports a truncated offer file in one line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-offers-'));
    cpSync(PRICE_LIST, dir, { recursive: true });
    const file = join(dir, OFFERS.find((f) => f.includes('AmazonEC2') && f.includes('us-east-1'))!.slice(PRICE_LIST.length));
    const text = readFileSync(file, 'utf8');
    const cut = text.slice(0, text.indexOf('"OnDemand": {') + 50);
    writeFileSync(file, cut);
    const at = Buffer.byteLength(cut);
    let err = '';
    const code = await runCli(['pricing', 'update', '--from-dir', dir], {
      stdout: () => {},
      stderr: (s) => (err += s),
      today: () => '2026-11-22',
    });
    expect(code).toBe(2);
    expect(err).toBe(`container-plan-check: ${file}: is truncated: the JSON ends at byte offset ${at} inside terms; download it again\n`);
  });

  describe('from the live source (a local server)', () => {
    let server: Server;
    let base = '';
    beforeAll(async () => {
      server = createServer((req, res) => {
        const path = decodeURIComponent(req.url ?? '');
        if (path.startsWith('/cut')) {
          // Promises more than it sends, then drops the connection.
          res.writeHead(200, { 'content-length': '100000' });
          res.write('{"offerCode": "AmazonEC2", "products": {');
          setTimeout(() => res.destroy(), 20);
          return;
        }
        let body: Buffer;
        try {
          body = readFileSync(join(PRICE_LIST, ...path.split('/').filter(Boolean)));
        } catch {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        // Sent in small writes, so the body arrives in many chunks.
        for (let i = 0; i < body.length; i += 1000) res.write(body.subarray(i, i + 1000));
        res.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const addr = server.address();
      base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('builds the same snapshot from the response bodies', async () => {
      const want = formatSnapshot((await buildSnapshot(dirSource(PRICE_LIST))).snapshot);
      expect(formatSnapshot((await buildSnapshot(httpSource(base))).snapshot)).toBe(want);
    });

    it('an HTTP error or a dropped download is one line naming the URL', async () => {
      await expect(buildSnapshot(httpSource(`${base}/nowhere`))).rejects.toThrow(`${base}/nowhere/offers/v1.0/aws/index.json: HTTP 404`);
      const cut = new OfferScan(httpSource(`${base}/cut`).bytes('/x.json'), `${base}/cut/x.json`, offerFilter('AmazonEC2', 'us-east-1'));
      await expect(
        (async () => {
          for await (const _ of cut);
        })(),
      ).rejects.toThrow(new RegExp(`^${base}/cut/x\\.json: the download failed \\(.+\\)$`));
    });
  });
});

describe('a large EC2-shaped offer', () => {
  const N = 200_000;
  let dir = '';
  let gen: ReturnType<typeof generatePriceListDir>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpc-big-offer-'));
    gen = generatePriceListDir(dir, N, { compact: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is scanned holding one member at a time and decoding only the kept ones', async () => {
    const scan = new OfferScan(fileBytes(gen.offerFile), gen.offerFile, offerFilter('AmazonEC2', REGION));
    let products = 0;
    let terms = 0;
    for await (const m of scan) {
      if (m.section === 'products') products++;
      else terms++;
    }
    expect(scan.stats.products).toBe(N);
    expect(scan.stats.onDemand).toBe(N);
    expect(gen.priced).toBeGreaterThan(1000);
    // Linux and Windows on-demand rows at shared and dedicated tenancy, and the EBS rows: about 2% of the offer.
    expect(gen.priced).toBeLessThan(N / 45);
    expect(products).toBe(gen.priced);
    expect(terms).toBe(gen.priced);
    expect(scan.stats.parsed).toBe(2 * gen.priced);
    // A member's bytes, never a run of them: the largest product here is under 2 KB.
    expect(scan.stats.largestMemberBytes).toBeLessThan(2048);
  });

  it('gives the prices of the kept products (a smaller one, as published: indented, with Reserved terms)', async () => {
    const small = mkdtempSync(join(tmpdir(), 'cpc-offer-'));
    const g = generatePriceListDir(small, 5000);
    const { snapshot } = await buildSnapshot(dirSource(small), [REGION]);
    rmSync(small, { recursive: true, force: true });
    expect(Object.fromEntries(Object.entries(snapshot.regions[REGION]!).map(([k, e]) => [k, e.usd]))).toEqual(g.prices);
    expect(Object.keys(g.prices)).toContain('ebs/gp3/gb-month');
    expect(Object.keys(g.prices).filter((k) => k.startsWith('ec2/')).length).toBeGreaterThan(20);
  });
});
