import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { parseSettings } from '../../src/load/settings.js';
import { FIXTURES } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

/** Nine levels of ten aliases each: a few hundred bytes that expand to 10^9 values. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  lines.push('rules: *a8');
  return `${lines.join('\n')}\n`;
}

describe('configuration file: hostile YAML', () => {
  it('an alias bomb is refused in one line naming the file', async () => {
    const file = writePlan('alias-bomb.yml', aliasBomb());
    expect(() => parseSettings(aliasBomb(), file)).toThrow(`${file}: its aliases (*name) expand to too many values`);
    const r = await cli('--config', file, join(FIXTURES, 'ecs-ec2.json'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `container-plan-check: ${file}: its aliases (*name) expand to too many values; write the values out or use fewer aliases\n`,
    );
  });

  it('a few aliases are still read', () => {
    const ok = parseSettings('ignore:\n  - &one {rule: ECS_CIRCUIT_BREAKER, reason: "why"}\n  - *one\n', 'ok.yml');
    expect(ok.ignore).toHaveLength(2);
  });
});
