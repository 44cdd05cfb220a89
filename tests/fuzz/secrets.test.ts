import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { loadPlan } from '../../src/plan/load.js';
import { buildModel } from '../../src/plan/model.js';
import { writePlan } from '../helpers/plan.js';
import { FUZZ, sensitivePlanArb } from './arbitraries.js';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

let n = 0;
describe('sensitive values never reach any output (property-based)', () => {
  it('text, markdown and json reports and stderr carry no sensitive string', async () => {
    await fc.assert(
      fc.asyncProperty(sensitivePlanArb, async ({ plan, secrets }) => {
        const file = writePlan(`sens-${n++}.json`, plan);
        for (const format of ['text', 'markdown', 'json']) {
          const r = await cli('--format', format, file);
          expect([0, 1]).toContain(r.code);
          for (const s of secrets) {
            expect(r.out).not.toContain(s);
            expect(r.err).not.toContain(s);
          }
        }
      }),
      { seed: FUZZ.seed, numRuns: Math.max(10, Math.floor(FUZZ.numRuns / 3)) },
    );
  });

  it('the streaming loader (compact changes, tags dropped unless marked) collects every sensitive string the whole-file loader does', async () => {
    await fc.assert(
      fc.asyncProperty(sensitivePlanArb, async ({ plan, secrets }) => {
        const file = writePlan(`sens-stream-${n++}.json`, plan);
        const whole = buildModel(await loadPlan(file, { streamThresholdBytes: Infinity })).sensitiveStrings;
        const streamed = buildModel(await loadPlan(file, { streamThresholdBytes: 0, twoPassThresholdBytes: 0 })).sensitiveStrings;
        expect(streamed).toEqual(whole);
        for (const s of secrets) if (s.length >= 4) expect(streamed.has(s) || [...streamed].some((x) => x.includes(s))).toBe(true);
      }),
      { seed: FUZZ.seed, numRuns: Math.max(10, Math.floor(FUZZ.numRuns / 3)) },
    );
  });
});
