import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/checks/types.js';
import { loadSettings, parseSettings } from '../../src/load/settings.js';
import { InputError } from '../../src/plan/errors.js';
import { writeTree } from './tree.js';

const RULE = (id: string): Rule => ({ id, severity: 'error', title: id, types: ['aws_ecs_service'], check: () => [] });
const KNOWN = [RULE('FARGATE_CPU_MEMORY'), RULE('ECS_HCGP_NO_LB')];
const F = '.container-plan-check.yml';

/** The one-line error a config text produces. */
function errorOf(text: string): string {
  try {
    parseSettings(text, F, KNOWN);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('the config was accepted');
}

describe('configuration file', () => {
  it('reads severities, off, ignores with a default address glob, and the cost section', () => {
    const c = parseSettings(
      [
        'rules:',
        '  FARGATE_CPU_MEMORY: warning',
        '  ECS_HCGP_NO_LB: off',
        'ignore:',
        '  - rule: FARGATE_CPU_MEMORY',
        '    address: module.legacy.*',
        '    reason: migrating in Q1',
        '  - rule: ECS_HCGP_NO_LB',
        '    reason: "  no load balancer by design  "',
        'cost:',
        '  spotDiscountPercent: 60',
      ].join('\n'),
      F,
      KNOWN,
    );
    expect(c.rules).toEqual({ FARGATE_CPU_MEMORY: 'warning', ECS_HCGP_NO_LB: 'off' });
    expect(c.ignore).toEqual([
      { rule: 'FARGATE_CPU_MEMORY', address: 'module.legacy.*', reason: 'migrating in Q1' },
      { rule: 'ECS_HCGP_NO_LB', address: '*', reason: 'no load balancer by design' },
    ]);
    expect(c.cost).toEqual({ spotDiscountPercent: 60 });
  });

  it('an empty file is an empty configuration', () => {
    expect(parseSettings('', F, KNOWN)).toEqual({});
    expect(parseSettings('# nothing yet\n', F, KNOWN)).toEqual({});
  });

  it('a missing or blank reason names the file and the key', () => {
    expect(errorOf('ignore:\n  - rule: FARGATE_CPU_MEMORY\n')).toBe('.container-plan-check.yml: ignore[0].reason: a reason is required');
    expect(errorOf('ignore:\n  - rule: FARGATE_CPU_MEMORY\n    reason: "   "\n')).toBe(
      '.container-plan-check.yml: ignore[0].reason: a reason is required',
    );
    expect(errorOf('ignore:\n  - rule: FARGATE_CPU_MEMORY\n    reason: 12\n')).toBe(
      '.container-plan-check.yml: ignore[0].reason: must be a string, got number',
    );
  });

  it('an ignore entry needs a rule', () => {
    expect(errorOf('ignore:\n  - reason: x\n')).toBe('.container-plan-check.yml: ignore[0].rule: a rule ID is required');
  });

  it('unknown rule IDs are errors naming the ID, in rules and in ignore', () => {
    expect(errorOf('rules:\n  FARGATE_CPU_MEMROY: off\n')).toBe(
      '.container-plan-check.yml: rules.FARGATE_CPU_MEMROY: unknown rule ID "FARGATE_CPU_MEMROY"',
    );
    expect(errorOf('ignore:\n  - rule: FARGATE_CPU_MEMORY\n    reason: a\n  - rule: NOPE\n    reason: b\n')).toBe(
      '.container-plan-check.yml: ignore[1].rule: unknown rule ID "NOPE"',
    );
  });

  it('a severity outside error/warning/info/off is named with the valid values', () => {
    expect(errorOf('rules:\n  FARGATE_CPU_MEMORY: fatal\n')).toBe(
      '.container-plan-check.yml: rules.FARGATE_CPU_MEMORY: must be one of error, warning, info, off',
    );
  });

  it('unknown keys name the key and what is allowed there', () => {
    expect(errorOf('rule:\n  FARGATE_CPU_MEMORY: off\n')).toBe(
      '.container-plan-check.yml: rule: unknown key (expected rules, ignore or cost)',
    );
    expect(errorOf('ignore:\n  - rule: FARGATE_CPU_MEMORY\n    reason: r\n    adress: x\n')).toBe(
      '.container-plan-check.yml: ignore[0].adress: unknown key (expected rule, address or reason)',
    );
    expect(errorOf('cost:\n  spot: 1\n')).toMatch(/^\.container-plan-check\.yml: cost\.spot: unknown key \(expected spotDiscountPercent/);
  });

  it('YAML syntax errors give the line; a list at the top is refused', () => {
    expect(errorOf('rules:\n  FARGATE_CPU_MEMORY: off\n   bad: [\n')).toMatch(/^\.container-plan-check\.yml:\d+: not valid YAML: /);
    expect(errorOf('rules: {}\nrules: {}\n')).toMatch(/^\.container-plan-check\.yml:2: not valid YAML: .*unique/i);
    expect(errorOf('- a\n- b\n')).toBe('.container-plan-check.yml: must be a mapping with rules, ignore or cost, got a list');
    expect(errorOf('ignore: yes\n')).toMatch(/^\.container-plan-check\.yml: ignore: /);
  });

  it('is found in --tf-dir when no file is named; a named file must exist', async () => {
    const dir = writeTree({ [F]: 'rules:\n  ECS_HCGP_NO_LB: off\n' });
    expect(await loadSettings({ tfDir: dir }, KNOWN)).toEqual({ settings: { rules: { ECS_HCGP_NO_LB: 'off' } }, file: join(dir, F) });
    const empty = writeTree({ 'main.tf': '' });
    expect((await loadSettings({ tfDir: empty }, KNOWN)).settings).toEqual({});
    const missing = join(empty, 'nope.yml');
    await expect(loadSettings({ settingsFile: missing }, KNOWN)).rejects.toThrow(`${missing}: no such configuration file`);
  });
});
