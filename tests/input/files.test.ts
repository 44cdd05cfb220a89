import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { fileBytes } from '../../src/cost/offer-stream.js';
import limits from '../../src/data/limits.json' with { type: 'json' };
import { FIXTURES, ROOT } from '../helpers/paths.js';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cpc-files-'));
const PLAN = join(FIXTURES, 'ecs-ec2.json');
const PLAN_TEXT = readFileSync(PLAN, 'utf8');

function fifo(name: string): string {
  const p = join(dir, name);
  rmSync(p, { force: true });
  execFileSync('mkfifo', [p]);
  return p;
}

/** Writes `text` into a FIFO once a reader opens it (the open waits for the reader). */
async function feed(path: string, text: string): Promise<void> {
  const fh = await open(path, 'w');
  await fh.writeFile(text);
  await fh.close();
}

describe('files named by the configuration: regular files under a size limit', () => {
  it('--config /dev/zero and a FIFO: one line, exit 2, without reading', async () => {
    for (const [config, kind] of [
      ['/dev/zero', 'a character device'],
      [fifo('config.yml'), 'a FIFO (named pipe)'],
    ] as const) {
      const r = await cli('--config', config, PLAN);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`container-plan-check: ${config}: is not a regular file (${kind}); the configuration file must be a file\n`);
    }
  });

  it('a configuration file over the limit', async () => {
    const big = join(dir, 'big.yml');
    writeFileSync(big, `# ${'x'.repeat(limits.configFileMaxBytes)}\n`);
    const r = await cli('--config', big, PLAN);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(
        `^container-plan-check: ${big}: is ${limits.configFileMaxBytes + 3} bytes, more than the 1 MiB a configuration file may have \\(src/data/limits.json\\)\\n$`,
      ),
    );
  });

  it('cost.priceFile on /dev/zero or a FIFO: one line naming the file, exit 2', async () => {
    for (const [price, kind] of [
      ['/dev/zero', 'a character device'],
      [fifo('prices.json'), 'a FIFO (named pipe)'],
    ] as const) {
      const config = join(dir, 'with-price-file.yml');
      writeFileSync(config, `cost:\n  priceFile: ${price}\n`);
      const r = await cli('--config', config, PLAN);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`container-plan-check: ${price}: is not a regular file (${kind}); the price file must be a file\n`);
    }
  });

  it('pricing update --from-dir: an offer file that is /dev/zero, or too large', async () => {
    const from = join(dir, 'price-list');
    cpSync(join(FIXTURES, 'pricing/price-list'), from, { recursive: true });
    const index = join(from, 'offers/v1.0/aws/index.json');
    rmSync(index);
    symlinkSync('/dev/zero', index);
    let err = '';
    const code = await runCli(['pricing', 'update', '--from-dir', from], {
      stdout: () => {},
      stderr: (s) => (err += s),
      today: () => '2026-11-22',
    });
    expect(code).toBe(2);
    expect(err).toBe(`container-plan-check: ${index}: is not a regular file (a character device); the Price List file must be a file\n`);

    const chunks: Uint8Array[] = [];
    const small = join(FIXTURES, 'pricing/price-list/offers/v1.0/aws/AmazonECS/current/region_index.json');
    await expect(async () => {
      for await (const c of fileBytes(small, 64, 100)) chunks.push(c);
    }).rejects.toThrow(
      `${small}: is ${readFileSync(small).length} bytes, more than the 100 bytes a Price List file may have (src/data/limits.json)`,
    );
    expect(chunks).toEqual([]);
  });
});

describe('plans from pipes', () => {
  it('a FIFO is read as a stream and reported, not "is empty"', async () => {
    const p = fifo('plan.json');
    const [r] = await Promise.all([cli('--format', 'json', p), feed(p, PLAN_TEXT)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.plans[0].error).toBeNull();
    expect(report.plans[0].resources.length).toBe(JSON.parse(await cliJson(PLAN)).plans[0].resources.length);
  });

  it('- reads standard input; /dev/stdin and <(…) too (through a shell)', async () => {
    const run = (args: string[], input: string) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), '--format', 'json', ...args], {
          cwd: ROOT,
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, out, err }));
        child.stdin.end(input);
      });
    for (const arg of ['-', '/dev/stdin']) {
      const r = await run([arg], PLAN_TEXT);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).plans[0]).toMatchObject({ path: arg, error: null });
    }
    // As a shell gives them: /dev/stdin a pipe, <(…) a /dev/fd path.
    const sh = (script: string) => execFileSync('bash', ['-c', script], { cwd: ROOT, env: { ...process.env, PLAN }, encoding: 'utf8' });
    const cmd = `"${process.execPath}" --import tsx src/cli/index.ts --format json`;
    expect(JSON.parse(sh(`cat "$PLAN" | ${cmd} /dev/stdin`)).plans[0]).toMatchObject({ path: '/dev/stdin', error: null });
    expect(JSON.parse(sh(`${cmd} <(cat "$PLAN")`)).plans[0]).toMatchObject({
      path: expect.stringMatching(/^\/(dev|proc\/self)\/fd\/\d+$/),
      error: null,
    });
    const empty = await run(['-'], '');
    expect(empty.code).toBe(2);
    expect(empty.err).toBe(
      'container-plan-check: standard input: is empty; write the plan with `terraform show -json plan.out > plan.json`\n',
    );
  }, 300_000); // five processes, each starting the CLI from source

  it('a character device is "not a regular file"; the other plans are still reported', async () => {
    const r = await cli('--format', 'json', '/dev/zero', PLAN);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'container-plan-check: /dev/zero: is not a regular file (a character device); pass the plan JSON file, or - to read it from standard input\n',
    );
    expect(JSON.parse(r.out).plans[1].error).toBeNull();
  });
});

async function cliJson(plan: string): Promise<string> {
  return (await cli('--format', 'json', plan)).out;
}
