import { batched, jsonChunks } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import type { Report } from './schema.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** Base URL of rule docs pages, for absolute links (Markdown, SARIF). */
  linkBase?: string;
}

export function render(report: Report, format: Format, opts: RenderOptions = {}): string {
  return [...renderChunks(report, format, opts)].join('');
}

/** The report in pieces of about 1 MB: JSON is produced incrementally, however large. */
export function* renderChunks(report: Report, format: Format, opts: RenderOptions = {}): Generator<string> {
  if (format === 'json') {
    yield* batched(
      (function* () {
        yield* jsonChunks(report);
        yield '\n';
      })(),
    );
    return;
  }
  yield renderWhole(report, format, opts);
}

function renderWhole(report: Report, format: Exclude<Format, 'json'>, opts: RenderOptions): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(report, opts);
    case 'sarif':
      return renderSarif(report, opts);
    case 'text':
      return renderText(report);
  }
}
