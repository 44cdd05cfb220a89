import { z } from 'zod';

/**
 * The schemas of what the AWS Price List API answers: a price list item (live prices, src/cost/live.ts,
 * which loads this module and zod only when AWS answers) and its terms (also read by `pricing update`).
 */

/** A price list term. */
export function termSchema() {
  const Dimension = z
    .object({ unit: z.string().optional(), beginRange: z.string().optional(), pricePerUnit: z.record(z.string(), z.string()) })
    .loose();
  return z.object({ offerTermCode: z.string(), priceDimensions: z.record(z.string(), Dimension) }).loose();
}
export type Term = z.infer<ReturnType<typeof termSchema>>;

function buildItemSchema() {
  return z
    .object({
      product: z
        .object({ sku: z.string().optional(), productFamily: z.string().optional(), attributes: z.record(z.string(), z.string()) })
        .loose(),
      terms: z.object({ OnDemand: z.record(z.string(), termSchema()).optional() }).loose(),
      publicationDate: z.string().optional(),
    })
    .loose();
}
let built: ReturnType<typeof buildItemSchema> | undefined;

/** A price list item's schema, built once. */
export function itemSchema(): ReturnType<typeof buildItemSchema> {
  return (built ??= buildItemSchema());
}
