import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamPlan } from '../../src/plan/stream.js';
import { writePlan } from '../helpers/plan.js';
import { FUZZ } from './arbitraries.js';

/**
 * The streamed reader finds the end of a kept resource change at the `},{"address":"` that
 * follows it, confirmed by JSON.parse, and scans it byte by byte otherwise (an element that
 * spans chunks always is). Whatever the values hold (that very text inside strings, nested
 * objects keyed "address", values nested near the depth limit), the result must be what a whole
 * parse gives, and an error the same with three-byte chunks (always scanned) as with large ones.
 */
const KEPT = new Set(['aws_ecs_service', 'aws_ecs_task_definition']);
const keep = (t: string) => KEPT.has(t);

const trickyString = fc.oneof(
  fc.constantFrom('},{"address":"', '}, {"address":"x"}', '"},{"address":"a.b"', '\\', '}]', '},{"address":', '{"address":"'),
  fc.string({ maxLength: 12 }),
);

/** A value nested `depth` deep, sometimes with objects keyed "address" (which make the candidate end appear inside it). */
function nested(depth: number, leaf: unknown, asAddress: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? (asAddress ? [v, { address: 'x', v: 1 }] : [v]) : { k: v };
  return v;
}

const valueArb = fc.oneof(
  trickyString,
  fc.integer(),
  fc.constant(null),
  fc.tuple(fc.integer({ min: 0, max: 14 }), trickyString, fc.boolean()).map(([d, leaf, a]) => nested(d, leaf, a)),
  fc.array(fc.record({ address: trickyString, n: fc.integer() }), { maxLength: 3 }),
);

const changeArb = fc.record({
  type: fc.constantFrom('aws_ecs_service', 'aws_ecs_task_definition', 'aws_s3_bucket', 'aws_iam_role'),
  name: fc.string({ minLength: 1, maxLength: 6 }),
  after: fc.dictionary(fc.constantFrom('a', 'b', 'type', 'address', 'tags'), valueArb, { maxKeys: 4 }),
});

function planText(changes: { type: string; name: string; after: Record<string, unknown> }[], space: boolean): string {
  const doc = {
    format_version: '1.2',
    resource_changes: changes.map((c, i) => ({
      address: `${c.type}.r${i}`,
      mode: 'managed',
      type: c.type,
      name: c.name,
      change: { actions: ['create'], before: null, after: c.after, after_unknown: {} },
    })),
    configuration: { root_module: { resources: [{ address: 'aws_ecs_service.r0', type: 'aws_ecs_service', name: 'r0' }] } },
  };
  return space ? JSON.stringify(doc, null, 1) : JSON.stringify(doc);
}

async function outcome(file: string, chunk: number, maxDepth: number) {
  try {
    const s = await streamPlan(file, keep, chunk, undefined, maxDepth);
    return { changes: s.changes, total: s.totalChanges };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('streamed resource changes: the end of a kept element', () => {
  it('is the one a whole parse finds, whatever the values hold, and errors are the same as when scanned', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.integer({ min: 6, max: 40 }),
        async (changes, space, maxDepth) => {
          const text = planText(changes, space);
          const file = writePlan(`ends-${n++}.json`, text);
          const large = await outcome(file, 1 << 20, maxDepth);
          const scanned = await outcome(file, 3, maxDepth);
          expect(large).toEqual(scanned);
          const all = JSON.parse(text).resource_changes as { type: string }[];
          const deep = (v: unknown, d: number): number =>
            v !== null && typeof v === 'object' ? Math.max(d, ...Object.values(v as object).map((x) => deep(x, d + 1))) : 0;
          if (deep(JSON.parse(text), 1) > maxDepth) expect(large.error).toMatch(/nests arrays and objects more than/);
          else expect(large).toEqual({ changes: all.filter((c) => keep(c.type)), total: all.length });
        },
      ),
      { seed: FUZZ.seed, numRuns: FUZZ.numRuns * 2 },
    );
  });
});

describe('streamed resource changes: the type of each element', () => {
  it('is decoded as a whole parse decodes it (escapes, multi-byte characters), whatever the chunk boundaries', async () => {
    const typeArb = fc.oneof(
      fc.constantFrom('aws_ecs_service', 'aws_s3_bucket', 'aws_\u00e9cs', 'aws_\u{1F600}_x', 'a"b', 'a\\b', 'a/b'),
      fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(typeArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 48 }), async (types, chunk) => {
        const doc = {
          format_version: '1.2',
          resource_changes: types.map((type, i) => ({
            address: `r${i}`,
            mode: 'managed',
            type,
            name: 'n',
            change: { actions: ['create'], before: null, after: { t: type }, after_unknown: {} },
          })),
        };
        // Terraform writes non-ASCII as is; an escaped form (\u00e9) must decode the same.
        const text =
          n % 2 === 0
            ? JSON.stringify(doc)
            : JSON.stringify(doc).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        const file = writePlan(`types-${n++}.json`, text);
        const keepSome = (t: string) => t.length % 2 === 0;
        const got = await streamPlan(file, keepSome, chunk);
        expect([...got.types].sort()).toEqual([...new Set(types)].sort());
        expect(got.changes).toEqual(doc.resource_changes.filter((c) => keepSome(c.type)));
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.numRuns * 2 },
    );
  });
});
