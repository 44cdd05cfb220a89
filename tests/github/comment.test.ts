import fc from 'fast-check';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/analyse.js';
import { formatMarker } from '../../src/github/marker.js';
import { COMMENT_LIMIT, renderComment } from '../../src/report/comment.js';
import { renderMarkdown, SUMMARY_LIMIT } from '../../src/report/markdown.js';
import { render } from '../../src/report/render.js';
import { Report, type Finding, type PlanReport, type ResourceCost } from '../../src/report/schema.js';
import { buildPlan } from '../helpers/plan.js';

const MARKER = formatMarker({ tag: 'default', sha: 'abc', runId: 5, runAttempt: 1 });
const SUMMARY_URL = 'https://github.example/acme/infra/actions/runs/5/attempts/1';

interface Node {
  type: string;
  value?: string;
  url?: string;
  children?: Node[];
}

/** Parses as GitHub does (GFM) and checks the structure: table widths and balanced `<details>`. */
function checkGfm(markdown: string): { tables: Node[]; links: Node[]; html: string[] } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Node;
  const tables: Node[] = [];
  const links: Node[] = [];
  const html: string[] = [];
  const walk = (n: Node) => {
    if (n.type === 'table') tables.push(n);
    if (n.type === 'link') links.push(n);
    if (n.type === 'html') html.push(n.value!);
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  for (const t of tables) {
    const width = t.children![0]!.children!.length;
    for (const row of t.children!) expect(row.children!.length, `row of a ${width}-column table`).toBe(width);
  }
  // Each row's source line has exactly as many unescaped pipes as its header (no cell was split).
  for (const line of markdown.split('\n').filter((l) => l.startsWith('|'))) {
    expect(line.endsWith('|'), line).toBe(true);
  }
  let depth = 0;
  for (const h of html) {
    depth += (h.match(/<details[\s>]/g) ?? []).length;
    depth -= (h.match(/<\/details>/g) ?? []).length;
    expect(depth, 'closing a <details> that was not opened').toBeGreaterThanOrEqual(0);
  }
  expect(depth, 'unbalanced <details>').toBe(0);
  return { tables, links, html };
}

const headerCells = (t: Node) => t.children![0]!.children!.map((c) => (c.children ?? []).map((x) => x.value ?? '').join(''));

async function reportOf(fixture: string): Promise<Report> {
  return (await analyse([`fixtures/${fixture}`], { asOf: '2026-11-22', failOn: 'error' })).report;
}

describe('the PR comment from real plans', () => {
  it('opens with the status line, then the findings table, the cost table and folded plan details', async () => {
    const report = await reportOf('example-stack.json');
    const body = renderComment(report, {
      marker: MARKER,
      fullReportUrl: SUMMARY_URL,
      linkBase: 'https://github.example/acme-tools/container-plan-check/blob/v1/',
    });
    // Status and what changes first; the details (plan, counts, before → after, range) on the line below.
    // (The old first line carried all of it: issue 14 asked for this change.)
    const lines = body.split('\n');
    expect(lines[0]).toBe('### ⚠️ 1 warning · **monthly cost +$690** (to $1,159 at max scale)');
    expect(lines[2]).toBe(
      '**container-plan-check** · <code>fixtures/example-stack.json</code> · Plan: 7 to add, 0 to change, 0 to destroy (ECS, EKS and autoscaling resources) · monthly $0.00 → $690.28 (+$690.28), $546.12 – $1,158.80 across autoscaling bounds',
    );
    const { tables, links } = checkGfm(body);
    expect(headerCells(tables[0]!)).toEqual(['', 'Rule', 'Resources', 'What is wrong']);
    expect(headerCells(tables[1]!)).toEqual(['Resource', 'Change', 'Before', 'After', 'Δ / month', 'Range (min–max)']);
    expect(links.map((l) => l.url)).toContain(
      'https://github.example/acme-tools/container-plan-check/blob/v1/docs/rules/EKS_VERSION_SUPPORT.md',
    );
    expect(body).toContain('<details><summary><code>fixtures/example-stack.json</code>');
    expect(body).not.toContain('<details open>');
    expect(body).toMatch(
      /<sub>Prices: AWS public prices, snapshot \d{4}-\d{2}-\d{2} · evaluated as of 2026-11-22 · \[full report\]\(https:\/\/github\.example\/acme\/infra\/actions\/runs\/5\/attempts\/1\)/,
    );
    expect(body.endsWith(MARKER)).toBe(true);
  });

  it('lists errors first and names why the gate fails', async () => {
    const report = await reportOf('fargate-invalid-size.json');
    const body = renderComment(report, { marker: MARKER });
    expect(body.split('\n')[0]).toBe('### ❌ 1 error · **monthly cost +$66**');
    expect(body.split('\n')[4]).toBe('**Fails the check:** 1 error on changed resources.');
    checkGfm(body);
  });

  it('the job summary renders the same document with plan details open', async () => {
    const md = renderMarkdown(await reportOf('services-modules.json'));
    expect(md).toContain('<details open>');
    checkGfm(md);
  });
});

