import type { z } from 'zod';
import priceListJson from './data/price-list.json' with { type: 'json' };
import { embedded, type Zod } from '../load/embedded.js';
import { ebsOptimizationOptional } from '../aws/facts.js';
import type { Term } from './live-item.js';

/**
 * How AWS Price List products map to snapshot keys (data/price-list.json): each region's
 * usage-type prefix, which exact usage type gives which key, and which EC2 products are the
 * on-demand Linux instance hours. Read by `pricing update` (the bulk offer files) and by the
 * live prices (the Price List Query API), which see the same products.
 */

/** The data files' schemas, made only when the test suite checks the data against them, with the zod it passes (never at start). */
function schemas(z: Zod) {
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
      /**
       * Products found by attributes rather than usage type (the usage type is not known): every
       * attribute must match; `{<keyAttribute>}` in the key takes that attribute's value
       * (EKS Auto Mode fee per instance type, Provisioned Control Plane tiers).
       */
      attributeProducts: z
        .array(
          z
            .object({
              offerCode: z.string(),
              key: z.string(),
              attributes: z.record(z.string(), z.string()),
              keyAttribute: z.string().optional(),
            })
            .loose(),
        )
        .optional(),
      /** Dedicated Instances: the same rows with tenancy Dedicated, keyed ec2-dedicated/<type>/hour. */
      /** The ECS Managed Instances fee per instance type, keyed ecs-managed-instances/<type>/hour. */
      ecsManagedInstances: z.object({ usageTypeContains: z.string(), attribute: z.string() }).loose().optional(),
      /** The EBS-optimized fee per instance type, keyed ec2-ebs-optimized/<type>/hour: the usage type of a type in src/aws/data/ebs-optimized.json. */
      ec2EbsOptimized: z.object({ usageTypePrefix: z.string() }).loose().optional(),
      ec2DedicatedInstances: InstanceRows.optional(),
      /** Windows (licence included), keyed ec2-windows/<type>/hour and ec2-dedicated-windows/<type>/hour. */
      ec2WindowsInstances: InstanceRows.optional(),
      ec2DedicatedWindowsInstances: InstanceRows.optional(),
    })
    .loose();
  return { InstanceRows, PriceList };
}
type Schemas = ReturnType<typeof schemas>;

export const LIST = embedded('price-list.json', (z) => schemas(z).PriceList, priceListJson);
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

type InstanceRows = z.infer<Schemas['InstanceRows']>;

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

const ATTRIBUTE_PRODUCTS = LIST.attributeProducts ?? [];

/** An instance type as it may appear in a key (`m5.large`): anything else in the attribute gives no key. */
const KEY_VALUE = /^[a-z0-9-]+\.[a-z0-9-]+$/;

/** The key of a product found by its attributes (LIST.attributeProducts), if one matches. */
function attributeKey(code: string, a: Record<string, string>): string | undefined {
  for (const ap of ATTRIBUTE_PRODUCTS) {
    if (ap.offerCode !== code || !Object.entries(ap.attributes).every(([k, v]) => a[k] === v)) continue;
    if (!ap.keyAttribute) return ap.key;
    const v = a[ap.keyAttribute];
    if (v !== undefined && KEY_VALUE.test(v)) return ap.key.replace(`{${ap.keyAttribute}}`, v);
  }
  return undefined;
}

