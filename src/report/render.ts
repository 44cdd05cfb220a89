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
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return renderMarkdown(report, opts);
    case 'sarif':
      return renderSarif(report, opts);
    case 'text':
      return renderText(report);
  }
}
