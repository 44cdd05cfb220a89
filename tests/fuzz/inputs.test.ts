import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import limits from '../../src/data/limits.json' with { type: 'json' };
import { FIXTURES } from '../helpers/paths.js';
import { buildPlan, writePlan } from '../helpers/plan.js';
import { FUZZ, hostileArb } from './arbitraries.js';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

/** Exit 0, 1 or 2; on 2, exactly one line on stderr per bad plan; never a stack trace. */
function wellBehaved(r: { code: number; out: string; err: string }) {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.out + r.err).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(r.err).not.toMatch(/TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack/);
  if (r.code === 2) expect(r.err.trim().split('\n').length).toBe(1);
}

const base = readFileSync(join(FIXTURES, 'services-modules.json'), 'utf8');
const baseDoc = JSON.parse(base);
let n = 0;

/** Replace the value at a random path of a JSON document with `v`. */
function mutateAt(doc: unknown, pathPick: number[], v: unknown): unknown {
  const copy = structuredClone(doc);
  let cur: any = copy;
  for (let i = 0; i < pathPick.length; i++) {
    if (cur === null || typeof cur !== 'object') break;
    const keys = Object.keys(cur);
    if (keys.length === 0) break;
    const k = keys[pathPick[i]! % keys.length]!;
    if (i === pathPick.length - 1 || cur[k] === null || typeof cur[k] !== 'object') {
      cur[k] = v;
      break;
    }
    cur = cur[k];
  }
  return copy;
}

const weird = fc.oneof(
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  hostileArb,
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 4 }),
  fc.object({ maxDepth: 3 }),
);

describe('hardening: random and mutated plans never crash', () => {
  it('truncations of a real-format plan', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: base.length - 1 }), async (cut) => {
        const r = await cli(writePlan(`trunc-${n++}.json`, base.slice(0, cut)));
        wellBehaved(r);
        expect(r.code).toBe(2);
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.numRuns },
    );
  });

  it('wrong types and nulls anywhere in the document', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), weird, async (path, v) => {
        const r = await cli('--format', 'json', writePlan(`mut-${n++}.json`, mutateAt(baseDoc, path, v)));
        wellBehaved(r);
        if (r.code !== 2) JSON.parse(r.out); // the report stays valid JSON
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.numRuns * 2 },
    );
  });

  it('random JSON values and random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        ),
        async (content) => {
          wellBehaved(await cli(writePlan(`rand-${n++}.json`, content)));
        },
      ),
      { seed: FUZZ.seed, numRuns: FUZZ.numRuns },
    );
  });

  it('deep nesting, huge strings, unicode and duplicate addresses', async () => {
    // As deep as a plan may nest (src/data/limits.json). The first "DEEP" replaced is in
    // planned_values: the plan, planned_values, root_module, resources, the resource, values and
    // tags are the 7 levels above.
    const depth = limits.maxNestingDepth - 7;
    const plan = buildPlan([
      { address: 'aws_ecs_service.s', after: { name: '🚀 ünï'.repeat(1000), desired_count: 2, tags: { deep: 'x' } } },
      { address: 'aws_ecs_service.s', after: { name: 'dup' } },
      {
        address: 'aws_ecs_task_definition.t',
        after: { family: 'x'.repeat(1_000_000), container_definitions: JSON.stringify([{ name: 'a'.repeat(10000) }]) },
      },
    ]);
    (plan.resource_changes as any[])[0].change.after.tags.deep = 'DEEP';
    // Written as text: JSON.stringify itself cannot nest this deep.
    const text = JSON.stringify(plan).replace('"DEEP"', `${'{"d":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`);
    const r = await cli('--format', 'json', writePlan('deep.json', text));
    wellBehaved(r);
    expect(r.err).toBe('');
    expect(r.code).not.toBe(2); // read fine; 1 is the gate failing on the rules' findings
    const report = JSON.parse(r.out);
    expect(report.plans[0].resources.filter((x: any) => x.address === 'aws_ecs_service.s')).toHaveLength(2);
  });

  it('20 levels of module nesting and 10k instances of one for_each resource', async () => {
    const mods = Array.from({ length: 20 }, (_, i) => `module.m${i}["k${i}"]`).join('.');
    const rs = [{ address: `${mods}.aws_ecs_cluster.deep`, after: { name: 'deep' } }];
    for (let i = 0; i < 10_000; i++) {
      rs.push({
        address: `aws_ecs_service.many["svc-${i}"]`,
        after: { name: `svc-${i}`, desired_count: 1, launch_type: 'FARGATE', cluster: 'arn:aws:ecs:us-east-1:1:cluster/main' } as any,
      });
    }
    const r = await cli('--format', 'json', writePlan('wide.json', buildPlan(rs)));
    wellBehaved(r);
    const report = JSON.parse(r.out);
    expect(report.plans[0].resources).toHaveLength(10_001);
    expect(report.plans[0].resources[0].address).toBe(`${mods}.aws_ecs_cluster.deep`);
  });
});