/** The snapshot key a product prices, if any. */
export function keyOf(code: string, region: string, product: Product): string | undefined {
  const a = product.attributes;
  if (a.regionCode !== undefined && a.regionCode !== region) return undefined;
  const byAttributes = attributeKey(code, a);
  if (byAttributes) return byAttributes;
  const ut = a.usagetype === undefined ? undefined : stripPrefix(code, region, a.usagetype);
  if (ut === undefined) return undefined;
  const mapped = LIST.usageTypes[code]?.[ut];
  if (mapped) return mapped;
  const ebsOpt = LIST.ec2EbsOptimized;
  if (ebsOpt && code === 'AmazonEC2' && ut.startsWith(ebsOpt.usageTypePrefix)) {
    const type = ut.slice(ebsOpt.usageTypePrefix.length);
    // The offer also has rows for types optimized by default (no fee): only the optional types give a key.
    return ebsOptimizationOptional(type) ? `ec2-ebs-optimized/${type}/hour` : undefined;
  }
  const mi = LIST.ecsManagedInstances;
  if (mi && code === 'AmazonECS' && ut.includes(mi.usageTypeContains)) {
    const type = a[mi.attribute];
    if (type !== undefined && /^[a-z0-9-]+\.[a-z0-9-]+$/.test(type)) return `ecs-managed-instances/${type}/hour`;
  }
  for (const [inst, prefix] of EC2_INSTANCE_KEYS) {
    if (code === 'AmazonEC2' && ut.startsWith(inst.usageTypePrefix) && product.productFamily === inst.productFamily) {
      if (Object.entries(inst.attributes).every(([k, v]) => a[k] === v)) return `${prefix}/${ut.slice(inst.usageTypePrefix.length)}/hour`;
    }
  }
  return undefined;
}

/** The attributes `keyOf` reads. */
export const KEY_ATTRIBUTES = [
  ...new Set([
    'regionCode',
    'usagetype',
    ...Object.keys(LIST.ec2Instances.attributes),
    ...(LIST.ecsManagedInstances ? [LIST.ecsManagedInstances.attribute] : []),
    ...ATTRIBUTE_PRODUCTS.flatMap((ap) => [...Object.keys(ap.attributes), ...(ap.keyAttribute ? [ap.keyAttribute] : [])]),
  ]),
];

export type { Term };

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
  const ebsOpt = /^ec2-ebs-optimized\/([a-z0-9-]+\.[a-z0-9-]+)\/hour$/.exec(key);
  if (ebsOpt && LIST.ec2EbsOptimized) {
    const usagetype = addPrefix('AmazonEC2', region, `${LIST.ec2EbsOptimized.usageTypePrefix}${ebsOpt[1]}`);
    return usagetype === undefined ? undefined : { serviceCode: 'AmazonEC2', attributes: { regionCode: region, usagetype } };
  }
  const ec2 = /^(ec2[a-z-]*)\/([a-z0-9-]+\.[a-z0-9-]+)\/hour$/.exec(key);
  const inst = ec2 && EC2_INSTANCE_KEYS.find(([, prefix]) => prefix === ec2[1])?.[0];
  if (ec2 && inst) {
    const usagetype = addPrefix('AmazonEC2', region, `${inst.usageTypePrefix}${ec2[2]}`);
    if (usagetype === undefined) return undefined;
    return { serviceCode: 'AmazonEC2', attributes: { regionCode: region, instanceType: ec2[2]!, usagetype, ...inst.attributes } };
  }
  const mi = /^ecs-managed-instances\/([a-z0-9-]+\.[a-z0-9-]+)\/hour$/.exec(key);
  if (mi && LIST.ecsManagedInstances) {
    // The usage type is not known exactly: the products of the type are asked for, and keyOf keeps the fee's.
    return { serviceCode: 'AmazonECS', attributes: { regionCode: region, [LIST.ecsManagedInstances.attribute]: mi[1]! } };
  }
  for (const ap of ATTRIBUTE_PRODUCTS) {
    if (!ap.keyAttribute) {
      if (ap.key === key) return { serviceCode: ap.offerCode, attributes: { regionCode: region, ...ap.attributes } };
      continue;
    }
    const [head, tail] = ap.key.split(`{${ap.keyAttribute}}`) as [string, string | undefined];
    if (tail === undefined || !key.startsWith(head) || !key.endsWith(tail)) continue;
    const v = key.slice(head.length, key.length - tail.length);
    if (KEY_VALUE.test(v)) return { serviceCode: ap.offerCode, attributes: { regionCode: region, ...ap.attributes, [ap.keyAttribute]: v } };
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
