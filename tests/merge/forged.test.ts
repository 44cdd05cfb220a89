import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineOptions, runCli } from '../../src/cli/main.js';
import { analyse } from '../../src/engine/analyse.js';
import { linkTarget } from '../../src/report/escape.js';
import { render } from '../../src/report/render.js';
import { Report } from '../../src/report/schema.js';
import { FIXTURES } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';

const TODAY = '2026-11-22';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => TODAY });
  return { code, out, err };
}

/** A genuine report (of a plan with findings), then changed by `forge`: still schema-valid. */
async function forgedReport(name: string, forge: (r: Report) => void): Promise<string> {
  const { report } = await analyse([join(FIXTURES, 'fargate-invalid-size.json')], engineOptions({ asOf: TODAY }, TODAY));
  const copy = JSON.parse(render(report, 'json')) as Report;
  forge(copy);
  expect(Report.safeParse(copy).success).toBe(true);
  return writePlan(name, JSON.stringify(copy));
}

const first = (r: Report) => r.plans[0]!.findings[0]!;

describe('merge: a schema-valid forged report', () => {
  const cases: [string, (r: Report) => void, RegExp][] = [
    [
      'docs link out of the action',
      (r) => (first(r).docs = 'https://evil.example/x)@org/team'),
      /findings\[0\]\.docs is not the docs page of rule/,
    ],
    [
      'docs link to another rule page',
      (r) => (first(r).docs = 'docs/rules/ECS_CIRCUIT_BREAKER.md'),
      /findings\[0\]\.docs is not the docs page of rule/,
    ],
    [
      'unknown rule',
      (r) => (first(r).rule = 'X\n::set-output name=gate::passed'),
      /findings\[0\]\.rule "X\\n::set-output name=gate::passed" is not a rule of this tool/,
    ],
    ['asOf not a date', (r) => (r.asOf = '2026-11-22\n::set-output name=gate::passed'), /asOf "2026-11-22\\n::set-output name=gate::pass/],
    ['asOf an impossible date', (r) => (r.asOf = '2026-02-30'), /asOf "2026-02-30" is not a date/],
    ['tool version', (r) => (r.tool!.version = '1\n::warning::x'), /tool\.version .* is not a version/],
    [
      'snapshot date',
      (r) => (r.plans[0]!.cost!.snapshotDate = ')@org/team'),
      /plans\[0\]\.cost\.snapshotDate "\)@org\/team" is not a date/,
    ],
  ];
  for (const [what, forge, problem] of cases) {
    it(`${what}: left out in one line, the good report still merged`, async () => {
      const bad = await forgedReport(`forged-${what.replace(/\W+/g, '-')}.json`, forge);
      const good = await forgedReport('genuine.json', () => {});
      for (const format of ['text', 'markdown', 'json']) {
        const r = await cli('merge', '--format', format, bad, good);
        expect(r.code).toBe(2);
        const lines = r.err.split('\n').slice(0, -1);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`${bad}: is not a report this tool wrote (`);
        expect(lines[0]).toMatch(problem);
        expect(r.out + r.err).not.toMatch(/^::/m);
        // JSON keeps the skipped report's line among its warnings, as data; the others show no raw text of it.
        if (format !== 'json') expect(r.out).not.toContain('@org/team');
        if (format === 'json') expect(JSON.parse(r.out).plans).toHaveLength(1);
      }
    });
  }

  it("docs links in the merged report are this run's own", async () => {
    const a = await forgedReport('url-docs.json', (r) => {
      for (const f of r.plans[0]!.findings) f.docs = `https://github.com/someone/fork/blob/main/docs/rules/${f.rule}.md`;
    });
    const r = await cli('merge', '--format', 'json', a);
    expect(r.code).not.toBe(2);
    const findings = JSON.parse(r.out).plans[0].findings as { rule: string; docs: string }[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.docs).toBe(`docs/rules/${f.rule}.md`);
  });

  it('link targets in Markdown cannot end early or carry another scheme', () => {
    expect(linkTarget('https://x.example/docs/rules/A.md)@org/team (x)')).toBe('https://x.example/docs/rules/A.md%29%40org/team%20%28x%29');
    expect(linkTarget('javascript:alert(1)')).toBe('#');
    expect(linkTarget('docs/rules/ECS_CP_MIXED.md')).toBe('docs/rules/ECS_CP_MIXED.md');
    expect(linkTarget('a\ud800b')).toBe('a%EF%BF%BDb');
  });

  it("the renderers escape a report's strings even when no merge checked them", async () => {
    const { report } = await analyse([join(FIXTURES, 'fargate-invalid-size.json')], engineOptions({ asOf: TODAY }, TODAY));
    const evil = '1\n::set-output name=gate::passed';
    const forged: Report = {
      ...report,
      asOf: evil,
      tool: { name: 'container-plan-check', version: evil },
      plans: report.plans.map((p) => ({
        ...p,
        cost: p.cost && { ...p.cost, snapshotDate: evil },
        findings: p.findings.map((f) => ({ ...f, rule: evil, docs: 'https://x.example/a)@org/team' })),
      })),
    };
    for (const format of ['text', 'markdown'] as const) {
      const out = render(forged, format, { linkBase: 'https://github.com/o/r/blob/v1/' });
      expect(out).not.toMatch(/^::/m);
      if (format === 'markdown') expect(out).not.toContain(')@org/team'); // a terminal renders no link
    }
  });
});
