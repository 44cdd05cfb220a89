import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import limits from '../../src/data/limits.json' with { type: 'json' };
import { buildModel } from '../../src/plan/model.js';
import { loadPlan } from '../../src/plan/load.js';
import { FIXTURES } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';

const MASKS = ['after', 'after_sensitive', 'after_unknown'] as const;

/** The ECS fixture with one modelled change's `key` holding `{"deep": [[[…]]]}`, `levels` brackets deep. */
function nestedPlan(key: (typeof MASKS)[number], levels: number): string {
  const plan = JSON.parse(readFileSync(join(FIXTURES, 'ecs-ec2.json'), 'utf8'));
  const change = plan.resource_changes.find((r: { type: string }) => r.type === 'aws_ecs_capacity_provider').change;
  change[key] = { ...(typeof change[key] === 'object' && change[key] ? change[key] : {}), deep: '@DEEP@' };
  return JSON.stringify(plan).replace('"@DEEP@"', `${'['.repeat(levels)}${']'.repeat(levels)}`);
}

describe('deeply nested plans', () => {
  for (const key of MASKS) {
    for (const streamed of [false, true]) {
      const opts = streamed ? { streamThresholdBytes: 1 } : {};
      it(`100,000 levels in ${key} (${streamed ? 'streamed' : 'whole file'}): one line naming the file`, async () => {
        const file = writePlan(`deep-${key}.json`, nestedPlan(key, 100_000));
        const err = await loadPlan(file, opts).then(
          () => undefined,
          (e: Error) => e,
        );
        expect(err?.name).toBe('InputError');
        expect(err?.message).toMatch(
          new RegExp(
            `^${file}: nests arrays and objects more than ${limits.maxNestingDepth} deep \\(at (line 1, column \\d+|byte offset \\d+)\\)`,
          ),
        );
      });

      it(`the limit itself is read and modelled (${key}, ${streamed ? 'streamed' : 'whole file'})`, async () => {
        // The plan object, resource_changes, the change, change.<key>, <key>.deep: 5 levels before the brackets.
        const file = writePlan(`deep-ok-${key}.json`, nestedPlan(key, limits.maxNestingDepth - 5));
        const plan = await loadPlan(file, opts);
        expect(() => buildModel(plan, {})).not.toThrow();
        const over = writePlan(`deep-over-${key}.json`, nestedPlan(key, limits.maxNestingDepth - 4));
        await expect(loadPlan(over, opts)).rejects.toThrow(`${over}: nests arrays and objects more than ${limits.maxNestingDepth} deep`);
      });
    }
  }

  it('the CLI: one line, exit 2, the other plan still reported', async () => {
    const file = writePlan('deep-cli.json', nestedPlan('after_sensitive', 100_000));
    let out = '';
    let err = '';
    const code = await runCli(['--format', 'json', file, join(FIXTURES, 'example-stack.json')], {
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
      today: () => '2026-11-22',
    });
    expect(code).toBe(2);
    expect(err.split('\n')).toEqual([expect.stringMatching(`^container-plan-check: ${file}: nests arrays and objects more than`), '']);
    expect(JSON.parse(out).plans[1].error).toBeNull();
  });
});
