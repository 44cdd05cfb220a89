import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { InputError, oneLine } from '../../src/plan/errors.js';
import { FIXTURES } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

/** Every line of standard error is the tool's own: none can pass for a workflow command. */
function expectOwnLines(err: string, lines: number) {
  const all = err.split('\n').slice(0, -1);
  expect(all).toHaveLength(lines);
  for (const l of all) expect(l).toMatch(/^container-plan-check: /);
  expect(err).not.toMatch(/^::/m);
  expect(err).not.toMatch(/[\r\u2028\u2029\u0085]/);
}

describe('one-line errors: input quoted in a message cannot break the line', () => {
  it('a configuration key holding a line break and a workflow command', async () => {
    const config = writePlan('newline-key.yml', 'rules:\n  "X\\n::error::forged\\r\\n::set-output name=gate::passed": error\n');
    const r = await cli('--config', config, join(FIXTURES, 'ecs-ec2.json'));
    expect(r.code).toBe(2);
    expectOwnLines(r.err, 1);
    expect(r.err).toContain('X\\n::error::forged\\r\\n::set-output');
    expect(r.err).toContain(config);
  });

  it('a plan variable name holding a line break, with the other plan still reported', async () => {
    const plan = JSON.parse(readFileSync(join(FIXTURES, 'ecs-ec2.json'), 'utf8'));
    plan.variables = { 'x\n::error::forged\u2028::warning::also': 5 };
    const bad = writePlan('newline-variable.json', plan);
    const r = await cli('--format', 'json', bad, join(FIXTURES, 'example-stack.json'));
    expect(r.code).toBe(2);
    expectOwnLines(r.err, 1);
    expect(r.err).toContain(`${bad}: is not a valid plan: variables.x\\n::error::forged\\u2028::warning::also`);
    const report = JSON.parse(r.out);
    expect(report.plans[1].error).toBeNull();
    expect(report.plans[0].error).not.toMatch(/\n/);
  });

  it('InputError and oneLine escape control characters in the file name and the problem', () => {
    const e = new InputError('a\nb.json', 'bad\u001b[31m key\u0085x');
    expect(e.message).toBe('a\\nb.json: bad\\u001b[31m key\\u0085x');
    expect(oneLine(new Error('first\r::error::x\nsecond'))).toBe('Error: first\\r::error::x');
  });
});
