import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/plan/errors.js';
import { loadPlan } from '../../src/plan/load.js';
import { FIXTURES } from '../helpers/paths.js';
import { buildPlan, writePlan } from '../helpers/plan.js';

async function loadError(file: string): Promise<InputError> {
  try {
    await loadPlan(file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error(`${file} loaded but should not have`);
}

describe('loading the fixtures', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  it('finds the fixture plans', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });
  for (const f of files) {
    it(`loads ${f}`, async () => {
      const plan = await loadPlan(join(FIXTURES, f));
      const raw = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'));
      expect(plan.format_version).toBe(raw.format_version);
      expect(plan.resource_changes).toHaveLength((raw.resource_changes ?? []).length);
      expect(plan.resource_changes.map((r) => r.address)).toEqual((raw.resource_changes ?? []).map((r: { address: string }) => r.address));
    });
  }
});

describe('format versions and open sets', () => {
  for (const v of ['0.1', '0.2', '1.0', '1.1', '1.2', '1.3']) {
    it(`accepts format_version ${v}`, async () => {
      const p = writePlan(`fv-${v}.json`, buildPlan([{ address: 'aws_ecs_cluster.a', after: { name: 'a' } }], { formatVersion: v }));
      expect((await loadPlan(p)).format_version).toBe(v);
    });
  }
  it('rejects an unknown major version with the version and what to do', async () => {
    const p = writePlan('fv-2.json', buildPlan([], { formatVersion: '2.0' }));
    const e = await loadError(p);
    expect(e.message).toBe(
      `${p}: has plan format_version "2.0", a major version this tool does not know (it reads 0.x and 1.x); upgrade container-plan-check`,
    );
  });
  it('keeps action sets and reasons it has never seen (open sets)', async () => {
    const plan = buildPlan([
      { address: 'aws_ecs_cluster.a', actions: ['create', 'forget'], after: { name: 'a' }, actionReason: 'forgot_because_something_new' },
      { address: 'aws_ecs_cluster.b', actions: ['future-action'], after: { name: 'b' } },
    ]);
    const loaded = await loadPlan(writePlan('open.json', plan));
    expect(loaded.resource_changes[0]!.change.actions).toEqual(['create', 'forget']);
    expect(loaded.resource_changes[0]!.action_reason).toBe('forgot_because_something_new');
    expect(loaded.resource_changes[1]!.change.actions).toEqual(['future-action']);
  });
  it('loads an OpenTofu plan (no applyable/complete keys) and a plan with no changes', async () => {
    const plan = buildPlan([{ address: 'aws_ecs_cluster.a', after: { name: 'a' } }], { terraformVersion: '1.10.2' });
    delete plan.applyable;
    delete plan.complete;
    expect((await loadPlan(writePlan('tofu.json', plan))).resource_changes).toHaveLength(1);
    const empty = {
      format_version: '1.2',
      terraform_version: '1.9.0',
      planned_values: { root_module: {} },
      configuration: { root_module: {} },
    };
    expect((await loadPlan(writePlan('nochange.json', empty))).resource_changes).toEqual([]);
  });
});

describe('wrong inputs: one line naming the file, saying what to do', () => {
  const secret = 'TOPSECRET-do-not-print-me';
  const cases: [string, string | Buffer, RegExp][] = [
    [
      'binary.plan',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]),
      /is a binary plan file \(zip\), not JSON; run `terraform show -json plan.out > plan.json`/,
    ],
    [
      'state.json',
      JSON.stringify({ format_version: '1.0', terraform_version: '1.9.0', values: { root_module: {} } }),
      /is a Terraform state file .*terraform plan -out plan.out/,
    ],
    [
      'plan.txt',
      `\nTerraform used the selected providers to generate the following execution\nplan.\n  # aws_ecs_service.api will be created\n  + resource "aws_ecs_service" "api" {\n      + password = "${secret}"\nPlan: 1 to add, 0 to change, 0 to destroy.\n`,
      /is the text output of `terraform plan`, not JSON; run `terraform plan -out plan.out` then `terraform show -json plan.out > plan.json`/,
    ],
    [
      'truncated.json',
      `{"format_version":"1.2","resource_changes":[{"address":"aws_ecs_service.a","change":{"after":{"secret":"${secret}`,
      /is truncated: the JSON ends at line 1, column \d+ inside a value/,
    ],
    [
      'invalid.json',
      `{\n  "format_version": "1.2",\n  "x": "${secret}" oops\n}`,
      /is not valid JSON: at line 3, column \d+ \(offset \d+\) expected "," or "}"/,
    ],
    ['empty.json', '', /is empty; write the plan with `terraform show -json plan.out > plan.json`/],
    ['blank.json', '  \n\n ', /holds only white space/],
    ['array.json', '[1,2,3]', /is JSON but not a Terraform plan/],
    [
      'other.json',
      JSON.stringify({ name: 'package', version: secret }),
      /is JSON but not a Terraform plan \(no format_version \/ resource_changes\)/,
    ],
    ['notjson.yaml', 'resource_changes:\n  - address: x\n', /is not JSON \(it does not start with "\{"\)/],
    [
      'badshape.json',
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [{ address: 'a.b', type: 'a', name: 'b', change: { actions: 'create' } }],
      }),
      /is not a valid plan: resource_changes\[0\]\.change\.actions: .*expected array/,
    ],
    // UTF-16 is decoded (tests/input/encoding.test.ts): this one is read, and found to be no plan.
    [
      'utf16.json',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format_version":"1.2"}', 'utf16le')]),
      /is JSON but not a Terraform plan \(no format_version \/ resource_changes\)/,
    ],
    [
      'plan-json-log.json',
      `{"@level":"info","@message":"Terraform 1.9.8","@module":"terraform.ui","type":"version","terraform":"1.9.8"}\n{"@level":"info","@message":"aws_ecs_service.api: Plan to create","type":"planned_change"}\n`,
      /is the output of `terraform plan -json` \(one log message per line\), not a plan; run `terraform plan -out plan.out` then `terraform show -json plan.out > plan.json`/,
    ],
  ];
  for (const [name, content, re] of cases) {
    it(name, async () => {
      const p = writePlan(name, content);
      const e = await loadError(p);
      expect(e.message.startsWith(`${p}: `)).toBe(true);
      expect(e.message).toMatch(re);
      expect(e.message).not.toContain('\n');
      expect(e.message).not.toContain(secret);
    });
  }
  it('a missing file', async () => {
    const e = await loadError('/nonexistent/dir/plan.json');
    expect(e.message).toBe('/nonexistent/dir/plan.json: no such file');
  });
  it('a directory', async () => {
    const d = dirname(writePlan('x.json', '{}'));
    const sub = join(d, 'a-directory');
    mkdirSync(sub, { recursive: true });
    expect((await loadError(sub)).message).toMatch(/is a directory; pass the plan JSON file/);
  });
  it('a truncated real-size plan reports the line where it stops', async () => {
    const full = JSON.stringify(buildPlan([{ address: 'aws_ecs_cluster.a', after: { name: 'a' } }]), null, 1);
    const cut = full.slice(0, Math.floor(full.length * 0.6));
    const e = await loadError(writePlan('cut.json', cut));
    const lines = cut.split('\n').length;
    expect(e.message).toMatch(new RegExp(`is truncated: the JSON ends at line ${lines}, column`));
  });
});
