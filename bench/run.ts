import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generatePlanFile, generateSharedKeyPlanFile } from './generate.js';
import { ANALYSED_TYPES } from '../src/engine/reads.js';

/**
 * `npm run bench`: speed and memory of container-plan-check, every command in a fresh process,
 * every figure the median of BENCH_RUNS runs (default 5), commands of one row interleaved so
 * that a change in the machine's load hits them alike:
 *   1. What users wait for: the built CLI (dist/cli/index.js, text report) and the built action
 *      (dist/index.js, comment off) against `node -e 'JSON.parse(readFileSync(f))'` on the same
 *      100k-resource plan, in the same run: the bench's own plan (a terraform-aws-modules stack,
 *      planned_values mirroring every after) and a harsh one (no planned_values, two thirds of
 *      the bytes analysed resources). Both ratios, then where the time goes (bench/cli-phases.ts).
 *   2. 100k task definitions sharing one key of the graph's index (nothing quadratic).
 *   3. A small plan (fixtures/example-stack.json): the CLI against `node -e 0`, with module
 *      loading measured on its own (`--version` loads every module and reads no plan); bundle sizes.
 *   4. Load + model + graph alone against a bare JSON.parse by size (BENCH_SIZES), and jq.
 *   5. hcl2-parser over a generated tree of 500 .tf files (bench/hcl.ts).
 *   6. With BENCH_HUGE=1: a 1 GB plan (1M resource changes, 10% container resources) through the
 *      built CLI and the built action, each run BENCH_HUGE_RUNS times (default 3), with peak RSS.
 */
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const N = Number(process.env.BENCH_N ?? 100_000);
const dir = join(process.cwd(), 'bench', 'out');
mkdirSync(dir, { recursive: true });