describe('plan-supplied strings', () => {
  it('cannot break tables, open <details>, link or mention anyone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-md-'));
    const evil = 'a|b</details><details><summary>x @here [click](https://evil.example) `code` *em* <img src=x onerror=alert(1)>';
    const path = join(dir, 'plan.json');
    writeFileSync(
      path,
      JSON.stringify(
        buildPlan([
          {
            address: `aws_ecs_cluster.c["${evil.replace(/"/g, '')}"]`,
            after: { name: evil, setting: [], configuration: [], service_connect_defaults: [], tags: { team: evil } },
          },
        ]),
      ),
    );
    const { report } = await analyse([path], { asOf: '2026-11-22', failOn: 'error' });
    for (const body of [renderComment(report, { marker: MARKER }), renderMarkdown(report)]) {
      const { links, html } = checkGfm(body);
      // No Markdown link is formed ([click](…)); a bare URL may still be autolinked as itself, which disguises nothing.
      expect(links.filter((l) => (l.children ?? []).some((c) => c.value === 'click'))).toEqual([]);
      expect(body).not.toContain('@here');
      expect(body).not.toContain('<img');
      expect(html.join('')).not.toContain('evil');
    }
  });
});

// ── Constructed reports (validated against the report schema) for sizes no fixture reaches ──

const finding = (i: number, severity: Finding['severity'], existing = false): Finding => ({
  rule: severity === 'error' ? 'FARGATE_CPU_MEMORY' : 'ECS_CIRCUIT_BREAKER',
  severity,
  title: 'A rule',
  address: `aws_ecs_service.svc["${i}-${'n'.repeat(40)}"]`,
  message: `${severity} number ${i}: ${'the reason is long enough to matter. '.repeat(8)}`,
  path: null,
  file: i % 2 ? 'ecs/services.tf' : null,
  line: i % 2 ? 10 + i : null,
  existing,
  suppressed: false,
  docs: 'docs/rules/FARGATE_CPU_MEMORY.md',
});

const cost = (i: number): ResourceCost => ({
  address: `aws_ecs_service.svc["${i}-${'n'.repeat(40)}"]`,
  type: 'aws_ecs_service',
  action: 'update',
  description: 'Fargate Linux/x86, 1 vCPU / 2 GB × 2',
  monthlyBefore: 10 * i,
  monthlyAfter: 10 * i + 5,
  monthlyDelta: 5,
  min: 10 * i,
  max: 10 * i + 50,
  components: [{ name: 'Fargate vCPU', unit: 'vCPU-hours', quantity: 730, unitPrice: 0.04048, monthly: 29.55 }],
  unpriced: [],
});

