import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../src/plan/load.js';
import { actionOf, buildModel } from '../../src/plan/model.js';
import { parseContainers, parseCpuUnits, parseMemoryMiB, platformOf, taskCpu, taskMemory } from '../../src/plan/taskdef.js';
import { parsePath, PathMemo, Values } from '../../src/plan/values.js';
import { buildPlan, constant, ref, type PlanSpec, type ResSpec } from '../helpers/plan.js';
import { loadPlan } from '../../src/plan/load.js';
import { FIXTURES } from '../helpers/paths.js';
import { TYPE_TABLES } from '../../src/engine/reads.js';

const model = (rs: ResSpec[], spec?: PlanSpec, region?: string) =>
  buildModel(validatePlan('t.json', JSON.parse(JSON.stringify(buildPlan(rs, spec)))), { region, types: TYPE_TABLES });

describe('action words', () => {
  const cases: [string[], string][] = [
    [['no-op'], 'no-op'],
    [['create'], 'create'],
    [['read'], 'read'],
    [['update'], 'update'],
    [['delete'], 'delete'],
    [['delete', 'create'], 'replace'],
    [['create', 'delete'], 'replace'],
    [['forget'], 'forget'],
    [['create', 'forget'], 'replace'],
  ];
  for (const [actions, word] of cases) it(`${JSON.stringify(actions)} → ${word}`, () => expect(actionOf(actions)).toBe(word));

  it('normalises each change: module path, index, import, changed, before/after/current', () => {
    const m = model([
      { address: 'module.svc["a"].aws_ecs_service.api[0]', actions: ['update'], before: { desired_count: 2 }, after: { desired_count: 3 } },
      {
        address: 'aws_ecs_cluster.main',
        actions: ['no-op'],
        after: { name: 'main' },
        importing: { id: 'arn:aws:ecs:us-east-1:1:cluster/main' },
      },
      { address: 'aws_ecs_cluster.old', actions: ['delete'], before: { name: 'old' } },
    ]);
    const [svc, cl, old] = m.resources;
    expect(svc).toMatchObject({
      moduleAddress: 'module.svc["a"]',
      moduleConfigPath: 'module.svc',
      configAddress: 'module.svc.aws_ecs_service.api',
      index: 0,
      action: 'update',
      changed: true,
      importing: false,
    });
    // The configuration describes the after side; what AWS holds before cannot be told written or not.
    expect(svc!.before.num('desired_count')).toEqual({ state: 'known', value: 2, sensitive: false, origin: 'unclear' });
    expect(svc!.after.num('desired_count')).toEqual({ state: 'known', value: 3, sensitive: false, origin: 'config' });
    expect(cl).toMatchObject({ action: 'no-op', importing: true, changed: false });
    expect(old!.action).toBe('delete');
    expect(old!.after.isNull).toBe(true);
    expect(old!.current.str('name')).toEqual({ state: 'known', value: 'old', sensitive: false, origin: 'unclear' });
  });

  it('keeps only modelled types unless asked for all', () => {
    const rs = [
      { address: 'aws_s3_bucket.b', after: { bucket: 'b' } },
      { address: 'aws_ecs_cluster.c', after: { name: 'c' } },
    ];
    expect(model(rs).resources.map((r) => r.type)).toEqual(['aws_ecs_cluster']);
  });
});

