import { batched, jsonChunks } from './json.js';
import { renderMarkdown } from './markdown.js';
import { sarifLog } from './sarif.js';
import type { Report } from './schema.js';
import { textLines } from './text.js';

export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** Base URL of rule docs pages, for absolute links (Markdown, SARIF). */
  linkBase?: string;
}

export function render(report: Report, format: Format, opts: RenderOptions = {}): string {
  return [...renderChunks(report, format, opts)].join('');
}

/** The report in pieces of about 64 kB, however large: JSON, SARIF and text are produced incrementally. */
export function* renderChunks(report: Report, format: Format, opts: RenderOptions = {}): Generator<string> {
  switch (format) {
    case 'json':
      yield* batched(lines(jsonChunks(report)));
      return;
    case 'sarif':
      yield* batched(lines(jsonChunks(sarifLog(report, opts))));
      return;
    case 'text':
      yield* lineBatches(textLines(report));
      return;
    case 'markdown':
      yield renderMarkdown(report, opts);
  }
}

/** The pieces, then one line end. */
function* lines(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}

/** Lines, each with its line end, joined into strings of about `size` characters (as `batched` joins pieces). */
function* lineBatches(lines: Iterable<string>, size = 1 << 16): Generator<string> {
  let buf: string[] = [];
  let n = 0;
  for (const l of lines) {
    buf.push(l, '\n');
    n += l.length + 1;
    if (n >= size) {
      yield buf.join('');
      buf = [];
      n = 0;
    }
  }
  if (buf.length > 0) yield buf.join('');
}
