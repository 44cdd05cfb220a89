import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadPlan } from '../../src/plan/load.js';
import { FIXTURES } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';

const TEXT = readFileSync(join(FIXTURES, 'services-modules.json'), 'utf8');

/** The plan as PowerShell's `>` writes it: UTF-16 with a byte order mark, CRLF line ends. */
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);
  return order === 'le' ? le : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le.subarray(2)).swap16()]);
}

describe('UTF-16 plans (PowerShell)', () => {
  const want = JSON.parse(TEXT);
  for (const order of ['le', 'be'] as const) {
    for (const streamed of [false, true]) {
      it(`UTF-16 ${order.toUpperCase()} with a byte order mark, ${streamed ? 'streamed' : 'whole file'}: read as the UTF-8 plan is`, async () => {
        // A name outside ASCII and outside the BMP, so that a pair split between chunks would show.
        const text = TEXT.replace('"1.9.8"', '"1.9.8 ünï 🚀"');
        const file = writePlan(`utf16${order}-${streamed}.json`, utf16(text, order));
        const plan = await loadPlan(file, streamed ? { streamThresholdBytes: 1 } : {});
        expect(plan.terraform_version).toBe('1.9.8 ünï 🚀');
        expect(plan.resource_changes.map((r) => r.address)).toEqual(want.resource_changes.map((r: { address: string }) => r.address));
      });
    }
  }

  it('the CLI reports a UTF-16 plan like its UTF-8 copy', async () => {
    const run = async (file: string) => {
      let out = '';
      const code = await runCli(['--format', 'json', file], { stdout: (s) => (out += s), stderr: () => {}, today: () => '2026-11-22' });
      return { code, plans: JSON.parse(out).plans.map((p: { path: string }) => ({ ...p, path: '' })) };
    };
    expect(await run(writePlan('utf16-cli.json', utf16(TEXT, 'le')))).toEqual(await run(join(FIXTURES, 'services-modules.json')));
  });
});

describe('terraform plan -json output', () => {
  const log = [
    '{"@level":"info","@message":"Terraform 1.9.8","@module":"terraform.ui","@timestamp":"2026-11-22T10:00:00Z","terraform":"1.9.8","type":"version","ui":"1.2"}',
    '{"@level":"info","@message":"aws_ecs_service.api: Plan to create","@module":"terraform.ui","type":"planned_change","change":{"resource":{"addr":"aws_ecs_service.api"},"action":"create"}}',
    '{"@level":"info","@message":"Plan: 1 to add, 0 to change, 0 to destroy.","type":"change_summary"}',
  ].join('\n');
  for (const streamed of [false, true]) {
    it(`is told to run terraform show -json instead (${streamed ? 'streamed' : 'whole file'})`, async () => {
      const file = writePlan(`plan-json-${streamed}.json`, `${log}\n`);
      await expect(loadPlan(file, streamed ? { streamThresholdBytes: 1 } : {})).rejects.toThrow(
        `${file}: is the output of \`terraform plan -json\` (one log message per line), not a plan; run \`terraform plan -out plan.out\` then \`terraform show -json plan.out > plan.json\``,
      );
    });
  }
});