describe('values: known, unknown, absent, sensitive', () => {
  it('an unknown desired_count is unknown, never 0 or absent', () => {
    const m = model([
      {
        address: 'aws_ecs_service.s',
        after: { name: 's' },
        unknown: { desired_count: true },
        expressions: { name: constant('s'), desired_count: ref('var.desired_count') },
      },
    ]);
    const l = m.resources[0]!.after.num('desired_count');
    expect(l.state).toBe('unknown');
  });
  it('walks nested masks: list elements, whole-object masks, sensitive leaves', () => {
    const v = new Values(
      { scaling_config: [{ desired_size: null, max_size: 5 }], tags: { owner: 'x', token: 'abc' }, secret_block: { a: 1 } },
      { scaling_config: [{ desired_size: true }] },
      { tags: { token: true }, secret_block: true },
    );
    expect(v.get('scaling_config[0].desired_size').state).toBe('unknown');
    expect(v.num(['scaling_config', 0, 'max_size'])).toEqual({ state: 'known', value: 5, sensitive: false });
    expect(v.get('tags.owner')).toEqual({ state: 'known', value: 'x', sensitive: false });
    expect(v.get('tags.token')).toEqual({ state: 'known', value: 'abc', sensitive: true });
    expect(v.get('secret_block.a')).toEqual({ state: 'known', value: 1, sensitive: true });
    expect(v.get('missing.deep').state).toBe('absent');
    expect(v.hasSensitive('tags')).toBe(true);
    expect(v.hasSensitive('scaling_config')).toBe(false);
    expect(new Values({ a: 1 }, true, false).get('a').state).toBe('unknown');
    expect(new Values({ a: 'x' }, {}, true).get('a')).toEqual({ state: 'known', value: 'x', sensitive: true });
  });
  it('collects every sensitive string of the plan, including whole masks, list elements and sensitive root variables', () => {
    const m = model(
      [
        {
          address: 'aws_ecs_task_definition.t',
          after: { container_definitions: '[{"environment":[{"value":"s3cret-one"}]}]', tags: { a: 'visible' } },
          sensitive: { container_definitions: true },
        },
        {
          address: 'aws_ecs_service.s',
          actions: ['update'],
          before: { tags: { list: ['s3cret-two', 'plain'] } },
          after: { name: 's' },
          beforeSensitive: { tags: { list: [true, false] } },
        },
      ],
      { variables: { pw: { value: 's3cret-three' } }, variableDecls: { pw: { sensitive: true } } },
    );
    expect(m.sensitiveStrings.has('[{"environment":[{"value":"s3cret-one"}]}]')).toBe(true);
    expect(m.sensitiveStrings.has('s3cret-two')).toBe(true);
    expect(m.sensitiveStrings.has('s3cret-three')).toBe(true);
    expect(m.sensitiveStrings.has('plain')).toBe(false);
    expect(m.sensitiveStrings.has('visible')).toBe(false);
  });
});

describe('region', () => {
  it('comes from the provider region constant', () => {
    expect(model([{ address: 'aws_ecs_cluster.c', after: { name: 'c' } }], { region: 'eu-west-1' }).resources[0]!.region).toBe('eu-west-1');
  });
  it('follows a provider alias and a region set from a variable', () => {
    const m = model(
      [
        { address: 'aws_ecs_cluster.west', after: { name: 'w' }, providerConfigKey: 'aws.west' },
        { address: 'module.m.aws_ecs_cluster.inner', after: { name: 'i' }, providerConfigKey: 'module.m:aws' },
      ],
      {
        region: 'us-east-1',
        providers: {
          'aws.west': { name: 'aws', alias: 'west', expressions: { region: ref('var.west_region') } },
          'module.m:aws': { name: 'aws', module_address: 'module.m', expressions: { region: ref('var.r') } },
        },
        variables: { west_region: { value: 'us-west-2' } },
        moduleCalls: { 'module.m': { expressions: { r: constant('ap-southeast-1') } } },
      },
    );
    expect(m.resources.map((r) => [r.region, r.regionSource])).toEqual([
      ['us-west-2', 'provider'],
      ['ap-southeast-1', 'provider'],
    ]);
  });
  it('falls back to --region, else us-east-1 with a note', () => {
    const rs = [{ address: 'aws_ecs_cluster.c', after: { name: 'c' } }];
    const withOption = model(rs, { region: null }, 'eu-central-1');
    expect([withOption.resources[0]!.region, withOption.resources[0]!.regionSource]).toEqual(['eu-central-1', 'option']);
    const none = model(rs, { region: null });
    expect([none.resources[0]!.region, none.resources[0]!.regionSource]).toEqual(['us-east-1', 'default']);
    expect(none.notes.join(' ')).toMatch(/using us-east-1 \(pass --region to set it\)/);
  });
  it('resolves the region of a module resource whose inherited root provider region is a root variable', async () => {
    const m = buildModel(await loadPlan(`${FIXTURES}/asg-module-region-variable.json`));
    const asg = m.resources.find((r) => r.type === 'aws_autoscaling_group')!;
    expect(asg.address).toBe('module.web_asg.aws_autoscaling_group.this');
    expect(asg.regionSource).toBe('provider');
    expect(m.plan.variables!.aws_region!.value).toBe('eu-west-2');
    expect(asg.region).toBe('eu-west-2');
  });
});

