import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The workflow snippets of the docs are copied as they are: their permissions must be enough. */
const ROOT = resolve(import.meta.dirname, '../..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const yamlBlocks = (md: string) => [...md.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** Each job's (or the snippet's own) permissions beside the steps they serve. */
function permissionSets(doc: any): { permissions: Record<string, string>; steps: any[] }[] {
  if (doc?.jobs)
    return Object.values<any>(doc.jobs).map((j) => ({
      permissions: { ...(doc.permissions ?? {}), ...(j.permissions ?? {}) },
      steps: j.steps ?? [],
    }));
  return [{ permissions: doc?.permissions ?? {}, steps: doc?.steps ?? [] }];
}

describe('workflow snippets in the docs', () => {
  for (const file of ['docs/github-action.md', 'README.md']) {
    it(`${file}: a job that uploads SARIF may, also in a private repository, and one that comments may write the comment`, () => {
      let sarifJobs = 0;
      for (const block of yamlBlocks(read(file))) {
        let doc: any;
        try {
          doc = parse(block);
        } catch {
          continue; // fragments such as `with:` excerpts
        }
        for (const { permissions, steps } of permissionSets(doc)) {
          if (Object.keys(permissions).length === 0) continue;
          const uses = steps.map((s: any) => String(s?.uses ?? ''));
          const action = steps.find((s: any) => /container-plan-check@/.test(String(s?.uses ?? '')));
          if (uses.some((u: string) => u.startsWith('github/codeql-action/upload-sarif'))) {
            sarifJobs++;
            expect(permissions['security-events']).toBe('write');
            expect(permissions.actions).toBe('read');
          }
          if (action && action.with?.['comment-mode'] !== 'off')
            expect(permissions['pull-requests'], JSON.stringify(permissions)).toBe('write');
          if (uses.some((u: string) => u.startsWith('actions/checkout'))) expect(permissions.contents).toBe('read');
        }
      }
      expect(sarifJobs).toBeGreaterThan(0);
    });
  }

  it('every input of action.yml is in the inputs table', () => {
    const inputs = Object.keys((parse(read('action.yml')) as { inputs: Record<string, unknown> }).inputs);
    const doc = read('docs/github-action.md');
    for (const name of inputs) expect(doc, name).toContain(`| \`${name}\` |`);
  });
});
