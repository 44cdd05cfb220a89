import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { parseUsd } from '../../src/cost/price-list.js';
import { FIXTURES } from '../helpers/paths.js';

const PRICE_LIST = join(FIXTURES, 'pricing/price-list');
const ECS_US = 'offers/v1.0/aws/AmazonECS/20251103190512/us-east-1/index.json';
const ECS_REGIONS = 'offers/v1.0/aws/AmazonECS/current/region_index.json';

/** A copy of the Price List fixture with one file changed. */
function priceList(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-pricelist-'));
  cpSync(PRICE_LIST, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

async function update(dir: string) {
  let out = '';
  let err = '';
  const code = await runCli(['pricing', 'update', '--from-dir', dir], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    today: () => '2026-11-22',
  });
  return { code, out, err };
}

describe('pricing update: prices are plain decimals', () => {
  it('parseUsd reads the Price List form and nothing else', () => {
    expect(parseUsd('0.0404800000')).toBe(0.04048);
    expect(parseUsd('12')).toBe(12);
    for (const bad of ['', ' ', '0x10', '0b11', '0o7', '1e300', '1E3', '-0.5', '+1', '.5', '1.', 'Infinity', 'NaN', '1_000', ' 1'])
      expect(parseUsd(bad)).toBeUndefined();
  });

  for (const bad of ['', '0x10', '0b11', '1e300', '-0.0404800000']) {
    it(`an offer price of ${JSON.stringify(bad)} is refused in one line naming the file`, async () => {
      const dir = priceList(ECS_US, (t) => t.replace(/"USD": "[^"]*"/g, `"USD": "${bad}"`));
      const r = await update(dir);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(
        new RegExp(
          `^container-plan-check: ${join(dir, ECS_US)}: terms\\.OnDemand\\.[A-Z0-9]+: the USD price ${JSON.stringify(JSON.stringify(bad)).slice(1, -1)} is not a plain decimal number\\n$`,
        ),
      );
    });
  }
});

describe('pricing update --from-dir: paths stay inside DIR', () => {
  for (const url of [
    '/offers/../../../etc/passwd',
    '/offers/v1.0/aws/AmazonECS/../../../../outside.json',
    '//evil.example/x.json',
    'offers/relative.json',
    '/offers/x.json?y',
  ]) {
    it(`a currentVersionUrl of ${url} is refused`, async () => {
      const dir = priceList(ECS_REGIONS, (t) => t.replace('/offers/v1.0/aws/AmazonECS/20251103190512/us-east-1/index.json', url));
      writeFileSync(join(dir, '..', 'outside.json'), '{}');
      const r = await update(dir);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `container-plan-check: ${join(dir, ECS_REGIONS)}: names the Price List path ${JSON.stringify(url)}, which is not a plain path under the Price List's base (/offers/...)\n`,
      );
    });
  }

  it('the unchanged Price List still builds', async () => {
    const r = await update(priceList(ECS_US, (t) => t));
    expect(r.err).not.toMatch(/not a plain/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).regions['us-east-1']).toBeDefined();
  });
});

describe('pricing update downloads: a silent server cannot hang the run', () => {
  it('no response, or a response that stops sending: one line naming the URL, within the idle timeout', async () => {
    const { createServer } = await import('node:http');
    const { httpBytes } = await import('../../src/cost/offer-stream.js');
    const server = createServer((req, res) => {
      if (req.url === '/stall-body') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"offerCode": "AmazonEC2",');
      } // '/stall-head': never answers
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const addr = server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    try {
      for (const path of ['/stall-head', '/stall-body']) {
        const started = Date.now();
        await expect(async () => {
          for await (const _ of httpBytes(`${base}${path}`, 300));
        }).rejects.toThrow(`${base}${path}: nothing received for 0.3 s; the download was stopped (try again later)`);
        expect(Date.now() - started).toBeLessThan(5000);
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
