import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generatePlanFile } from './generate.js';
import { ANALYSED_TYPES } from '../src/reads.js';

/**
 * `npm run bench`: speed and memory of container-plan-check on generated plans, each measured in
 * a fresh process (best of BENCH_RUNS):
 *   1. 1k / 10k / 100k resource changes: bare JSON.parse of the file vs load + model + graph
 *      (the loader's automatic choice, and both loaders forced), the ratio, peak RSS; and jq
 *      selecting the same resource types from the same file.
 *   2. Cold start of the built action (dist/index.js) and CLI on a small plan; bundle sizes.
 *   3. hcl2-parser over a generated tree of 500 .tf files (bench/hcl.ts).
 *   4. With BENCH_HUGE=1: a 1 GB plan (1M resource changes, 10% container resources) through the
 *      built CLI and the built action, each run BENCH_HUGE_RUNS times (default 3), with peak RSS.
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
function best(f: () => Sample, runs = RUNS): Sample {
  let b: Sample | undefined;
  for (let i = 0; i < runs; i++) {
    const s = f();
    if (!b || s.ms < b.ms) b = s;
  }
  return b!;
}
function measure(mode: string, file: string): Sample {
  return best(() => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/measure.ts', mode, file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as Sample;
  });
}
/** Wall time and peak RSS of a whole command (node preloaded with bench/rss.mjs). */
function timed(args: string[], env: NodeJS.ProcessEnv = process.env, runs = RUNS): Sample {
  return best(() => {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--import', './bench/rss.mjs', ...args], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
    const ms = performance.now() - t;
    const m = /maxRssMiB=([\d.]+)/.exec(r.stderr ?? '');
    return { ms, maxRssMiB: m ? Number(m[1]) : NaN, resources: 0 };
  }, runs);
}
function jq(file: string): Sample | undefined {
  if (spawnSync('jq', ['--version']).status !== 0) return undefined;
  const filter = `[.resource_changes[] | select(.type | IN(${ANALYSED_TYPES.map((t) => JSON.stringify(t)).join(',')}))] | length`;
  return best(() => {
    const t = performance.now();
    spawnSync('jq', [filter, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return { ms: performance.now() - t, maxRssMiB: NaN, resources: 0 };
  });
}
const f0 = (n: number) => n.toFixed(0);

console.log(
  `node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · best of ${RUNS}`,
);
console.log('\n1. analysis vs JSON.parse (ms; peak RSS MiB)');
console.log('resources  file MB  JSON.parse  analyse  ratio   whole  stream  jq (ratio)   RSS parse/analyse/stream');
for (const n of SIZES) {
  const file = join(dir, `plan-${n}.json`);
  if (!existsSync(file)) generatePlanFile(n, file);
  const mb = statSync(file).size / 1e6;
  const p = measure('parse', file);
  const a = measure('analyse', file);
  const w = measure('whole', file);
  const s = measure('stream', file);
  const j = jq(file);
  console.log(
    `${String(n).padStart(9)}  ${mb.toFixed(1).padStart(7)}  ${f0(p.ms).padStart(10)}  ${f0(a.ms).padStart(7)}  ${(a.ms / p.ms).toFixed(2).padStart(5)}  ${f0(w.ms).padStart(6)}  ${f0(s.ms).padStart(6)}  ${j ? `${f0(j.ms)} (${(a.ms / j.ms).toFixed(2)})` : 'jq not installed'}`.padEnd(
      96,
    ) + `${f0(p.maxRssMiB)} / ${f0(a.maxRssMiB)} / ${f0(s.maxRssMiB)}`,
  );
}

console.log('\n2. cold start on a small plan (fixtures/example-stack.json) and bundle sizes');
if (existsSync('dist/index.js')) {
  // The runner creates the output and summary files before a step runs.
  writeFileSync(join(dir, 'out.txt'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  const env = {
    ...process.env,
    INPUT_PLAN: 'fixtures/example-stack.json',
    'INPUT_COMMENT-MODE': 'off',
    'INPUT_AS-OF': '2026-11-22',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'out.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
  const action = timed(['dist/index.js'], env);
  const cli = timed(['dist/cli/index.js', '--as-of', '2026-11-22', 'fixtures/example-stack.json']);
  const bare = timed(['-e', '0']);
  console.log(
    `action dist/index.js: ${f0(action.ms)} ms (${f0(action.maxRssMiB)} MiB) · CLI dist/cli/index.js: ${f0(cli.ms)} ms · bare node: ${f0(bare.ms)} ms`,
  );
  for (const d of ['dist', 'dist/cli']) {
    for (const f of readdirSync(d).filter((x) => x.endsWith('.js')))
      console.log(
        `  ${join(d, f)}: ${(statSync(join(d, f)).size / 1e6).toFixed(2)} MB${f === 'index.js' ? '' : ' (loaded lazily: hcl2-parser with --tf-dir, the GitHub client to post a comment)'}`,
      );
  }
} else console.log('dist/ not built');

console.log('\n3. .tf sources');
process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', 'bench/hcl.ts', '500'], { encoding: 'utf8' }));

if (process.env.BENCH_HUGE) {
  console.log('\n4. a 1 GB plan through the built CLI and action (streamed)');
  const file = join(dir, 'plan-huge.json');
  if (!existsSync(file)) generatePlanFile(Number(process.env.BENCH_HUGE_N ?? 1_000_000), file, { containerShare: 0.1 });
  // Peak RSS varies from run to run with when the engine collects: every run is shown, and the
  // goal (≤ 400 MB) is judged on the largest.
  const runs = Array.from({ length: Number(process.env.BENCH_HUGE_RUNS ?? 3) }, () =>
    timed(
      [
        'dist/cli/index.js',
        '--format',
        'json',
        '--output',
        join(dir, 'huge-report.json'),
        '--fail-on',
        'never',
        '--as-of',
        '2026-11-22',
        file,
      ],
      process.env,
      1,
    ),
  );
  // The action on the same plan: the same analysis, plus the job summary and the report file.
  writeFileSync(join(dir, 'out.txt'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  const actionEnv = {
    ...process.env,
    INPUT_PLAN: file,
    'INPUT_COMMENT-MODE': 'off',
    'INPUT_AS-OF': '2026-11-22',
    'INPUT_FAIL-ON': 'never',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'out.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
  const actionRuns = runs.map(() => {
    writeFileSync(join(dir, 'summary.md'), '');
    return timed(['dist/index.js'], actionEnv, 1);
  });
  const mb = (mib: number) => (mib * 2 ** 20) / 1e6;
  for (const [name, list] of [
    ['CLI (--format json)', runs],
    ['action (report file, job summary)', actionRuns],
  ] as const) {
    const worst = Math.max(...list.map((r) => r.maxRssMiB));
    console.log(
      `${name}, ${(statSync(file).size / 1e9).toFixed(2)} GB, ${list.length} runs: ${list.map((r) => `${(r.ms / 1000).toFixed(1)} s / ${f0(r.maxRssMiB)} MiB`).join(' · ')}`,
    );
    console.log(`  largest peak RSS ${f0(worst)} MiB = ${f0(mb(worst))} MB (goal ≤ 400 MB: ${mb(worst) <= 400 ? 'met' : 'NOT met'})`);
  }
}
