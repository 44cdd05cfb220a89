import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/analyse.js';
import { batched, jsonChunks } from '../../src/report/json.js';
import { render, renderChunks } from '../../src/report/render.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { FIXTURES } from '../helpers/paths.js';

describe('the JSON report written in pieces', () => {
  it('is exactly JSON.stringify(value, null, 2) for any JSON value', () => {
    fc.assert(
      // Any size below which a container is written in one piece gives the same text.
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 3, 256), (v, small) => {
        expect([...jsonChunks(v, '', small)].join('')).toBe(JSON.stringify(v, null, 2));
      }),
      { seed: 20261122, numRuns: 300 },
    );
    const odd = { a: undefined, b: [undefined, () => 1], c: { toJSON: () => 'x' }, d: new Date(0), e: '' };
    expect([...jsonChunks(odd)].join('')).toBe(JSON.stringify(odd, null, 2));
  });

  it('a real report: the pieces join to the whole, in batches of about the asked size', async () => {
    const { report } = await analyse([join(FIXTURES, 'example-stack.json'), join(FIXTURES, 'services-modules.json')], {
      asOf: '2026-11-22',
      failOn: 'error',
    });
    const whole = `${JSON.stringify(report, null, 2)}\n`;
    expect(render(report, 'json')).toBe(whole);
    expect([...renderChunks(report, 'json')].join('')).toBe(whole);
    // Pieces of a few values each, batched to about 500 characters.
    const small = [...batched(jsonChunks(report, '', 8), 500)];
    expect(small.length).toBeGreaterThan(5);
    expect(small.slice(0, -1).every((c) => c.length >= 500)).toBe(true);
    expect(small.join('')).toBe(JSON.stringify(report, null, 2));
  });

  it('text and SARIF in pieces join to the whole report as rendered at once', async () => {
    const { report } = await analyse([join(FIXTURES, 'example-stack.json'), join(FIXTURES, 'fargate-invalid-size.json')], {
      asOf: '2026-11-22',
      failOn: 'error',
    });
    expect([...renderChunks(report, 'text')].join('')).toBe(renderText(report));
    expect(renderText(report)).toMatch(/^container-plan-check .*\n[^]*\ngate: failed[^\n]*\n$/);
    expect([...renderChunks(report, 'sarif')].join('')).toBe(renderSarif(report));
    expect(renderSarif(report).endsWith('}\n')).toBe(true);
  });

  it('writes a large report in pieces: no piece holds more than one resource row', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      address: `aws_ecs_service.s[${i}]`,
      type: 'aws_ecs_service',
      tags: { a: 'x\ny' },
    }));
    const report = { plans: [{ path: 'p.json', resources: rows }] };
    const pieces = [...jsonChunks(report)];
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2));
    const longest = Math.max(...pieces.map((p) => p.length));
    expect(longest).toBeLessThan(JSON.stringify(rows[1999], null, 2).length + 200);
    expect(pieces.filter((p) => p.includes('"address"')).length).toBe(2000);
  });
});
