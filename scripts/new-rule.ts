/**
 * `npm run new-rule -- <group> <RULE_ID> [--type <resource type>] [--severity error|warning|info] [--root <dir>]`
 *
 * Writes a new rule's files: the rule (src/checks/rules/<group>/<RULE_ID>.ts), its test with a
 * failing and a passing case (tests/checks/<group>/<RULE_ID>.test.ts; the failing case fails
 * until the check is written), its docs page (docs/rules/<RULE_ID>.md), its row in
 * docs/rules/README.md under its group, its entry in the group's index, and the rule counts in
 * README.md and docs/rules/README.md. `--root` writes into another copy of the repository.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The resource type a group's rules usually run on (change it with --type). */
const DEFAULT_TYPES: Record<string, string> = {
  fargate: 'aws_ecs_task_definition',
  ecs: 'aws_ecs_service',
  eks: 'aws_eks_node_group',
  eksfargate: 'aws_eks_fargate_profile',
  autoscaling: 'aws_autoscaling_group',
};
const SEVERITIES = ['error', 'warning', 'info'];

export class UsageError extends Error {}

export function newRule(argv: readonly string[]): string[] {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { type: { type: 'string' }, severity: { type: 'string' }, root: { type: 'string' } },
  });
  const [group, id] = positionals;
  if (!group || !id || positionals.length > 2)
    throw new UsageError('usage: npm run new-rule -- <group> <RULE_ID> [--type T] [--severity S]');
  const root = resolve(values.root ?? '.');
  const groupIndex = join(root, 'src/checks/rules', group, 'index.ts');
  if (!/^[a-z]+$/.test(group) || !existsSync(groupIndex))
    throw new UsageError(`no rule group ${JSON.stringify(group)} (src/checks/rules/<group>/index.ts)`);
  if (!/^[A-Z][A-Z0-9_]*$/.test(id)) throw new UsageError(`${JSON.stringify(id)} is not a rule ID (upper case letters, digits and _)`);
  const type = values.type ?? DEFAULT_TYPES[group];
  if (!type || !/^[a-z][a-z0-9_]*$/.test(type)) throw new UsageError('give the resource type the rule runs on: --type aws_...');
  const severity = values.severity ?? 'error';
  if (!SEVERITIES.includes(severity)) throw new UsageError(`--severity must be ${SEVERITIES.join(', ')}`);

  const files = {
    rule: join(root, 'src/checks/rules', group, `${id}.ts`),
    test: join(root, 'tests/checks', group, `${id}.test.ts`),
    page: join(root, 'docs/rules', `${id}.md`),
  };
  for (const f of Object.values(files)) if (existsSync(f)) throw new UsageError(`${f} exists already`);
  const indexText = readFileSync(groupIndex, 'utf8');
  const docsIndex = join(root, 'docs/rules/README.md');
  const readme = join(root, 'README.md');
  const title = `${id}: what it checks (write the title)`;

  // The group entry: the import and the rule at the end of the group's list.
  const listEnd = indexText.lastIndexOf('\n];');
  const lastImport = indexText.lastIndexOf('\nimport ');
  if (listEnd < 0 || lastImport < 0) throw new UsageError(`${groupIndex}: no rule list to add to`);
  const importEnd = indexText.indexOf('\n', lastImport + 1);
  const firstRule = /\n {2}([A-Z][A-Z0-9_]*),/.exec(indexText.slice(indexText.indexOf('= [')))?.[1];
  const newIndex =
    indexText.slice(0, importEnd) +
    `\nimport { ${id} } from './${id}.js';` +
    indexText.slice(importEnd, listEnd) +
    `\n  ${id},` +
    indexText.slice(listEnd);

  // The index row, after the last row of the group's table (found by one of its rules).
  const lines = readFileSync(docsIndex, 'utf8').split('\n');
  const at = firstRule ? lines.findIndex((l) => l.startsWith(`| [${firstRule}](`)) : -1;
  if (at < 0) throw new UsageError(`docs/rules/README.md: no table with the ${group} rules`);
  let last = at;
  while (lines[last + 1]?.startsWith('| [')) last++;
  lines.splice(last + 1, 0, `| [${id}](${id}.md) | ${severity} | \`${type}\` | ${title} |`);
  const bump = (text: string, re: RegExp, file: string) => {
    if (!re.test(text)) throw new UsageError(`${file}: no rule count to update`);
    return text.replace(re, (_m, n: string, rest: string) => `${Number(n) + 1}${rest}`);
  };
  const newDocsIndex = bump(lines.join('\n'), /(\d+)( rules over)/, 'docs/rules/README.md');
  const newReadme = bump(readFileSync(readme, 'utf8'), /^(\d+)( rules catch what)/m, 'README.md');

  const write = (f: string, text: string) => {
    mkdirSync(dirname(f), { recursive: true });
    writeFileSync(f, text);
  };
  write(files.rule, ruleSource(id, severity, type, title));
  write(files.test, testSource(group, id, type));
  write(files.page, pageSource(id, severity, type, title));
  write(groupIndex, newIndex);
  write(docsIndex, newDocsIndex);
  write(readme, newReadme);
  return [...Object.values(files), groupIndex, docsIndex, readme];
}

function ruleSource(id: string, severity: string, type: string, title: string): string {
  return `import type { Rule } from '../../types.js';

/** What ${id} checks, and the AWS source that says so. */
export const ${id}: Rule = {
  id: '${id}',
  severity: '${severity}',
  title: '${title}',
  types: ['${type}'],
  reads: [],
  check(_r, _ctx) {
    // Read values through r.current (src/plan/read.ts) and return one result per problem:
    // { path: 'attribute', message: '…' }. An unknown value says nothing.
    return [];
  },
};
`;
}

function testSource(group: string, id: string, type: string): string {
  return `import { describe, expect, it } from 'vitest';
import { ${id} } from '../../../src/checks/rules/${group}/${id}.js';
import { check } from '../helpers.js';

// Fill in the attributes of a resource the rule reports (failing) and one it accepts (passing).
const failing = { address: '${type}.bad', after: {} };
const passing = { address: '${type}.good', after: {} };

describe('${id}', () => {
  it('reports the failing case', () => {
    expect(check(${id}, [failing]).map((f) => [f.rule, f.address])).toEqual([['${id}', '${type}.bad']]);
  });

  it('accepts the passing case', () => {
    expect(check(${id}, [passing])).toEqual([]);
  });
});
`;
}

function pageSource(id: string, severity: string, type: string, title: string): string {
  const name = type.replace(/^aws_/, '');
  return `# ${title}

**Severity:** ${severity} · **Resource:** \`${type}\`

## What it checks

Write what the rule checks.

## Why

Write why, with the AWS source.

## Example

Fails:

\`\`\`hcl
resource "${type}" "${name}" {
}
\`\`\`

Passes:

\`\`\`hcl
resource "${type}" "${name}" {
}
\`\`\`

## How to fix

Write how to fix it.
`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'new-rule.ts')) {
  try {
    for (const f of newRule(process.argv.slice(2))) console.log(`wrote ${f}`);
  } catch (e) {
    console.error(`new-rule: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  }
}
