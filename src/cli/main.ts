import { writeFile } from 'node:fs/promises';
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyse } from '../engine/analyse.js';
import { engineOptions } from '../engine/options.js';
import { escapeControl, InputError, oneLine } from '../plan/errors.js';
import { FORMATS, type Format } from '../report/format.js';
import { jsonDocumentChunks } from '../report/json.js';
import type { Report } from '../report/schema.js';
import { textChunks } from '../report/text.js';
import { VERSION } from '../engine/version.js';

export const USAGE = `Usage: container-plan-check [options] PLAN.json...
       container-plan-check merge [options] REPORT.json...
       container-plan-check pricing update [--from-dir DIR] [--out FILE]

Checks and prices the AWS container resources (ECS, EKS, Fargate, autoscaling) in Terraform or
OpenTofu JSON plans (terraform show -json plan.out > plan.json). A plan named - is read from
standard input (terraform show -json plan.out | container-plan-check -).

merge combines JSON reports (--format json, one per stack) into one report and decides the gate
again with its own --fail-on, --max-increase and --max-increase-percent. A report that cannot be
used is named on standard error and left out (exit 2 once the others are written).

Options:
  --format FORMAT          text (default), markdown, json or sarif
  --output FILE            write the report to FILE instead of standard output
  --region REGION          region for resources whose provider sets none (default us-east-1)
  --as-of YYYY-MM-DD       evaluation date for date-dependent rules and prices (default today)
  --tf-dir DIR             Terraform sources, to locate resources and read lifecycle blocks
  --config FILE            configuration file (default .container-plan-check.yml if present)
  --fail-on LEVEL          error (default), warning or never
  --max-increase USD       fail when the monthly cost rises by more than USD
  --max-increase-percent N fail when the monthly cost rises by more than N percent
  --unpriced MODE          what an unknown cost delta does to those limits: fail (default),
                           warn or ignore (default: cost.unpriced in the configuration)
  --prices MODE            auto (default): live prices from the AWS Price List API when AWS
                           credentials are found, else the embedded snapshot; live; snapshot
  --price-cache FILE       JSON file of live prices: read first, written back with new ones
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 passed, 1 the gate failed, 2 usage or input error.
`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  today: () => string;
}

/**
 * Standard output may be a pipe whose reader stops early (`container-plan-check plan.json | head`):
 * then writing stops quietly and the exit code is still the gate's. Any other write error is
 * reported in one line.
 *
 * The report is written to file descriptor 1 directly: creating `process.stdout` loads Node's
 * stream modules, a few milliseconds of every run. Only when the descriptor is a non-blocking pipe
 * that is full (EAGAIN) does the rest go through `process.stdout`, which waits for the reader.
 */
let stdoutMode: 'direct' | 'stream' | 'closed' = 'direct';
function stdoutFailed(code: string | undefined): void {
  stdoutMode = 'closed';
  if (code !== 'EPIPE') process.stderr.write(errorLine(`cannot write the report to standard output (${code ?? 'error'})`));
}
function writeStdout(s: string): void {
  if (stdoutMode === 'closed') return;
  if (stdoutMode === 'direct') {
    const bytes = encoded(s);
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(1, bytes, written);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN') return stdoutFailed(code);
      stdoutMode = 'stream';
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (stdoutMode !== 'closed') stdoutFailed(err.code);
      });
      process.stdout.write(Buffer.from(bytes.subarray(written))); // a copy: the next piece reuses the bytes
      return;
    }
  }
  process.stdout.write(s);
}

/**
 * A piece of the report as UTF-8, encoded into one buffer kept from piece to piece (at most 3
 * bytes a UTF-16 unit): a new buffer for each 64 kB piece costs more than the encoding.
 */
let pieceBytes: Buffer | undefined;
function encoded(s: string): Buffer {
  if (s.length > 1 << 20) return Buffer.from(s, 'utf8'); // one large piece (the Markdown report): a buffer of its own
  const most = s.length * 3;
  if (!pieceBytes || pieceBytes.length < most) pieceBytes = Buffer.allocUnsafe(Math.max(most, 1 << 18));
  return pieceBytes.subarray(0, pieceBytes.write(s, 0, 'utf8'));
}

const defaultIO: CliIO = {
  stdout: writeStdout,
  stderr: (s) => process.stderr.write(s),
  today: () => new Date().toISOString().slice(0, 10),
};

/** One line of standard error: whatever a message quotes, it cannot start a line of its own. */
export function errorLine(message: string): string {
  return `container-plan-check: ${escapeControl(message)}\n`;
}

