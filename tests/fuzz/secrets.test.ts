import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
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
});
