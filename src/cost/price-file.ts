import { z } from 'zod';
import limits from '../data/limits.json' with { type: 'json' };
import { readRegularFileSync } from '../load/files.js';
import { InputError } from '../plan/errors.js';
import { buildPriceSchemas, embeddedSnapshot, type PriceFile, type PriceSchemas } from './prices.js';

/**
 * A user's price file, read and validated, and the price files' zod schemas. Loaded only when a
 * run has a price file (`runPriceBook`, src/cost/index.ts) or by `pricing update`, so that zod is
 * not loaded at start.
 */
let built: PriceSchemas | undefined;

/** The price files' zod schemas (built once, on first use). */
export function priceSchemas(): PriceSchemas {
  return (built ??= buildPriceSchemas(z));
}

/** Reads and validates a price file; any problem is one line naming the file. */
export function readPriceFile(path: string): PriceFile {
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
  const parsed = priceSchemas().PriceFileSchema.safeParse(json);
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
