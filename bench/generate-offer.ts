import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeInPieces } from './file-writer.js';

/**
 * Generates a large AmazonEC2-shaped regional offer file (us-east-2), written piece by piece so
 * that even a multi-GB file is never one string. Like the real files it is pretty-printed and
 * holds, per instance type, every combination of operating system, tenancy, pre-installed
 * software and capacity status as Compute Instance products (about 35 attributes each), EBS
 * Storage products, an OnDemand term per product and three Reserved terms per used-capacity
 * product. Only the Linux / Shared / NA / Used instance products and the EBS products carry a
 * price the snapshot keeps.
 */
export const REGION = 'us-east-2';
const PREFIX = 'USE2';
const LOCATION = 'US East (Ohio)';

const OS = [
  ['Linux', 'RunInstances'],
  ['Windows', 'RunInstances:0002'],
  ['RHEL', 'RunInstances:0010'],
  ['SUSE', 'RunInstances:000g'],
  ['Red Hat Enterprise Linux with HA', 'RunInstances:1010'],
  ['Ubuntu Pro', 'RunInstances:0g00'],
] as const;
const TENANCY = [
  ['Shared', 'BoxUsage'],
  ['Dedicated', 'DedicatedUsage'],
  ['Host', 'HostUsage'],
] as const;
const SOFTWARE = ['NA', 'SQL Std', 'SQL Web', 'SQL Ent'] as const;
const CAPACITY = ['Used', 'UnusedCapacityReservation', 'AllocatedCapacityReservation'] as const;
const COMBOS = OS.length * TENANCY.length * SOFTWARE.length * CAPACITY.length;
const SIZES = ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', 'metal'];
const EBS = [
  ['Storage', 'EBS:VolumeUsage.gp3', 'ebs/gp3/gb-month', 0.08],
  ['Storage', 'EBS:VolumeUsage.gp2', 'ebs/gp2/gb-month', 0.1],
  ['System Operation', 'EBS:VolumeP-IOPS.gp3', 'ebs/gp3/iops-month', 0.005],
] as const;

/** The n-th instance type: family letters × generation × variant × size, all distinct. */
function instanceType(n: number): string {
  const size = SIZES[n % SIZES.length]!;
  let f = Math.floor(n / SIZES.length);
  const variant = ['', 'a', 'g', 'i', 'd', 'n', 'gd', 'id', 'gn', 'in'][f % 10]!;
  f = Math.floor(f / 10);
  const letter = 'mcrtxzihdp'[f % 10]!;
  return `${letter}${5 + Math.floor(f / 10)}${variant}.${size}`;
}

/** A distinct 16-character SKU for product i. */
function skuOf(i: number): string {
  const h = (Math.imul(i + 1, 0x9e3779b1) >>> 0).toString(36).toUpperCase().padStart(7, '0');
  return `${i.toString(36).toUpperCase().padStart(9, '0')}${h}`.slice(0, 16);
}

interface GeneratedProduct {
  product: { sku: string; productFamily: string; attributes: Record<string, string> };
  usd: number;
  /** The snapshot key it prices, if it is one the refresh keeps. */
  key?: string;
}

