import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/plan/errors.js';
import { loadPlan, validatePlan } from '../../src/plan/load.js';
import { isModelledType } from '../../src/plan/load.js';
import { streamPlan } from '../../src/plan/stream.js';
import { generatePlan } from '../../bench/generate.js';
import { FIXTURES } from '../helpers/paths.js';
import { buildPlan, writePlan } from '../helpers/plan.js';

/** What the whole-file path yields, restricted to the resource changes the model keeps. */
function expected(file: string) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const plan = validatePlan(file, doc);
  return { ...plan, resource_changes: plan.resource_changes.filter((r) => isModelledType(r.type)) };
}

describe('streaming loader', () => {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(FIXTURES, f));
  for (const file of files) {
    it(`streams ${file.split('/').pop()} to the same plan as the whole-file path`, async () => {
      const streamed = await loadPlan(file, { streamThresholdBytes: 0 });
      const want = expected(file);
      expect(streamed.resource_changes).toEqual(want.resource_changes);
      expect(streamed.configuration).toEqual(want.configuration);
      expect(streamed.format_version).toBe(want.format_version);
      expect(streamed.terraform_version).toBe(want.terraform_version);
      expect(streamed.variables).toEqual(want.variables);
      expect((streamed as Record<string, unknown>).planned_values).toBeUndefined();
    });
  }

  it('is correct across any chunk boundary (tiny chunks), with escapes and unicode in keys and values', async () => {
    const plan = buildPlan([
      { address: 'aws_ecs_service.s["k \\"type\\": x"]', after: { name: 'ünïcødé "type": \\ }] {[', desired_count: 3 } },
      { address: 'aws_s3_bucket.b', after: { bucket: 'b', type: 'aws_ecs_service' } },
      { address: 'module.m.aws_ecs_cluster.c', after: { name: '{"type":"aws_s3_bucket"}' } },
    ]);
    const file = writePlan('tricky.json', JSON.stringify(plan));
    for (const chunk of [1, 2, 3, 7, 64]) {
      const s = await streamPlan(file, isModelledType, chunk);
      expect(s.totalChanges).toBe(3);
      const rcs = plan.resource_changes as unknown[];
      expect(s.changes).toEqual([rcs[0], rcs[2]].map((x) => JSON.parse(JSON.stringify(x))));
      expect(s.header.format_version).toBe('1.2');
      expect(s.header.configuration).toEqual(JSON.parse(JSON.stringify(plan.configuration)));
    }
  });

  it('keeps only modelled resource changes of a generated plan, and counts all', async () => {
    const text = generatePlan(2000);
    const file = writePlan('gen.json', text);
    const s = await streamPlan(file, isModelledType, 4096);
    const all = JSON.parse(text).resource_changes as { type: string }[];
    expect(s.totalChanges).toBe(all.length);
    expect(s.changes).toEqual(all.filter((r) => isModelledType(r.type)));
  });

  it('a huge plan is scanned twice and keeps only the context resources an analysed resource reads', async () => {
    const role = { address: 'aws_iam_role.pods', after: { name: 'pods', assume_role_policy: '{}' } };
    const noProfile = writePlan('two-pass-a.json', buildPlan([role, { address: 'aws_ecs_cluster.c', after: { name: 'c' } }]));
    const types = async (file: string, twoPassThresholdBytes: number) =>
      (await loadPlan(file, { streamThresholdBytes: 0, twoPassThresholdBytes })).resource_changes.map((r) => r.type);
    expect(await types(noProfile, 0)).toEqual(['aws_ecs_cluster']);
    expect(await types(noProfile, Infinity)).toEqual(['aws_iam_role', 'aws_ecs_cluster']);
    const withProfile = writePlan(
      'two-pass-b.json',
      buildPlan([role, { address: 'aws_eks_fargate_profile.p', after: { fargate_profile_name: 'p' } }]),
    );
    expect(await types(withProfile, 0)).toEqual(['aws_iam_role', 'aws_eks_fargate_profile']);
  });

  it('reports a truncated file with its byte offset, and bad input like the whole-file path', async () => {
    const text = JSON.stringify(buildPlan([{ address: 'aws_ecs_cluster.c', after: { name: 'c' } }]));
    const cut = writePlan('cut-stream.json', text.slice(0, text.indexOf('"configuration"') - 40));
    await expect(loadPlan(cut, { streamThresholdBytes: 0 })).rejects.toThrow(
      new InputError(
        cut,
        `is truncated: the JSON ends at byte offset ${text.indexOf('"configuration"') - 40} inside resource_changes; write the plan again`,
      ),
    );
    const state = writePlan('state-stream.json', JSON.stringify({ format_version: '1.0', values: { root_module: { resources: [] } } }));
    await expect(loadPlan(state, { streamThresholdBytes: 0 })).rejects.toThrow(/is a Terraform state file/);
    const zip = writePlan('zip-stream.plan', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    await expect(loadPlan(zip, { streamThresholdBytes: 0 })).rejects.toThrow(/is a binary plan file/);
    const txt = writePlan('txt-stream.txt', 'Terraform will perform the following actions:\n');
    await expect(loadPlan(txt, { streamThresholdBytes: 0 })).rejects.toThrow(/text output of `terraform plan`/);
  });

  it('names a malformed change by its place in the file, streamed or read whole', async () => {
    const plan = buildPlan([
      { address: 'aws_s3_bucket.a', after: {} },
      { address: 'aws_sqs_queue.b', after: {} },
      { address: 'aws_ecs_cluster.c', after: { name: 'c' } },
      { address: 'aws_ecs_service.d', after: { name: 'd' } },
    ]) as { resource_changes: { change: { actions: unknown } }[] };
    plan.resource_changes[3]!.change.actions = 'create';
    const file = writePlan('bad-change-stream.json', JSON.stringify(plan));
    const want = new InputError(
      file,
      'is not a valid plan: resource_changes[3].change.actions: Invalid input: expected array, received string',
    );
    await expect(loadPlan(file, { streamThresholdBytes: 0 })).rejects.toThrow(want);
    await expect(loadPlan(file, { streamThresholdBytes: Infinity })).rejects.toThrow(want);
  });
});
