import { z } from 'zod';
import priceListJson from './data/price-list.json' with { type: 'json' };
import { embedded } from '../embedded.js';

/**
 * How AWS Price List products map to snapshot keys (data/price-list.json): each region's
 * usage-type prefix, which exact usage type gives which key, and which EC2 products are the
 * on-demand Linux instance hours. Read by `pricing update` (the bulk offer files) and by the
 * live prices (the Price List Query API), which see the same products.
 */
const InstanceRows = z
  .object({ usageTypePrefix: z.string(), productFamily: z.string(), attributes: z.record(z.string(), z.string()) })
  .loose();
const PriceList = z
  .object({
    baseUrl: z.string(),
    offerIndex: z.string(),
    onDemandTerm: z.string(),
    prefixes: z.record(z.string(), z.string()),
    unprefixed: z.record(z.string(), z.array(z.string())),
    usageTypes: z.record(z.string(), z.record(z.string(), z.string())),
    ec2Instances: z.object({ usageTypePrefix: z.string(), productFamily: z.string(), attributes: z.record(z.string(), z.string()) }),
    /** Dedicated Instances: the same rows with tenancy Dedicated, keyed ec2-dedicated/<type>/hour. */
    ec2DedicatedInstances: InstanceRows.optional(),
    /** Windows (licence included), keyed ec2-windows/<type>/hour and ec2-dedicated-windows/<type>/hour. */
    ec2WindowsInstances: InstanceRows.optional(),
    ec2DedicatedWindowsInstances: InstanceRows.optional(),
  })
  .loose();
export const LIST = embedded('price-list.json', PriceList, priceListJson);
export const OFFER_CODES = Object.keys(LIST.usageTypes);

export interface Product {
  productFamily?: string;
  attributes: Record<string, string>;
}

/** The usage type with the region's prefix taken off, or undefined when it carries another region's prefix. */
export function stripPrefix(code: string, region: string, usageType: string): string | undefined {
  if ((LIST.unprefixed[code] ?? []).includes(region)) return usageType;
  const prefix = LIST.prefixes[region];
  return prefix !== undefined && usageType.startsWith(`${prefix}-`) ? usageType.slice(prefix.length + 1) : undefined;
}

/** The usage type as AWS writes it in a region (with the region's prefix), or undefined when the prefix is not known. */
export function addPrefix(code: string, region: string, usageType: string): string | undefined {
  if ((LIST.unprefixed[code] ?? []).includes(region)) return usageType;
  const prefix = LIST.prefixes[region];
  return prefix === undefined ? undefined : `${prefix}-${usageType}`;
}

type InstanceRows = z.infer<typeof InstanceRows>;

/**
 * EC2 instance rows and the key prefix each prices: Linux on shared tenancy (`ec2/`), Linux on
 * Dedicated Instances (`ec2-dedicated/`), Windows (`ec2-windows/`, `ec2-dedicated-windows/`).
 */
const EC2_INSTANCE_KEYS: (readonly [InstanceRows, string])[] = [
  [LIST.ec2Instances, 'ec2'],
  ...([
    [LIST.ec2DedicatedInstances, 'ec2-dedicated'],
    [LIST.ec2WindowsInstances, 'ec2-windows'],
    [LIST.ec2DedicatedWindowsInstances, 'ec2-dedicated-windows'],
  ].filter((row): row is [InstanceRows, string] => row[0] !== undefined) as (readonly [InstanceRows, string])[]),
];

/** The snapshot key a product prices, if any. */
export function keyOf(code: string, region: string, product: Product): string | undefined {
  const a = product.attributes;
  if (a.regionCode !== undefined && a.regionCode !== region) return undefined;
  const ut = a.usagetype === undefined ? undefined : stripPrefix(code, region, a.usagetype);
  if (ut === undefined) return undefined;
  const mapped = LIST.usageTypes[code]?.[ut];
  if (mapped) return mapped;
  for (const [inst, prefix] of EC2_INSTANCE_KEYS) {
    if (code === 'AmazonEC2' && ut.startsWith(inst.usageTypePrefix) && product.productFamily === inst.productFamily) {
      if (Object.entries(inst.attributes).every(([k, v]) => a[k] === v)) return `${prefix}/${ut.slice(inst.usageTypePrefix.length)}/hour`;
    }
  }
  return undefined;
}

/** The attributes `keyOf` reads. */
export const KEY_ATTRIBUTES = ['regionCode', 'usagetype', ...Object.keys(LIST.ec2Instances.attributes)];

const Dimension = z
  .object({ unit: z.string().optional(), beginRange: z.string().optional(), pricePerUnit: z.record(z.string(), z.string()) })
  .loose();
export const Term = z.object({ offerTermCode: z.string(), priceDimensions: z.record(z.string(), Dimension) }).loose();
export type Term = z.infer<typeof Term>;

/** The on-demand price among a SKU's terms: the first-tier dimension (beginRange 0) in USD. */
export function onDemandUsd(terms: Record<string, Term> | undefined, onInvalid?: (usd: string) => void): number | undefined {
  if (!terms) return undefined;
  for (const term of Object.values(terms)) {
    if (term.offerTermCode !== LIST.onDemandTerm) continue;
    const dims = Object.values(term.priceDimensions);
    const first = dims.find((d) => d.beginRange === undefined || Number(d.beginRange) === 0);
    const usd = first?.pricePerUnit.USD;
    if (usd === undefined) continue;
    const price = parseUsd(usd);
    if (price !== undefined) return price;
    onInvalid?.(usd);
  }
  return undefined;
}

/**
 * A price as the Price List writes it: a plain non-negative decimal ("0.0000012500"). `Number()`
 * would read "" as 0, "0x10" as 16, "0b11" as 3 and "1e300" as a price; those are refused.
 */
export function parseUsd(text: string): number | undefined {
  if (!/^\d{1,12}(\.\d{1,16})?$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The Price List products that give a snapshot key in a region, as Price List Query API
 * filters (TERM_MATCH on exact attribute values): the service and its attributes. Undefined
 * for a key no product gives (or a region whose usage-type prefix is not known).
 */
export function productQuery(region: string, key: string): { serviceCode: string; attributes: Record<string, string> } | undefined {
  const ec2 = /^(ec2[a-z-]*)\/([a-z0-9-]+\.[a-z0-9-]+)\/hour$/.exec(key);
  const inst = ec2 && EC2_INSTANCE_KEYS.find(([, prefix]) => prefix === ec2[1])?.[0];
  if (ec2 && inst) {
    const usagetype = addPrefix('AmazonEC2', region, `${inst.usageTypePrefix}${ec2[2]}`);
    if (usagetype === undefined) return undefined;
    return { serviceCode: 'AmazonEC2', attributes: { regionCode: region, instanceType: ec2[2]!, usagetype, ...inst.attributes } };
  }
  for (const [code, types] of Object.entries(LIST.usageTypes)) {
    for (const [ut, k] of Object.entries(types)) {
      if (k !== key) continue;
      const usagetype = addPrefix(code, region, ut);
      return usagetype === undefined ? undefined : { serviceCode: code, attributes: { regionCode: region, usagetype } };
    }
  }
  return undefined;
}
