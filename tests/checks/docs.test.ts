import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/checks/registry.js';
import { autoscalingRules } from '../../src/checks/rules/autoscaling/index.js';
import { ecsRules } from '../../src/checks/rules/ecs/index.js';
import { eksRules } from '../../src/checks/rules/eks/index.js';
import { eksFargateRules } from '../../src/checks/rules/eksfargate/index.js';
import { fargateRules } from '../../src/checks/rules/fargate/index.js';
import type { Rule } from '../../src/checks/types.js';
import { ROOT } from '../helpers/paths.js';

/**
 * The rule pages under docs/rules/: one per registered rule, each with the same sections, a
 * failing and a passing HCL example that parse, and the rule's current severity; an index
 * (docs/rules/README.md) that lists every rule with its severity, resource types and title in
 * the catalog's groups. That every ID of the rule catalog is registered is checked against the
 * reference material in tests/reference/rule-catalog.test.ts.
 */

const DOCS = resolve(ROOT, 'docs/rules');
const SECTIONS = ['## What it checks', '## Why', '## Example', '## How to fix'];

/** The index groups, in catalog order, with the rules each holds. */
const GROUPS: [heading: string, rules: readonly Rule[]][] = [
  ['ECS task definitions on Fargate', fargateRules],
  ['ECS services, clusters and capacity providers', ecsRules],
  ['EKS on Fargate', eksFargateRules],
  ['EKS clusters, node groups and add-ons', eksRules],
  ['Application Auto Scaling and EC2 Auto Scaling', autoscalingRules],
];

interface HclParser {
  parseToObject(input: string): [unknown, unknown];
}
const hcl = createRequire(import.meta.url)('hcl2-parser') as HclParser;

/** Why `text` does not parse as HCL, or undefined when it does. hcl2-parser returns [result, error]. */
function hclError(text: string): string | undefined {
  try {
    const [, err] = hcl.parseToObject(text);
    return err === null || err === undefined ? undefined : 'the parser returned an error';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

interface HclBlock {
  body: string;
  /** The paragraph just before the opening fence. */
  lead: string;
  /** The `## ` section the block is in. */
  section: string;
}

/** The ```hcl blocks of a Markdown page, with the paragraph that introduces each. */
function hclBlocks(md: string): HclBlock[] {
  const lines = md.split('\n');
  const out: HclBlock[] = [];
  let section = '';
  let paragraph: string[] = [];
  let lastParagraph = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      const lang = line.slice(3).trim();
      const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      if (end < 0) throw new Error(`unclosed code fence at line ${i + 1}`);
      const lead = paragraph.length ? paragraph.join(' ') : lastParagraph;
      if (lang === 'hcl') out.push({ body: lines.slice(i + 1, end).join('\n'), lead, section });
      i = end;
      paragraph = [];
      lastParagraph = '';
      continue;
    }
    if (line.startsWith('## ')) {
      section = line;
      paragraph = [];
      lastParagraph = '';
    } else if (line.trim() === '') {
      if (paragraph.length) lastParagraph = paragraph.join(' ');
      paragraph = [];
    } else {
      paragraph.push(line.trim());
    }
  }
  return out;
}

/** `Fails:` / `Passes:`, optionally qualified: `Fails (warning):`. */
const labelled = (label: 'Fails' | 'Passes') => new RegExp(`^${label}(?: \\([^)]*\\))?:`);

interface IndexRow {
  id: string;
  link: string;
  severity: string;
  types: string[];
  title: string;
  group: string;
}

