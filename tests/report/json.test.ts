import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine.js';
import { batched, jsonChunks } from '../../src/report/json.js';
import { render, renderChunks } from '../../src/report/render.js';
import { FIXTURES } from '../helpers/paths.js';

describe('the JSON report written in pieces', () => {
  it('is exactly JSON.stringify(value, null, 2) for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v, null, 2));
      }),
      { seed: 20261122, numRuns: 300 },
    );
    const odd = { a: undefined, b: [undefined, () => 1], c: { toJSON: () => 'x' }, d: new Date(0), e: '' };
    expect([...jsonChunks(odd)].join('')).toBe(JSON.stringify(odd, null, 2));
  });

  it('a real report: the pieces join to the whole, in batches of about the asked size', async () => {
    const { report } = await analyse([join(FIXTURES, 'example-stack.json'), join(FIXTURES, 'services-modules.json')], { asOf: '2026-11-22', failOn: 'error' });
    const whole = `${JSON.stringify(report, null, 2)}\n`;
    expect(render(report, 'json')).toBe(whole);
    expect([...renderChunks(report, 'json')].join('')).toBe(whole);
    const small = [...batched(jsonChunks(report), 500)];
    expect(small.length).toBeGreaterThan(5);
    expect(small.slice(0, -1).every((c) => c.length >= 500)).toBe(true);
    expect(small.join('')).toBe(JSON.stringify(report, null, 2));
  });
});
