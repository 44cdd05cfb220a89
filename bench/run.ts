import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePlan } from './generate.js';

/**
 * `npm run bench`: generates plans of 1k, 10k and 100k resource changes and measures, each in a
 * fresh process and best of a few runs: bare JSON.parse of the file, and load + model + graph.
 */
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = join(process.cwd(), 'bench', 'out');
mkdirSync(dir, { recursive: true });

interface Sample {
  ms: number;
  maxRssMiB: number;
  resources: number;
}
function measure(mode: 'parse' | 'analyse', file: string): Sample {
  let best: Sample | undefined;
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/measure.ts', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const s = JSON.parse(out.trim().split('\n').at(-1)!) as Sample;
    if (!best || s.ms < best.ms) best = s;
  }
  return best!;
}

console.log(`node ${process.version}, ${RUNS} runs each (best)`);
console.log('resources  file MB  JSON.parse ms  analyse ms  ratio  peak RSS MiB (parse / analyse)');
for (const n of SIZES) {
  const file = join(dir, `plan-${n}.json`);
  writeFileSync(file, generatePlan(n));
  const mb = statSync(file).size / 1e6;
  const p = measure('parse', file);
  const a = measure('analyse', file);
  console.log(
    `${String(a.resources).padStart(9)}  ${mb.toFixed(1).padStart(7)}  ${p.ms.toFixed(0).padStart(13)}  ${a.ms.toFixed(0).padStart(10)}  ${(a.ms / p.ms).toFixed(2).padStart(5)}  ${p.maxRssMiB.toFixed(0)} / ${a.maxRssMiB.toFixed(0)}`,
  );
}
