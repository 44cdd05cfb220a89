import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/analyse.js';
import { phaseCollections, phaseCollector } from '../../src/engine/memory.js';
import { FIXTURES } from '../helpers/paths.js';

const PLAN = join(FIXTURES, 'example-stack.json');
const OPTIONS = { asOf: '2026-11-22', failOn: 'never', prices: 'snapshot' } as const;

/** A WeakRef to an object nothing else holds, made in a finished job so that only a collection can clear it. */
async function unreachable(): Promise<WeakRef<object>> {
  const ref = new WeakRef({ payload: new Array(1000).fill('x') });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return ref;
}

describe('full collections between the phases of a large plan', () => {
  it('a plan at or above the threshold gets a full collection: an unreachable object is gone afterwards', async () => {
    const ref = await unreachable();
    const before = phaseCollections();
    phaseCollector(1024, 1024)();
    expect(phaseCollections()).toBe(before + 1);
    expect(ref.deref()).toBeUndefined();
  });

  it('a plan below the threshold gets none', () => {
    const before = phaseCollections();
    const collect = phaseCollector(1023, 1024);
    collect();
    collect();
    expect(phaseCollections()).toBe(before);
  });

  it('the analysis collects after the model, the graph, the cost and the checks of a large plan, and reports the same', async () => {
    const small = await analyse([PLAN], OPTIONS);
    const before = phaseCollections();
    const large = await analyse([PLAN], OPTIONS, { collectThresholdBytes: 1 });
    expect(phaseCollections()).toBe(before + 4);
    expect(JSON.stringify(large.report)).toBe(JSON.stringify(small.report));
  });

  it('the default threshold leaves a small plan to V8', async () => {
    const before = phaseCollections();
    await analyse([PLAN], OPTIONS);
    expect(phaseCollections()).toBe(before);
  });
});