function constructed(plans: number, errors: number, warnings: number, costs: number): Report {
  const planReports: PlanReport[] = Array.from({ length: plans }, (_, p) => ({
    path: `stacks/s${p}/plan.json`,
    name: `stack-${p}`,
    terraformVersion: '1.9.8',
    formatVersion: '1.2',
    error: null,
    resources: Array.from({ length: costs }, (_, i) => ({
      address: cost(i).address,
      type: 'aws_ecs_service',
      action: 'update' as const,
      region: 'us-east-1',
    })),
    findings: [
      ...Array.from({ length: errors }, (_, i) => finding(i, 'error')),
      ...Array.from({ length: warnings }, (_, i) => finding(i, 'warning')),
      finding(0, 'error', true),
    ],
    cost: {
      currency: 'USD',
      monthlyBefore: 1000,
      monthlyAfter: 1512,
      monthlyDelta: 512,
      min: 800,
      max: 2100,
      snapshotDate: '2026-11-01',
      resources: Array.from({ length: costs }, (_, i) => cost(i)),
    },
  }));
  return Report.parse({
    schemaVersion: 1,
    tool: { name: 'container-plan-check', version: '0.1.0' },
    asOf: '2026-11-22',
    plans: planReports,
    cost: {
      currency: 'USD',
      monthlyBefore: 1000 * plans,
      monthlyAfter: 1512 * plans,
      monthlyDelta: 512 * plans,
      min: 800 * plans,
      max: 2100 * plans,
      snapshotDate: '2026-11-01',
    },
    gate: { passed: false, reasons: ['2 errors on changed resources', '+$512.00/month exceeds max-increase $500.00'] },
  });
}