interface Sample {
  ms: number;
  maxRssMiB: number;
  resources: number;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** Runs every command of a row once per round, RUNS rounds; the median time and RSS of each. */
function rounds(fs: (() => Sample)[], runs = RUNS): Sample[] {
  const all: Sample[][] = fs.map(() => []);
  for (let i = 0; i < runs; i++) fs.forEach((f, j) => all[j]!.push(f()));
  return all.map((l) => ({ ms: median(l.map((x) => x.ms)), maxRssMiB: median(l.map((x) => x.maxRssMiB)), resources: l[0]!.resources }));
}
function measureOnce(mode: string, file: string): Sample {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/measure.ts', mode, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Sample;
}
/** Wall time and peak RSS of a whole command (node preloaded with bench/rss.mjs); its standard output is discarded. */
function timedOnce(args: string[], env: NodeJS.ProcessEnv = process.env): Sample {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', './bench/rss.mjs', ...args], {
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const m = /maxRssMiB=([\d.]+)/.exec(r.stderr ?? '');
  return { ms, maxRssMiB: m ? Number(m[1]) : NaN, resources: 0 };
}
function jqOnce(file: string): Sample {
  const filter = `[.resource_changes[] | select(.type | IN(${ANALYSED_TYPES.map((t) => JSON.stringify(t)).join(',')}))] | length`;
  const t = performance.now();
  spawnSync('jq', [filter, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return { ms: performance.now() - t, maxRssMiB: NaN, resources: 0 };
}
const f0 = (n: number) => n.toFixed(0);
const bareParse = (file: string) => () => timedOnce(['-e', 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))', file]);
const cliOn =
  (file: string, extra: string[] = []) =>
  () =>
    timedOnce(['dist/cli/index.js', '--as-of', '2026-11-22', '--prices', 'snapshot', '--fail-on', 'never', ...extra, file]);
/** The action as a workflow step runs it, comment off: report file, job summary, outputs. */
function actionOn(file: string) {
  writeFileSync(join(dir, 'out.txt'), '');
  const env = {
    ...process.env,
    INPUT_PLAN: file,
    'INPUT_COMMENT-MODE': 'off',
    'INPUT_AS-OF': '2026-11-22',
    'INPUT_FAIL-ON': 'never',
    INPUT_PRICES: 'snapshot',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'out.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
  return () => {
    // The runner creates the output and summary files before a step runs.
    writeFileSync(join(dir, 'out.txt'), '');
    writeFileSync(join(dir, 'summary.md'), '');
    return timedOnce(['dist/index.js'], env);
  };
}
const built = existsSync('dist/cli/index.js') && existsSync('dist/index.js');

console.log(
  `node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · median of ${RUNS} · load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);

console.log(
  `\n1. the whole CLI and action against a bare JSON.parse of the same ${N.toLocaleString('en-US')}-resource plan (ms; peak RSS MiB)`,
);
const plans = [
  { name: 'bench plan (planned_values)', file: join(dir, `plan-${N}.json`), opts: {} },
  { name: 'harsh plan (no planned_values)', file: join(dir, `harsh-${N}.json`), opts: { harsh: true } },
];
if (!built) console.log('dist/ not built: npm run build first');
else {
  console.log('plan                              file MB   JSON.parse        CLI  ratio     action  ratio   RSS parse / CLI / action');
  for (const p of plans) {
    if (!existsSync(p.file)) generatePlanFile(N, p.file, p.opts);
    const [bare, cli, action] = rounds([bareParse(p.file), cliOn(p.file), actionOn(p.file)]);
    console.log(
      `${p.name.padEnd(32)}  ${(statSync(p.file).size / 1e6).toFixed(1).padStart(7)}  ${f0(bare!.ms).padStart(11)}  ${f0(cli!.ms).padStart(9)}  ${(cli!.ms / bare!.ms).toFixed(2).padStart(5)}  ${f0(action!.ms).padStart(9)}  ${(action!.ms / bare!.ms).toFixed(2).padStart(5)}   ${f0(bare!.maxRssMiB)} / ${f0(cli!.maxRssMiB)} / ${f0(action!.maxRssMiB)}`,
    );
  }
}
console.log('where the time goes (one run each, ms: the phases one after another, as bench/cli-phases.ts runs them)');
for (const p of plans) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/cli-phases.ts', p.file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const { ms } = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: Record<string, number> };
  console.log(
    `  ${p.name}: ${Object.entries(ms)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
  );
}

console.log(`\n2. ${N.toLocaleString('en-US')} task definitions sharing one key (one family)`);
{
  const file = join(dir, `shared-key-${N}.json`);
  if (!existsSync(file)) generateSharedKeyPlanFile(N, file);
  const [bare, analysed, cli] = rounds(
    [bareParse(file), () => measureOnce('analyse', file), ...(built ? [cliOn(file)] : [])],
    Math.min(RUNS, 3),
  );
  console.log(
    `JSON.parse ${f0(bare!.ms)} ms · load + model + graph ${f0(analysed!.ms)} ms${cli ? ` · CLI ${f0(cli.ms)} ms (ratio ${(cli.ms / bare!.ms).toFixed(2)})` : ''}`,
  );
}

console.log('\n3. a small plan (fixtures/example-stack.json) and bundle sizes');
if (built) {
  const small = 'fixtures/example-stack.json';
  const [bare, version, cli, action] = rounds(
    [() => timedOnce(['-e', '0']), () => timedOnce(['dist/cli/index.js', '--version']), cliOn(small), actionOn(small)],
    Math.max(RUNS, 9),
  );
  console.log(
    `bare node -e 0: ${f0(bare!.ms)} ms · CLI: ${f0(cli!.ms)} ms (ratio ${(cli!.ms / bare!.ms).toFixed(2)}) · of which module loading (--version − node -e 0): ${f0(version!.ms - bare!.ms)} ms · action, comment off: ${f0(action!.ms)} ms (${f0(action!.maxRssMiB)} MiB)`,
  );
  for (const d of ['dist', 'dist/cli']) {
    for (const f of readdirSync(d).filter((x) => x.endsWith('.js')))
      console.log(
        `  ${join(d, f)}: ${(statSync(join(d, f)).size / 1e6).toFixed(2)} MB${f === 'index.js' ? '' : ' (a chunk loaded only when needed)'}`,
      );
  }
} else console.log('dist/ not built');

console.log('\n4. load + model + graph alone against JSON.parse, by size (ms; peak RSS MiB)');
console.log('resources  file MB  JSON.parse  analyse  ratio   whole  stream  jq (ratio)   RSS parse/analyse/stream');
const hasJq = spawnSync('jq', ['--version']).status === 0;
for (const n of SIZES) {
  const file = join(dir, `plan-${n}.json`);
  if (!existsSync(file)) generatePlanFile(n, file);
  const mb = statSync(file).size / 1e6;
  const [p, a, w, s, j] = rounds([
    () => measureOnce('parse', file),
    () => measureOnce('analyse', file),
    () => measureOnce('whole', file),
    () => measureOnce('stream', file),
    ...(hasJq ? [() => jqOnce(file)] : []),
  ]);
  console.log(
    `${String(n).padStart(9)}  ${mb.toFixed(1).padStart(7)}  ${f0(p!.ms).padStart(10)}  ${f0(a!.ms).padStart(7)}  ${(a!.ms / p!.ms).toFixed(2).padStart(5)}  ${f0(w!.ms).padStart(6)}  ${f0(s!.ms).padStart(6)}  ${j ? `${f0(j.ms)} (${(a!.ms / j.ms).toFixed(2)})` : 'jq not installed'}`.padEnd(
      96,
    ) + `${f0(p!.maxRssMiB)} / ${f0(a!.maxRssMiB)} / ${f0(s!.maxRssMiB)}`,
  );
}

console.log('\n5. .tf sources');
process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', 'bench/hcl.ts', '500'], { encoding: 'utf8' }));

if (process.env.BENCH_HUGE) {
  console.log('\n6. a 1 GB plan through the built CLI and action (streamed)');
  const file = join(dir, 'plan-huge.json');
  if (!existsSync(file)) generatePlanFile(Number(process.env.BENCH_HUGE_N ?? 1_000_000), file, { containerShare: 0.1 });
  // Peak RSS varies from run to run with when the engine collects: every run is shown, and the
  // goal (≤ 400 MB) is judged on the largest.
  const runs = Array.from({ length: Number(process.env.BENCH_HUGE_RUNS ?? 3) }, () =>
    timedOnce(
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
    return timedOnce(['dist/index.js'], actionEnv);
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
