import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback AWS Price List Query API (GetProducts only) for the tests. Each request is checked
 * against what the AWS SDK sends (POST to /, the JSON 1.1 protocol's target and content type, a
 * SigV4 Authorization header, TERM_MATCH filters); a request that does not match is answered
 * with a 400 the tests see as a failure. Products are answered as AWS does: `PriceList` is an
 * array of JSON documents, each a string.
 */
export interface EmulatorProduct {
  serviceCode: string;
  sku: string;
  productFamily?: string;
  attributes: Record<string, string>;
  /** On-demand USD per unit. */
  usd: string;
  unit?: string;
  publicationDate?: string;
}

export interface EmulatorOptions {
  products: EmulatorProduct[];
  /** Items per page (NextToken beyond); default 100. */
  pageSize?: number;
  /** The first page of every query is empty, with a NextToken (AWS may answer so). */
  emptyFirstPage?: boolean;
  /** Answer the first N requests with ThrottlingException. */
  throttle?: number;
  /** Answer every request with AccessDeniedException. */
  deny?: boolean;
  /** Never answer. */
  hang?: boolean;
}

export interface RecordedRequest {
  serviceCode: string;
  filters: Record<string, string>;
  nextToken?: string;
}

export interface Emulator {
  url: string;
  /** Valid GetProducts requests received, in order (throttled and denied ones included). */
  requests: RecordedRequest[];
  /** Requests that did not look like the SDK's, with why. */
  rejected: string[];
  close: () => Promise<void>;
}

/** A Price List item as GetProducts returns it (one JSON document, as a string). */
export function priceListItem(p: EmulatorProduct): string {
  const term = `${p.sku}.JRTCKXETXF`;
  const dim = `${term}.6YS6EN2CT7`;
  return JSON.stringify({
    product: {
      productFamily: p.productFamily ?? 'Compute Instance',
      attributes: { servicecode: p.serviceCode, ...p.attributes },
      sku: p.sku,
    },
    serviceCode: p.serviceCode,
    terms: {
      OnDemand: {
        [term]: {
          priceDimensions: {
            [dim]: {
              unit: p.unit ?? 'Hrs',
              endRange: 'Inf',
              description: `$${p.usd} per unit`,
              appliesTo: [],
              rateCode: dim,
              beginRange: '0',
              pricePerUnit: { USD: p.usd },
            },
          },
          sku: p.sku,
          effectiveDate: '2026-11-01T00:00:00Z',
          offerTermCode: 'JRTCKXETXF',
          termAttributes: {},
        },
      },
      Reserved: {
        [`${p.sku}.4NA7Y494T4`]: {
          priceDimensions: {
            [`${p.sku}.4NA7Y494T4.6YS6EN2CT7`]: {
              unit: 'Hrs',
              beginRange: '0',
              endRange: 'Inf',
              description: 'reserved',
              appliesTo: [],
              rateCode: 'x',
              pricePerUnit: { USD: '0.0010000000' },
            },
          },
          sku: p.sku,
          effectiveDate: '2026-11-01T00:00:00Z',
          offerTermCode: '4NA7Y494T4',
          termAttributes: { LeaseContractLength: '1yr', OfferingClass: 'standard', PurchaseOption: 'No Upfront' },
        },
      },
    },
    version: '20261101000000',
    publicationDate: p.publicationDate ?? '2026-11-01T00:00:00Z',
  });
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const requests: RecordedRequest[] = [];
  const rejected: string[] = [];
  let throttled = 0;
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const why = invalid(req);
      let body: any;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      const bodyWhy = why ?? invalidBody(body);
      if (bodyWhy) {
        rejected.push(bodyWhy);
        return error(res, 400, 'ValidationException', bodyWhy);
      }
      const filters = Object.fromEntries((body.Filters as { Field: string; Value: string }[]).map((f) => [f.Field, f.Value]));
      requests.push({ serviceCode: body.ServiceCode, filters, ...(body.NextToken ? { nextToken: body.NextToken } : {}) });
      if (options.hang) {
        hanging.push(res);
        return;
      }
      if (options.deny)
        return error(
          res,
          400,
          'AccessDeniedException',
          'User: arn:aws:sts::123456789012:assumed-role/plan/ci is not authorized to perform: pricing:GetProducts',
        );
      if (throttled < (options.throttle ?? 0)) {
        throttled++;
        return error(res, 400, 'ThrottlingException', 'Rate exceeded');
      }
      const matching = options.products
        .filter((p) => p.serviceCode === body.ServiceCode && Object.entries(filters).every(([k, v]) => p.attributes[k] === v))
        .map(priceListItem);
      const size = options.pageSize ?? 100;
      const pages: string[][] = options.emptyFirstPage ? [[]] : [];
      for (let i = 0; i < matching.length || pages.length === 0; i += size) pages.push(matching.slice(i, i + size));
      const page = body.NextToken ? Number(String(body.NextToken).replace(/^page-/, '')) : 0;
      const out = {
        FormatVersion: 'aws_v1',
        PriceList: pages[page] ?? [],
        ...(page + 1 < pages.length ? { NextToken: `page-${page + 1}` } : {}),
      };
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${requests.length}` });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    rejected,
    close: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function invalid(req: IncomingMessage): string | undefined {
  if (req.method !== 'POST') return `method ${req.method}`;
  if (req.url !== '/') return `path ${req.url}`;
  if (req.headers['x-amz-target'] !== 'AWSPriceListService.GetProducts') return `X-Amz-Target ${String(req.headers['x-amz-target'])}`;
  if (req.headers['content-type'] !== 'application/x-amz-json-1.1') return `Content-Type ${String(req.headers['content-type'])}`;
  const auth = req.headers.authorization ?? '';
  if (
    !/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/us-east-1\/pricing\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/.test(
      auth,
    )
  )
    return `Authorization ${auth.slice(0, 60)}`;
  if (!req.headers['x-amz-date']) return 'no X-Amz-Date';
  return undefined;
}

function invalidBody(body: any): string | undefined {
  if (!body || typeof body !== 'object') return 'body is not JSON';
  if (typeof body.ServiceCode !== 'string') return 'no ServiceCode';
  if (!Array.isArray(body.Filters) || body.Filters.length === 0) return 'no Filters';
  for (const f of body.Filters)
    if (f.Type !== 'TERM_MATCH' || typeof f.Field !== 'string' || typeof f.Value !== 'string') return `filter ${JSON.stringify(f)}`;
  if (body.MaxResults !== undefined && (typeof body.MaxResults !== 'number' || body.MaxResults > 100))
    return `MaxResults ${body.MaxResults}`;
  return undefined;
}

function error(res: ServerResponse, status: number, type: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-error' });
  res.end(JSON.stringify({ __type: type, Message: message }));
}
