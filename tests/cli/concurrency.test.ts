import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, mapPool } from '../../src/engine/analyse.js';
import { FIXTURES } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';

describe('several plans in one run', () => {
  it('mapPool keeps input order and never exceeds its limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapPool([50, 10, 30, 5, 20, 1], 3, async (ms) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, ms));
      inFlight--;
      return ms * 2;
    });
    expect(out).toEqual([100, 20, 60, 10, 40, 2]);
    expect(peak).toBe(3);
  });

  it('analysing plans together gives the same report as one at a time', async () => {
    const bad = writePlan('bad-concurrent.json', '{"format_version": "1.2", "resource_changes": [');
    const paths = [
      ...readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(FIXTURES, f)),
      bad,
    ];
    const options = { asOf: '2026-11-22', failOn: 'error' as const };
    const together = await analyse(paths, options);
    const oneByOne = await Promise.all(paths.map((p) => analyse([p], options)));
    expect(together.report.plans).toEqual(oneByOne.map((r) => r.report.plans[0]));
    expect(together.report.plans.map((p) => p.path)).toEqual(paths);
    expect(together.inputError).toBe(true);
    expect([...together.sensitiveStrings].sort()).toEqual([...new Set(oneByOne.flatMap((r) => [...r.sensitiveStrings]))].sort());
  });
});