describe('size', () => {
  it('the summary line gives the status and the change; the line below before → after, delta, percent and the autoscaling range', () => {
    const body = renderComment(constructed(1, 2, 1, 3), { marker: MARKER });
    expect(body.split('\n')[0]).toBe('### ❌ 2 errors · 1 warning · **monthly cost +$512** (to $2,100 at max scale)');
    expect(body.split('\n')[2]).toBe(
      '**container-plan-check** · <code>stack-0</code> · Plan: 0 to add, 3 to change, 0 to destroy (ECS, EKS and autoscaling resources) · monthly $1,000.00 → $1,512.00 (+$512.00, +51.2%), $800.00 – $2,100.00 across autoscaling bounds',
    );
    expect(body.split('\n')[4]).toBe(
      '**Fails the check:** 2 errors on changed resources; &#43;&#36;512.00/month exceeds max-increase &#36;500.00.'.replace(/&#43;/g, '+'),
    );
  });

  it('a comment that does not fit: a per-stack table first, grouped findings, the top cost rows, details dropped and said', () => {
    const report = constructed(3, 60, 60, 300);
    const full = renderMarkdown(report, { limit: Infinity });
    expect(full.length).toBeGreaterThan(COMMENT_LIMIT);
    const body = renderComment(report, { marker: MARKER, fullReportUrl: SUMMARY_URL });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith('### ❌ 180 errors · 180 warnings · ')).toBe(true);
    expect(body).toContain(`Left out: the details of 2 plans. The [job summary](${SUMMARY_URL}) has the full report.`);
    const { tables } = checkGfm(body);
    expect(headerCells(tables[0]!)).toEqual(['Stack', 'Errors', 'Warnings', 'Monthly before', 'Change', 'After', 'Range']);
    expect(body).toContain('| <code>stack-1</code> | 60 | 60 | $1,000.00 | +$512.00 | $1,512.00 | $800.00\u00a0–\u2060\u00a0$2,100.00 |');
    expect(body).toContain('| … 875 more resources (in the job summary) | | | | | |');
    expect(body).toContain('| **Total** |');
    // 180 errors of one rule and message shape: one row, the addresses folded under it.
    const rows = body.split('\n').filter((l) => /^\| (❌|⚠️) \|.*<details><summary>×/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain('<details><summary>× 3 resources (unchanged)</summary>'); // the other findings
    expect(rows[0]).toMatch(/^\| ❌ \| \[FARGATE&#95;CPU&#95;MEMORY\]\(.*\) \| <details><summary>× 180 resources<\/summary>/);
    expect(rows[0]).toContain('160 more resources (in the job summary)</details>');
    expect(rows[1]).toMatch(/^\| ⚠️ \| .* <details><summary>× 180 resources<\/summary>/);
    expect(body.endsWith(MARKER)).toBe(true);
    checkGfm(body);
  });

  it('the job summary under a limit keeps errors before warnings, one row each, and says what it cut', () => {
    const report = constructed(3, 60, 60, 300);
    const body = renderMarkdown(report, { limit: COMMENT_LIMIT, fullReportUrl: SUMMARY_URL });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain(`Left out: the details of 3 plans; the other findings (info, unchanged resources, suppressed); `);
    // all 180 errors are kept before any warning is
    const rows = body.split('\n').filter((l) => /^\| (❌|⚠️) \|/.test(l) && !l.includes('| … |'));
    const firstWarning = rows.findIndex((l) => l.startsWith('| ⚠️'));
    expect(rows.slice(0, 180).every((l) => l.startsWith('| ❌'))).toBe(true);
    expect(firstWarning === -1 || firstWarning === 180).toBe(true);
    checkGfm(body);
  });

  it('a report of 50,000 resources: the summary renders only what fits, and counts what it left out', () => {
    const report = constructed(1, 0, 0, 50_000);
    const summary = renderMarkdown(report);
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(Buffer.byteLength(summary, 'utf8')).toBeGreaterThan(SUMMARY_LIMIT * 0.9);
    const kept = summary.split('\n').filter((l) => / \| ~ update \| /.test(l)).length;
    expect(kept).toBeGreaterThan(1000);
    expect(summary).toContain(
      `Left out: the details of 1 plan; the other findings (info, unchanged resources, suppressed); ${(50_000 - kept).toLocaleString('en-US')} of 50,000 cost rows.`,
    );
    const body = renderComment(report, { marker: MARKER });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    // The comment shows the top cost rows and counts the rest; the details are left out.
    expect(body).toMatch(/Left out: the details of 1 plan\./);
    expect(body).toContain('| … 49,975 more resources (in the job summary) | | | | | |');
    checkGfm(body);
  });

  it('is never over 65,536 characters and always starts with the summary', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 500 }),
        (plans, errors, warnings, costs) => {
          const body = renderComment(constructed(plans, errors, warnings, costs), { marker: MARKER, fullReportUrl: SUMMARY_URL });
          expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
          expect(body.startsWith('### ❌ ')).toBe(true);
          expect(body.split('\n')[2]).toMatch(/^\*\*container-plan-check\*\* · /);
          expect(body.endsWith(MARKER)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('sensitive values', () => {
  it('never appear in the comment, the summary or SARIF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-secret-'));
    const path = join(dir, 'plan.json');
    const secret = 'arn:aws:iam::123456789012:role/very-secret-role';
    writeFileSync(
      path,
      JSON.stringify(
        buildPlan([
          {
            address: 'aws_eks_cluster.prod',
            after: {
              name: 'prod',
              version: '1.33',
              role_arn: secret,
              upgrade_policy: [{ support_type: 'EXTENDED' }],
              vpc_config: [{ subnet_ids: ['subnet-0aa11bb22cc33dd44', 'subnet-0ee55ff66aa77bb88'] }],
              tags: { owner: secret },
            },
            sensitive: { role_arn: true, tags: { owner: true } },
          },
        ]),
      ),
    );
    const { report } = await analyse([path], { asOf: '2026-11-22', failOn: 'error' });
    expect(report.plans[0]!.resources).toHaveLength(1);
    for (const out of [
      renderComment(report, { marker: MARKER }),
      renderMarkdown(report),
      render(report, 'sarif'),
      JSON.stringify(report),
    ]) {
      expect(out).toMatch(/aws(_|&#95;)eks(_|&#95;)cluster\.prod/);
      expect(out).not.toContain('very-secret-role');
    }
  });
});
