/**
 * Renders the PR comment for five cases as GitHub would show it, and screenshots each:
 * Markdown (out/render-comment/<case>.md) → HTML with a GFM renderer and GitHub-like CSS
 * (<case>.html) → PNG with headless Chromium (<case>.png).
 *
 *   npm run render-comment            (CHROMIUM=/path/to/chromium to use another binary)
 *
 * Cases: a plan with errors, cost only, no cost change, a generated 3,000-resource plan, and
 * three merged stacks. Evaluated as of a fixed date with the price snapshot, so the output is the
 * same on every run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { marked } from 'marked';
import { analyse } from '../src/engine/analyse.js';
import type { EngineOptions } from '../src/engine/context.js';
import { labelStack, mergeReports } from '../src/engine/merge.js';
import { renderComment } from '../src/report/comment.js';
import type { Report } from '../src/report/schema.js';
import { largeFargatePlan } from '../tests/helpers/large-plan.js';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'out', 'render-comment');
const FIXTURES = join(ROOT, 'fixtures');
const OPTIONS: EngineOptions = { asOf: '2026-11-22', failOn: 'error', prices: 'snapshot' };
const MARKER = '<!-- container-plan-check:default -->';
const LINKS = {
  marker: MARKER,
  fullReportUrl: 'https://github.com/acme/infra/actions/runs/123456789',
  linkBase: 'https://github.com/acme/container-plan-check/blob/v1/',
};

async function report(paths: string[], options: Partial<EngineOptions> = {}): Promise<Report> {
  return (await analyse(paths, { ...OPTIONS, ...options })).report;
}

const fixture = (name: string) => join(FIXTURES, name);

async function cases(work: string): Promise<[string, Report][]> {
  // Cost only: the example stack with its one rule turned off, as a team that accepts it would.
  const config = join(work, '.container-plan-check.yml');
  writeFileSync(config, 'rules:\n  EKS_VERSION_SUPPORT: off\n');
  const large = join(work, 'large.json');
  writeFileSync(large, JSON.stringify(largeFargatePlan(1500)));
  const stack = async (file: string, name: string) => ({ path: `${name}.json`, report: labelStack(await report([fixture(file)]), name) });
  const merged = mergeReports(
    [
      await stack('example-stack.json', 'network'),
      await stack('fargate-invalid-size.json', 'payments'),
      await stack('placement.json', 'batch'),
    ],
    OPTIONS,
  ).report;
  return [
    ['errors', await report([fixture('fargate-invalid-size.json')])],
    ['cost-only', await report([fixture('example-stack.json')], { settingsFile: config })],
    ['no-change', await report([fixture('eks-fargate.json')])],
    ['large-3000', await report([large])],
    ['merged-3-stacks', merged],
  ];
}

/** GitHub's comment look, close enough to judge layout: fonts, tables, code, details. */
const CSS = `
body { margin: 0; background: #f6f8fa; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #1f2328; }
.comment { width: 900px; margin: 16px auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.comment-header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
.markdown-body { padding: 16px; overflow-wrap: break-word; }
.markdown-body > :first-child { margin-top: 0; }
h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; line-height: 1.25; }
p, table, details, blockquote, ul { margin: 0 0 16px; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
code { padding: .2em .4em; font-size: 85%; background: #818b981f; border-radius: 6px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
summary { cursor: pointer; }
a { color: #0969da; text-decoration: none; }
sub { color: #59636e; }
`;

function page(title: string, markdown: string): string {
  const html = marked.parse(markdown, { gfm: true, async: false }) as string;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${CSS}</style></head><body><div class="comment"><div class="comment-header"><b>github-actions</b> bot commented</div><div class="markdown-body">${html}</div></div></body></html>`;
}

function chromium(): string {
  const bin = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(bin)) throw new Error(`no Chromium at ${bin} (apt-get install -y chromium, or set CHROMIUM)`);
  return bin;
}

function screenshot(bin: string, html: string, png: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'render-comment-'));
  try {
    execFileSync(
      bin,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        `--screenshot=${png}`,
        '--window-size=1000,2000',
        `file://${html}`,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const bin = chromium();
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'render-comment-plans-'));
  try {
    for (const [name, r] of await cases(work)) {
      const markdown = renderComment(r, LINKS);
      const md = join(OUT, `${name}.md`);
      const html = join(OUT, `${name}.html`);
      const png = join(OUT, `${name}.png`);
      writeFileSync(md, markdown);
      writeFileSync(html, page(name, markdown));
      screenshot(bin, html, png);
      console.log(`${name}: ${markdown.split('\n').length} lines, ${markdown.length.toLocaleString('en-US')} characters → ${png}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`render-comment: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