/** Runs the CLI and returns its exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  try {
    return await main(argv, io);
  } catch (e) {
    io.stderr(errorLine(oneLine(e)));
    return 2;
  }
}

/** Options of both the analysis and `merge`; `merge` rejects those that shape an analysis. */
const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string' },
  region: { type: 'string' },
  'as-of': { type: 'string' },
  'tf-dir': { type: 'string' },
  config: { type: 'string' },
  'fail-on': { type: 'string' },
  'max-increase': { type: 'string' },
  'max-increase-percent': { type: 'string' },
  unpriced: { type: 'string' },
  prices: { type: 'string' },
  'price-cache': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;
const ANALYSIS_ONLY = ['region', 'as-of', 'tf-dir', 'config', 'prices', 'price-cache'] as const;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    throw new InputError(undefined, `${oneLine(e).replace(/^TypeError( \[\w+\])?: /, '')} (see --help)`);
  }
}

async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // The pricing and merge commands are loaded only when used: a plan's run does not start them.
  if (argv[0] === 'pricing') return (await import('../cost/update.js')).runPricing(argv.slice(1), io);
  if (argv[0] === 'merge') return merge(argv.slice(1), io);
  const { values: o, positionals } = parse(argv);
  if (o.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (o.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (positionals.length === 0)
    throw new InputError(undefined, 'no plan given; usage: container-plan-check [options] PLAN.json... (see --help)');
  const format = formatOf(o.format);
  const options = engineOptions(
    {
      region: o.region,
      asOf: o['as-of'],
      tfDir: o['tf-dir'],
      config: o.config,
      failOn: o['fail-on'],
      maxIncrease: o['max-increase'],
      maxIncreasePercent: o['max-increase-percent'],
      unpriced: o.unpriced,
      prices: o.prices,
      priceCache: o['price-cache'],
    },
    io.today(),
  );
  const result = await analyse(positionals, options);
  await emit(await reportChunks(result.report, format), o.output, io);
  for (const p of result.report.plans) if (p.error) io.stderr(errorLine(p.error));
  if (result.inputError) return 2;
  return result.report.gate.passed ? 0 : 1;
}

/** `merge REPORT.json...`: the reports of several runs as one, with the gate decided again. */
async function merge(argv: readonly string[], io: CliIO): Promise<number> {
  const { values: o, positionals } = parse(argv);
  if (o.help) {
    io.stdout(USAGE);
    return 0;
  }
  const analysisOnly = ANALYSIS_ONLY.find((k) => o[k] !== undefined);
  if (analysisOnly)
    throw new InputError(undefined, `merge takes no --${analysisOnly}: the reports were analysed by the runs that wrote them`);
  if (positionals.length === 0)
    throw new InputError(undefined, 'no report given; usage: container-plan-check merge [options] REPORT.json... (see --help)');
  const format = formatOf(o.format);
  const options = engineOptions(
    { failOn: o['fail-on'], maxIncrease: o['max-increase'], maxIncreasePercent: o['max-increase-percent'], unpriced: o.unpriced },
    io.today(),
  );
  const { mergeReportFiles } = await import('../engine/merge.js');
  const { report, skipped, warnings } = await mergeReportFiles(positionals, options);
  await emit(await reportChunks(report, format), o.output, io);
  for (const w of warnings) io.stderr(errorLine(w));
  if (skipped.length > 0) return 2;
  return report.gate.passed ? 0 : 1;
}

function formatOf(raw: string | undefined): Format {
  const format = (raw ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new InputError(undefined, `--format must be one of ${FORMATS.join(', ')}`);
  return format;
}

/** The report in pieces; the Markdown and SARIF renderers are loaded only for their formats. */
async function reportChunks(report: Report, format: Format): Promise<Iterable<string>> {
  if (format === 'text') return textChunks(report);
  if (format === 'json') return jsonDocumentChunks(report);
  return (await import('../report/render.js')).renderChunks(report, format);
}

/** The report to standard output, or to --output FILE, piece by piece. */
async function emit(chunks: Iterable<string>, output: string | undefined, io: CliIO): Promise<void> {
  if (!output) {
    for (const c of chunks) io.stdout(c);
    return;
  }
  try {
    await writeFile(output, chunks);
  } catch (e) {
    throw new InputError(output, `cannot write the report (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** The option validation shared with the action (src/engine/options.ts). */
export { engineOptions, type RawOptions } from '../engine/options.js';
