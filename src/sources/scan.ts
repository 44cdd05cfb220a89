/**
 * A small line scanner for Terraform `.tf` files. It finds the top-level blocks
 * (`resource "TYPE" "NAME" {`, `data …`, `module "NAME" {`) with their line numbers, the
 * `source` of module blocks, and the `container-plan-check:ignore` comments written directly
 * above a block, and where each resource's `lifecycle` block is. It follows strings, `${…}`
 * templates, comments and heredocs so that text inside them is never taken for a block. It does
 * not parse expressions: hcl2-parser does that.
 */
export interface ScannedBlock {
  kind: 'resource' | 'data' | 'module';
  /** `TYPE.NAME` for resources, `data.TYPE.NAME`, or the module name. */
  key: string;
  type?: string;
  line: number;
  /** For module blocks: the `source` argument, when it is a plain string. */
  source?: string;
  /** Lines (1-based, inclusive) of the block's `lifecycle { … }` block, when it has one. */
  lifecycle?: { start: number; end: number };
  /** `container-plan-check:ignore` comments in the run of comment lines right above the block. */
  ignores: InlineIgnore[];
}

export interface InlineIgnore {
  rule: string;
  /** Empty when the comment gives none (such a comment does not suppress). */
  reason: string;
  line: number;
}

const HEADER = /^\s*(resource|data|module)((?:\s+(?:"[^"\\]*"|[A-Za-z_][\w-]*))+)\s*\{/;
const LABEL = /"([^"\\]*)"|([A-Za-z_][\w-]*)/g;
const IGNORE = /^(?:#|\/\/)\s*container-plan-check:ignore\b\s*(\S*)\s*(.*)$/;
const SOURCE = /^\s*source\s*=\s*"([^"\\]*)"/;
const LIFECYCLE = /^\s*lifecycle\s*\{/;

type Mode = { m: 'code'; depth: number } | { m: 'string' } | { m: 'block-comment' } | { m: 'heredoc'; end: string };

/** Scans one file's text. */
export function scanTf(text: string): ScannedBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: ScannedBlock[] = [];
  // Stack of lexical states: code (with its brace depth), strings, template interpolations.
  const stack: Mode[] = [{ m: 'code', depth: 0 }];
  const root = stack[0] as { m: 'code'; depth: number };
  let current: ScannedBlock | undefined;
  let inLifecycle = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const top = stack[stack.length - 1]!;
    if (top.m === 'heredoc') {
      if (line.trim() === top.end) stack.pop();
      continue;
    }
    if (stack.length === 1 && top.m === 'code') {
      if (top.depth === 0) {
        const h = HEADER.exec(line);
        if (h) {
          const labels = [...h[2]!.matchAll(LABEL)].map((x) => x[1] ?? x[2]!);
          const block = header(h[1] as ScannedBlock['kind'], labels, n + 1, ignoresAbove(lines, n));
          if (block) blocks.push(block);
          current = block;
        }
      } else if (top.depth === 1 && current?.kind === 'module' && current.source === undefined) {
        const s = SOURCE.exec(line);
        if (s) current.source = s[1];
      } else if (top.depth === 1 && current && current.kind !== 'module' && !current.lifecycle && LIFECYCLE.test(line)) {
        current.lifecycle = { start: n + 1, end: n + 1 };
        inLifecycle = true;
      }
    }
    scanLine(line, stack);
    if (inLifecycle && current?.lifecycle) {
      current.lifecycle.end = n + 1;
      if (stack.length === 1 && root.depth <= 1) inLifecycle = false;
    }
  }
  return blocks;
}

function header(kind: ScannedBlock['kind'], labels: string[], line: number, ignores: InlineIgnore[]): ScannedBlock | undefined {
  if (kind === 'module') return labels.length === 1 ? { kind, key: labels[0]!, line, ignores } : undefined;
  if (labels.length !== 2) return undefined;
  const [type, name] = labels as [string, string];
  return { kind, key: `${kind === 'data' ? 'data.' : ''}${type}.${name}`, type, line, ignores };
}

/** The ignore comments among the comment lines directly above line index `n`. */
function ignoresAbove(lines: readonly string[], n: number): InlineIgnore[] {
  const out: InlineIgnore[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const t = lines[i]!.trim();
    if (!t.startsWith('#') && !t.startsWith('//')) break;
    const m = IGNORE.exec(t);
    if (m) out.unshift({ rule: m[1]!, reason: m[2]!.trim(), line: i + 1 });
  }
  return out;
}

/** Advances the lexical state over one line. */
function scanLine(line: string, stack: Mode[]): void {
  for (let i = 0; i < line.length; i++) {
    const top = stack[stack.length - 1]!;
    const c = line[i]!;
    const next = line[i + 1];
    if (top.m === 'block-comment') {
      if (c === '*' && next === '/') {
        stack.pop();
        i++;
      }
    } else if (top.m === 'string') {
      if (c === '\\') i++;
      else if (c === '"') stack.pop();
      else if ((c === '$' || c === '%') && next === '{') {
        if (line[i - 1] === c) continue; // `$${` and `%%{` are escapes
        stack.push({ m: 'code', depth: 0 });
        i++;
      }
    } else if (top.m === 'code') {
      if (c === '#' || (c === '/' && next === '/')) return;
      if (c === '/' && next === '*') {
        stack.push({ m: 'block-comment' });
        i++;
      } else if (c === '"') stack.push({ m: 'string' });
      else if (c === '{') top.depth++;
      else if (c === '}') {
        if (top.depth > 0) top.depth--;
        else if (stack.length > 1) stack.pop(); // end of a template interpolation
      } else if (c === '<' && next === '<') {
        const h = /^<<-?\s*([A-Za-z_][\w-]*)\s*$/.exec(line.slice(i));
        if (h) {
          stack.push({ m: 'heredoc', end: h[1]! });
          return;
        }
      }
    }
  }
  // A string cannot span lines outside a template; recover rather than swallow the file.
  while (stack.length > 1 && stack[stack.length - 1]!.m === 'string') stack.pop();
}
