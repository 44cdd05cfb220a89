import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/plan/errors.js';
import { loadPlan, validatePlan } from '../../src/plan/load.js';
import { isModelledType } from '../../src/plan/load.js';
import { streamPlan } from '../../src/plan/stream.js';
import { buildModel } from '../../src/plan/model.js';
import { TYPE_TABLES } from '../../src/engine/reads.js';
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

describe('streamed prior_state', () => {
  const ami = (address: string, id: string, platform: string) => ({
    address,
    values: { id, image_id: id, name: `img "type": "aws_s3_bucket" ]}{ ünï`, platform_details: platform, most_recent: true },
    expressions: { most_recent: { constant_value: true } },
  });
  const lt = {
    address: 'aws_launch_template.app',
    after: { name: 'app', image_id: 'ami-1', instance_type: 'm5.large' },
    expressions: { image_id: { references: ['data.aws_ami.win.id', 'data.aws_ami.win'] } },
  };
  const dataSources = [
    ami('data.aws_ami.win', 'ami-1', 'Windows'),
    ami('module.a.module.b.data.aws_ami.deep', 'ami-2', 'Linux/UNIX'),
    { address: 'data.aws_caller_identity.me', values: { account_id: '123456789012' }, expressions: {} },
  ];

  /** The plan with managed resources, outputs and odd key orders added to prior_state, as a state may hold them. */
  function planWithState() {
    const plan = buildPlan([lt, { address: 'aws_ecs_cluster.c', after: { name: 'c' } }], { dataSources }) as {
      prior_state: { values: { outputs?: unknown; root_module: { resources: Record<string, unknown>[] } } };
    };
    const root = plan.prior_state.values.root_module;
    plan.prior_state.values.outputs = { resources: { value: [{ mode: 'data', type: 'aws_ami' }], type: 'string' } };
    root.resources.unshift(
      { address: 'aws_launch_template.app', mode: 'managed', type: 'aws_launch_template', name: 'app', values: { name: 'app' } },
      { values: { id: 'x' }, type: 'aws_ami', name: 'late', address: 'data.aws_ami.late', mode: 'data', sensitive_values: {} },
      { type: 'aws_ami', address: 'data.aws_ami.before', name: 'before', mode: 'data', values: { id: 'y', platform_details: 'Windows' } },
    );
    return plan;
  }

  it('keeps only the declared data sources (child modules too), across any chunk boundary', async () => {
    const plan = planWithState();
    const file = writePlan('prior-chunks.json', JSON.stringify(plan));
    const root = JSON.parse(JSON.stringify(plan.prior_state.values.root_module));
    const kept = (m: { resources?: { mode: string; type: string }[]; child_modules?: unknown[] }): unknown => ({
      ...('address' in m ? { address: (m as { address: string }).address } : {}),
      resources: (m.resources ?? []).filter((r) => r.mode === 'data' && isModelledType(r.type)),
      child_modules: (m.child_modules ?? []).map((c) => kept(c as typeof m)),
    });
    for (const chunk of [1, 2, 3, 7, 64, 1 << 20]) {
      const s = await streamPlan(file, isModelledType, chunk, undefined, Infinity, file, isModelledType);
      expect(s.header.prior_state).toEqual({ values: { root_module: kept(root) } });
      expect(s.totalChanges).toBe(2);
    }
    const state = (await streamPlan(file, isModelledType, 64, undefined, Infinity, file, isModelledType)).header.prior_state as {
      values: { root_module: { resources: { address: string }[] } };
    };
    expect(state.values.root_module.resources.map((r) => r.address)).toEqual([
      'data.aws_ami.late',
      'data.aws_ami.before',
      'data.aws_ami.win',
    ]);
    // Without keepData, prior_state is skipped as before.
    expect((await streamPlan(file, isModelledType, 64)).header.prior_state).toBeUndefined();
  });

  it('reads the same data sources as the whole-file path', async () => {
    const file = writePlan('prior-same.json', JSON.stringify(planWithState()));
    const whole = await loadPlan(file, { streamThresholdBytes: Infinity });
    expect(whole.prior_data_sources?.map((r) => r.address)).toEqual([
      'data.aws_ami.late',
      'data.aws_ami.before',
      'data.aws_ami.win',
      'module.a.module.b.data.aws_ami.deep',
    ]);
    for (const opts of [{ streamThresholdBytes: 0 }, { streamThresholdBytes: 0, twoPassThresholdBytes: 0 }]) {
      const streamed = await loadPlan(file, opts);
      expect(streamed.prior_data_sources).toEqual(whole.prior_data_sources);
      expect(streamed.resource_changes).toEqual(whole.resource_changes.filter((r) => isModelledType(r.type)));
      expect(buildModel(streamed, { types: TYPE_TABLES }).resources).toEqual(buildModel(whole, { types: TYPE_TABLES }).resources);
    }
  });

  it('rejects a value nested too deep anywhere in prior_state, streamed or read whole', async () => {
    const deep = (n: number): unknown => (n === 0 ? 1 : [deep(n - 1)]);
    const resource = (mode: string) => ({ address: 'data.aws_ami.a', mode, type: 'aws_ami', name: 'a', values: { x: deep(1200) } });
    const states = [
      { values: { root_module: { resources: [resource('data')] } } },
      { values: { root_module: { resources: [resource('managed')] } } },
      { values: { outputs: deep(1200), root_module: { resources: [] } } },
    ];
    for (const [k, prior_state] of states.entries()) {
      const file = writePlan(`prior-deep-${k}.json`, JSON.stringify({ ...buildPlan([]), prior_state }));
      for (const streamThresholdBytes of [0, Infinity]) {
        await expect(loadPlan(file, { streamThresholdBytes })).rejects.toThrow(/nests arrays and objects more than 1000 deep/);
      }
    }
  });

  const cases: [string, Parameters<typeof buildPlan>[0]][] = [
    ['a launch template reading an AMI', [lt, { address: 'aws_autoscaling_group.app', after: { name: 'app', min_size: 1, max_size: 2 } }]],
    [
      'ECS only',
      [
        { address: 'aws_ecs_cluster.c', after: { name: 'c' } },
        { address: 'aws_s3_bucket.b', after: { bucket: 'b' } },
      ],
    ],
    ['no changes', []],
  ];
  for (const [name, resources] of cases) {
    it(`gives the same resources with and without data sources in prior_state, whole or streamed: ${name}`, async () => {
      const i = cases.findIndex((c) => c[0] === name);
      const plan = buildPlan(resources, { dataSources });
      const { prior_state: _state, ...noState } = plan as Record<string, unknown>;
      const withData = writePlan(`prior-with-${i}.json`, JSON.stringify(plan));
      const without = writePlan(`prior-without-${i}.json`, JSON.stringify(noState));
      const managed = (p: Awaited<ReturnType<typeof loadPlan>>) =>
        buildModel(p, { types: TYPE_TABLES }).resources.filter((r) => r.mode !== 'data');
      const want = managed(await loadPlan(without, { streamThresholdBytes: Infinity }));
      for (const opts of [
        { streamThresholdBytes: Infinity },
        { streamThresholdBytes: 0 },
        { streamThresholdBytes: 0, twoPassThresholdBytes: 0 },
      ]) {
        const a = await loadPlan(without, opts);
        const b = await loadPlan(withData, opts);
        expect(a.prior_data_sources).toBeUndefined();
        expect(b.resource_changes).toEqual(a.resource_changes);
        expect(managed(a)).toEqual(want);
        expect(managed(b)).toEqual(want);
      }
    });
  }
});
