import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under a folder of src/. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** The files of src/ a source file imports (static, dynamic and type-only imports alike). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)) out.push(resolve(dirname(file), m[1]!));
  return out;
}

const SRC = resolve(__dirname, '../../src');

function crossings(from: string, to: string): string[] {
  const target = join(SRC, to) + '/';
  return sources(join(SRC, from)).flatMap((f) =>
    importsOf(f)
      .filter((i) => i.startsWith(target))
      .map((i) => `${relative(SRC, f)} imports ${relative(SRC, i)}`),
  );
}

describe('checks and cost are siblings', () => {
  it('no check imports the cost code: what both need lives below them (price-terms.ts, facts, context)', () => {
    expect(crossings('checks', 'cost')).toEqual([]);
  });

  it('no estimator imports the checks', () => {
    expect(crossings('cost', 'checks')).toEqual([]);
  });

  it('the scan sees imports (a known import is found)', () => {
    expect(importsOf(join(SRC, 'cost/resources/aws_eks_cluster.ts'))).toContain(join(SRC, 'aws/price-terms.js'));
  });
});