function productOf(i: number): GeneratedProduct {
  const sku = skuOf(i);
  // Every 1000th product is an EBS one, as in the real files (a minority among instances).
  if (i % 1000 === 999) {
    const [family, usageType, key, usd] = EBS[Math.floor(i / 1000) % EBS.length]!;
    const attributes = {
      servicecode: 'AmazonEC2',
      location: LOCATION,
      locationType: 'AWS Region',
      storageMedia: 'SSD-backed',
      volumeType: 'General Purpose',
      usagetype: `${PREFIX}-${usageType}`,
      operation: '',
      regionCode: REGION,
      servicename: 'Amazon Elastic Compute Cloud',
    };
    return { product: { sku, productFamily: family, attributes }, usd, key };
  }
  const combo = i % COMBOS;
  const type = instanceType(Math.floor(i / COMBOS));
  const [os, operation] = OS[combo % OS.length]!;
  const [tenancy, usage] = TENANCY[Math.floor(combo / OS.length) % TENANCY.length]!;
  const software = SOFTWARE[Math.floor(combo / (OS.length * TENANCY.length)) % SOFTWARE.length]!;
  const capacity = CAPACITY[Math.floor(combo / (OS.length * TENANCY.length * SOFTWARE.length))]!;
  const size = SIZES.indexOf(type.split('.')[1]!) + 1;
  const vcpu = 2 ** Math.min(size, 7);
  const usd = Number((0.0104 * vcpu * (1 + combo / 100)).toFixed(4));
  const usageType =
    capacity === 'Used'
      ? `${PREFIX}-${usage}:${type}`
      : `${PREFIX}-${capacity === 'UnusedCapacityReservation' ? 'UnusedBox' : 'Reservation'}:${type}`;
  const attributes: Record<string, string> = {
    servicecode: 'AmazonEC2',
    location: LOCATION,
    locationType: 'AWS Region',
    instanceType: type,
    currentGeneration: 'Yes',
    instanceFamily: 'General purpose',
    vcpu: String(vcpu),
    physicalProcessor: 'Intel Xeon Platinum 8175 (Skylake) – “Sky Lake”',
    clockSpeed: '3.1 GHz',
    memory: `${vcpu * 4} GiB`,
    storage: 'EBS only',
    networkPerformance: 'Up to 10 Gigabit',
    processorArchitecture: '64-bit',
    tenancy,
    operatingSystem: os,
    licenseModel: 'No License required',
    usagetype: usageType,
    operation: software === 'NA' ? operation : `${operation}:0${SOFTWARE.indexOf(software)}06`,
    availabilityzone: 'NA',
    capacitystatus: capacity,
    classicnetworkingsupport: 'false',
    dedicatedEbsThroughput: 'Up to 2120 Mbps',
    ecu: String(vcpu * 5),
    enhancedNetworkingSupported: 'Yes',
    gpuMemory: 'NA',
    intelAvxAvailable: 'Yes',
    intelAvx2Available: 'Yes',
    intelTurboAvailable: 'Yes',
    marketoption: 'OnDemand',
    normalizationSizeFactor: String(vcpu / 2),
    preInstalledSw: software,
    processorFeatures: 'Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo',
    regionCode: REGION,
    servicename: 'Amazon Elastic Compute Cloud',
    vpcnetworkingsupport: 'true',
  };
  // Linux and Windows on-demand rows are priced at shared tenancy (ec2/, ec2-windows/) and as
  // Dedicated Instances (ec2-dedicated/, ec2-dedicated-windows/).
  const priced =
    (os === 'Linux' || os === 'Windows') && (tenancy === 'Shared' || tenancy === 'Dedicated') && software === 'NA' && capacity === 'Used';
  const keyPrefix = `${tenancy === 'Shared' ? 'ec2' : 'ec2-dedicated'}${os === 'Windows' ? '-windows' : ''}`;
  return {
    product: { sku, productFamily: 'Compute Instance', attributes },
    usd,
    ...(priced ? { key: `${keyPrefix}/${type}/hour` } : {}),
  };
}

function term(
  sku: string,
  code: string,
  dims: Array<{ code: string; unit: string; usd: number; description: string }>,
  termAttributes: Record<string, string>,
) {
  return {
    [`${sku}.${code}`]: {
      offerTermCode: code,
      sku,
      effectiveDate: '2025-11-01T00:00:00Z',
      priceDimensions: Object.fromEntries(
        dims.map((d) => [
          `${sku}.${code}.${d.code}`,
          {
            rateCode: `${sku}.${code}.${d.code}`,
            description: d.description,
            beginRange: '0',
            endRange: 'Inf',
            unit: d.unit,
            pricePerUnit: { USD: d.usd.toFixed(10) },
            appliesTo: [],
          },
        ]),
      ),
      termAttributes,
    },
  };
}

const RESERVED = [
  ['4NA7Y494T4', '1yr', 'No Upfront', 0.62],
  ['HU7G6KETJZ', '1yr', 'Partial Upfront', 0.59],
  ['NQ3QZPMQV9', '3yr', 'All Upfront', 0.4],
] as const;

export interface GenerateOfferOptions {
  /** No indentation and no Reserved terms: the smallest file of n products (default false). */
  compact?: boolean;
}

export interface GeneratedOffer {
  /** Products written. */
  products: number;
  /** Products the refresh keeps (and decodes), with their OnDemand terms. */
  priced: number;
  /** The snapshot prices they give. */
  prices: Record<string, number>;
}

