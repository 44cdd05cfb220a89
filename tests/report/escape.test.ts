import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/analyse.js';
import { renderComment } from '../../src/report/comment.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { code, md, plain } from '../../src/report/escape.js';
import { buildPlan } from '../helpers/plan.js';

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\u2060', '\ufeff'];
const SEPARATORS = ['\u0085', '\u2028', '\u2029'];

describe('Markdown escaping (md, code, plain)', () => {
  it('GH-123 is not left for GitHub to link as an issue, whatever its case', () => {
    for (const s of ['GH-123', 'see gh-7.', 'x (Gh-42)']) expect(md(s)).not.toMatch(/gh-\d/i);
    expect(md('GH-123')).toBe('GH&#45;123');
    expect(md('a-GH-x')).toBe('a-GH-x'); // no number: nothing to link
  });

  it('zero-width and bidirectional format characters are removed, line and paragraph separators become spaces', () => {
    for (const c of INVISIBLE) {
      expect(md(`ad${c}min`)).toBe('admin');
      expect(plain(`ad${c}min`)).toBe('admin');
    }
    for (const c of SEPARATORS) {
      expect(md(`one${c}two`)).toBe('one two');
      expect(code(`one${c}two`)).toBe('<code>one two</code>');
      expect(plain(`one${c}two`)).toBe('one two');
    }
  });

  it('in the PR comment and the summary, a plan string carries neither', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-escape-'));
    const name = `fixes GH-123\u2028| x |\u2029ad\u200bmin\u061c\u0085end`;
    const path = join(dir, 'plan.json');
    writeFileSync(
      path,
      JSON.stringify(
        buildPlan([
          { address: `aws_ecs_cluster.c["${name}"]`, after: { name, setting: [], configuration: [], service_connect_defaults: [] } },
        ]),
      ),
    );
    const { report } = await analyse([path], { asOf: '2026-11-22', failOn: 'error' });
    const bodies = [renderComment(report, { marker: '<!-- m -->' }), renderMarkdown(report)];
    for (const body of bodies) {
      expect(body).toContain('fixes GH&#45;123 &#124; x &#124; admin end'); // the address, in the resource table
      expect(body).not.toMatch(/GH-123/);
      expect(body).not.toMatch(/[\u0085\u061c\u200b-\u200f\u2028\u2029]/);
    }
  });
});