describe('task definitions', () => {
  it('normalises cpu and memory strings', () => {
    expect(['512', '1 vCPU', '0.5 vcpu', '2 vCPUs', ' 256 '].map(parseCpuUnits)).toEqual([512, 1024, 512, 2048, 256]);
    expect(['1024', '2 GB', '2GB', '0.5 GB', '512 MiB', '3gb'].map(parseMemoryMiB)).toEqual([1024, 2048, 2048, 512, 512, 3072]);
    expect(parseCpuUnits('lots')).toBeUndefined();
    expect(parseMemoryMiB('2 TB')).toBeUndefined();
  });
  it('reads task size, containers and platform through the masks', () => {
    const m = model([
      {
        address: 'aws_ecs_task_definition.t',
        after: {
          cpu: '1 vCPU',
          memory: '2 GB',
          container_definitions: JSON.stringify([{ name: 'app', cpu: 256, memory: 512, essential: true }]),
          runtime_platform: [{ cpu_architecture: 'ARM64', operating_system_family: 'LINUX' }],
        },
      },
      {
        address: 'aws_ecs_task_definition.u',
        after: { cpu: 'big' },
        unknown: { container_definitions: true, memory: true },
        expressions: { cpu: constant('big'), container_definitions: ref('var.containers'), memory: ref('var.memory') },
      },
    ]);
    const [t, u] = m.resources;
    expect(taskCpu(t!.after)).toEqual({ state: 'known', value: 1024, sensitive: false });
    expect(taskMemory(t!.after)).toEqual({ state: 'known', value: 2048, sensitive: false });
    const c = parseContainers(t!.after);
    expect(c.state === 'known' && c.containers[0]).toMatchObject({ name: 'app', cpu: 256, memory: 512, essential: true });
    expect(platformOf(t!.after).arch).toMatchObject({ state: 'known', value: 'ARM64' });
    expect(platformOf(u!.after).os).toMatchObject({ state: 'known', value: 'LINUX' });
    expect(taskCpu(u!.after)).toMatchObject({ state: 'invalid', raw: 'big' });
    expect(taskMemory(u!.after).state).toBe('unknown');
    expect(parseContainers(u!.after).state).toBe('unknown');
  });
});

describe('parsed paths belong to the run', () => {
  it('each model parses its own paths: two runs in one process share no path memo', () => {
    const rs: ResSpec[] = [{ address: 'aws_ecs_service.api', after: { name: 'api', deployment_circuit_breaker: [{ enable: true }] } }];
    const a = model(rs);
    const b = model(rs);
    expect(a.paths).not.toBe(b.paths);
    const path = 'deployment_circuit_breaker[0].enable';
    const [sizeA, sizeB] = [a.paths.size, b.paths.size];
    expect(a.byAddress.get('aws_ecs_service.api')!.after.bool(path)).toMatchObject({ state: 'known', value: true });
    expect(a.paths.size).toBe(sizeA + 1);
    expect(b.paths.size).toBe(sizeB);
    // Nested readings and the values below them use the run's memo too.
    a.byAddress.get('aws_ecs_service.api')!.after.at('deployment_circuit_breaker[0]').get('rollback');
    expect(a.paths.size).toBe(sizeA + 3);
    expect(b.paths.size).toBe(sizeB);
  });

  it('reads a path given as a string the same as its steps', () => {
    const v = new Values({ a: [{ b: 1 }], 'c.d': 2 }, undefined, undefined, new PathMemo());
    expect(v.get('a[0].b')).toEqual(v.get(['a', 0, 'b']));
    expect(v.get('a.0.b')).toEqual({ state: 'known', value: 1, sensitive: false });
    expect(parsePath('a.b[2].c')).toEqual(['a', 'b', 2, 'c']);
  });
});