/** Writes an EC2-shaped offer file of n products to `write`, piece by piece. */
export function generateOfferTo(n: number, write: (s: string) => void, opts: GenerateOfferOptions = {}): GeneratedOffer {
  const member = (indent: string, key: string, value: unknown, first: boolean) =>
    opts.compact
      ? `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`
      : `${first ? '' : ','}\n${indent}${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`)}`;
  write(
    `{\n  "formatVersion": "v1.0",\n  "disclaimer": "This pricing list is for informational purposes only.",\n  "offerCode": "AmazonEC2",\n  "version": "20251105094417",\n  "publicationDate": "2025-11-05T09:44:17Z",\n  "products": {`,
  );
  const out: GeneratedOffer = { products: n, priced: 0, prices: {} };
  for (let i = 0; i < n; i++) {
    const p = productOf(i);
    write(member('    ', p.product.sku, p.product, i === 0));
    if (p.key) {
      out.priced++;
      out.prices[p.key] ??= p.usd;
    }
  }
  write('\n  },\n  "terms": {\n    "OnDemand": {');
  for (let i = 0; i < n; i++) {
    const { product, usd } = productOf(i);
    const unit = product.productFamily === 'Compute Instance' ? 'Hrs' : 'GB-Mo';
    write(
      member(
        '      ',
        product.sku,
        term(
          product.sku,
          'JRTCKXETXF',
          [{ code: '6YS6EN2CT7', unit, usd, description: `$${usd} per ${unit} for ${product.attributes.usagetype}` }],
          {},
        ),
        i === 0,
      ),
    );
  }
  write('\n    },\n    "Reserved": {');
  let first = true;
  for (let i = 0; i < n && !opts.compact; i++) {
    const { product, usd } = productOf(i);
    if (product.attributes.capacitystatus !== 'Used') continue;
    const terms = Object.assign(
      {},
      ...RESERVED.map(([code, length, option, ratio]) =>
        term(
          product.sku,
          code,
          [
            { code: '6YS6EN2CT7', unit: 'Hrs', usd: usd * ratio, description: `${option} ${length} reserved, per hour` },
            { code: '2TG2D8R56U', unit: 'Quantity', usd: usd * ratio * 730, description: 'Upfront Fee' },
          ],
          { LeaseContractLength: length, OfferingClass: 'standard', PurchaseOption: option },
        ),
      ),
    );
    write(member('      ', product.sku, terms, first));
    first = false;
  }
  write('\n    }\n  }\n}\n');
  return out;
}

/** Writes the offer to `file` through a buffer, never holding it whole. */
export function generateOfferFile(n: number, file: string, opts: GenerateOfferOptions = {}): GeneratedOffer {
  return writeInPieces(file, (write) => generateOfferTo(n, write, opts));
}

/**
 * Lays out a Price List under `dir` as its URL paths: the offer index, region indexes (AmazonECS,
 * AmazonEKS, AmazonCloudWatch and AmazonVPC with no region) and a generated AmazonEC2 offer of n products for us-east-2.
 */
export function generatePriceListDir(dir: string, n: number, opts: GenerateOfferOptions = {}): GeneratedOffer & { offerFile: string } {
  const base = '/offers/v1.0/aws';
  const put = (urlPath: string, doc: unknown) => {
    const file = join(dir, urlPath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(doc));
  };
  const codes = ['AmazonECS', 'AmazonEKS', 'AmazonCloudWatch', 'AmazonVPC', 'AmazonEC2'];
  put(`${base}/index.json`, {
    formatVersion: 'v1.0',
    publicationDate: '2025-11-06T00:00:00Z',
    offers: Object.fromEntries(codes.map((c) => [c, { offerCode: c, currentRegionIndexUrl: `${base}/${c}/current/region_index.json` }])),
  });
  const offerUrl = `${base}/AmazonEC2/20251105094417/${REGION}/index.json`;
  for (const c of codes)
    put(`${base}/${c}/current/region_index.json`, {
      regions: c === 'AmazonEC2' ? { [REGION]: { regionCode: REGION, currentVersionUrl: offerUrl } } : {},
    });
  const offerFile = join(dir, offerUrl);
  mkdirSync(dirname(offerFile), { recursive: true });
  return { ...generateOfferFile(n, offerFile, opts), offerFile };
}
