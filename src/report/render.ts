import type { Format } from './format.js';
import { jsonDocumentChunks } from './json.js';
import { renderMarkdown } from './markdown.js';
import { sarifLog } from './sarif.js';
import type { Report } from './schema.js';
import { textChunks } from './text.js';

export { FORMATS, type Format } from './format.js';

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
      yield* jsonDocumentChunks(report);
      return;
    case 'sarif':
      yield* jsonDocumentChunks(sarifLog(report, opts));
      return;
    case 'text':
      yield* textChunks(report);
      return;
    case 'markdown':
      yield renderMarkdown(report, opts);
  }
}
