import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSnapshot, dirSource } from '../src/cost/update.js';
import { generatePriceListDir, REGION } from './generate-offer.js';

/**
 * `node --import tsx bench/offers.ts`: generates an AmazonEC2-shaped offer file of about 1 GB
 * (OFFER_PRODUCTS products, default 300,000; kept in bench/out) and measures, in a fresh process
 * each, the pricing refresh on it (`pricing update --from-dir`, streaming) and, for comparison,
 * reading the file whole as the refresh used to.
 */
const [mode, dir] = process.argv.slice(2);

if (mode === 'stream') {
  const t0 = performance.now();
  const { snapshot } = await buildSnapshot(dirSource(dir!), [REGION]);
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({ prices: Object.keys(snapshot.regions[REGION] ?? {}).length, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }),
  );
} else if (mode === 'whole') {
  const t0 = performance.now();
  let outcome: string;
  try {
    const doc = JSON.parse(readFileSync(dir!, 'utf8')) as { products: object };
    outcome = `${Object.keys(doc.products).length} products`;
  } catch (e) {
    outcome = `fails: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
  console.log(JSON.stringify({ outcome, ms: performance.now() - t0, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
} else {
  const n = Number(process.env.OFFER_PRODUCTS ?? 300_000);
  const out = join(process.cwd(), 'bench', 'out', `offers-${n}`);
  const offerFile = join(out, 'offers/v1.0/aws/AmazonEC2/20251105094417', REGION, 'index.json');
  if (!existsSync(offerFile)) {
    const t0 = performance.now();
    generatePriceListDir(out, n);
    console.log(`generated ${n} products in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const run = (...args: string[]) =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/offers.ts', ...args], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .at(-1)!,
    ) as Record<string, number | string>;
  console.log(
    `node ${process.version}; AmazonEC2 offer for ${REGION}: ${n} products, ${(statSync(offerFile).size / 2 ** 20).toFixed(0)} MiB`,
  );
  const s = run('stream', out);
  console.log(
    `streaming refresh: ${s.prices} prices in ${(Number(s.ms) / 1000).toFixed(1)} s, peak RSS ${Number(s.maxRssMiB).toFixed(0)} MiB`,
  );
  const w = run('whole', offerFile);
  console.log(
    `whole-file read + JSON.parse: ${w.outcome} after ${(Number(w.ms) / 1000).toFixed(1)} s, peak RSS ${Number(w.maxRssMiB).toFixed(0)} MiB`,
  );
}