/** The rule rows of docs/rules/README.md, with the `## ` heading each is under. */
function indexRows(md: string): IndexRow[] {
  const rows: IndexRow[] = [];
  let group = '';
  for (const line of md.split('\n')) {
    if (line.startsWith('## '))
      group = line
        .slice(3)
        .replace(/^\d+\.\s*/, '')
        .trim();
    const m = /^\| \[([A-Z0-9_]+)\]\(([^)]+)\) \| ([a-z]+) \| (.+?) \| (.+) \|$/.exec(line);
    if (!m) continue;
    const types = [...m[4]!.matchAll(/`([^`]+)`/g)].map((t) => t[1]!);
    rows.push({ id: m[1]!, link: m[2]!, severity: m[3]!, types, title: m[5]!.replace(/\\\|/g, '|'), group });
  }
  return rows;
}

const page = (id: string) => readFileSync(resolve(DOCS, `${id}.md`), 'utf8');
const index = readFileSync(resolve(DOCS, 'README.md'), 'utf8');

describe('rule docs', () => {
  it('the HCL check tells valid from invalid HCL', () => {
    expect(hclError('resource "aws_ecs_service" "web" {\n  desired_count = 2\n}\n')).toBeUndefined();
    expect(hclError('resource "aws_ecs_service" "web" {\n  desired_count = \n')).toBeDefined();
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('has a page with the four sections, in order', () => {
      expect(existsSync(resolve(DOCS, `${id}.md`)), `docs/rules/${id}.md is missing`).toBe(true);
      const md = page(id);
      expect(md.split('\n')[0], 'the page starts with its rule ID').toMatch(new RegExp(`^# ${id}\\b`));
      const at = SECTIONS.map((s) => md.split('\n').indexOf(s));
      SECTIONS.forEach((s, i) => expect(at[i], `${id}.md has no "${s}"`).toBeGreaterThanOrEqual(0));
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    });

    it('names its severity', () => {
      expect(page(id)).toMatch(new RegExp(`^\\*\\*Severity:\\*\\* ${rule.severity}\\b`, 'm'));
    });

    it('has a failing and a passing HCL example that parse', () => {
      const blocks = hclBlocks(page(id));
      expect(blocks.length, `${id}.md has fewer than two hcl blocks`).toBeGreaterThanOrEqual(2);
      const [fails, passes] = blocks as [HclBlock, HclBlock];
      expect(fails.section).toBe('## Example');
      expect(passes.section).toBe('## Example');
      expect(fails.lead, `${id}.md: the first hcl block is not introduced by "Fails:"`).toMatch(labelled('Fails'));
      expect(passes.lead, `${id}.md: the second hcl block is not introduced by "Passes:"`).toMatch(labelled('Passes'));
      blocks.forEach((b, i) => {
        const err = hclError(b.body);
        expect(err, `docs/rules/${id}.md, hcl block ${i + 1} does not parse (${err})`).toBeUndefined();
      });
    });

    it('is listed in docs/rules/README.md with its severity, resource types and title, in its group', () => {
      const rows = indexRows(index).filter((r) => r.id === id);
      expect(rows, `${id} is listed ${rows.length} times in docs/rules/README.md`).toHaveLength(1);
      const row = rows[0]!;
      expect(row.link).toBe(`${id}.md`);
      expect(row.severity).toBe(rule.severity);
      expect(row.types).toEqual([...rule.types]);
      expect(row.title).toBe(rule.title);
      expect(row.group).toBe(GROUPS.find(([, rules]) => rules.includes(rule))![0]);
    });
  });

  it('the index has the catalog groups in order, and every rule is in one group', () => {
    const headings = index
      .split('\n')
      .filter((l) => /^## \d+\. /.test(l))
      .map((l) => l.replace(/^## \d+\.\s*/, ''));
    expect(headings).toEqual(GROUPS.map(([g]) => g));
    expect(GROUPS.flatMap(([, rules]) => rules.map((r) => r.id)).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('the index explains severities and both ways to suppress a rule', () => {
    for (const s of ['error', 'warning', 'info']) expect(index).toMatch(new RegExp(`\\*\\*${s}\\*\\*`));
    expect(index).toContain('# container-plan-check:ignore ');
    expect(index).toMatch(/ignore:\n\s+- rule: [A-Z_]+\n(\s+\w+: .+\n)*\s+reason: /);
  });

  it('every page and every index row belongs to a registered rule', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const pages = readdirSync(DOCS)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -3));
    expect(pages.filter((p) => !ids.has(p))).toEqual([]);
    expect(pages).toHaveLength(RULES.length);
    expect(
      indexRows(index)
        .map((r) => r.id)
        .filter((id) => !ids.has(id)),
    ).toEqual([]);
  });
});

describe('rule counts in the docs', () => {
  it('README.md and docs/rules/README.md state the number of registered rules', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    expect(/^(\d+) rules catch what/m.exec(readme)?.[1]).toBe(String(RULES.length));
    expect(/runs (\d+) rules over/.exec(index)?.[1]).toBe(String(RULES.length));
  });
});
