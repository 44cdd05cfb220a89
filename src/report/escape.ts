/**
 * Escaping for every plan-supplied string that goes into Markdown or HTML. Plan strings (names,
 * for_each keys, tags) can carry Markdown, HTML, `<details>`, table pipes and @mentions; once
 * escaped they render as literal text and cannot change the document's structure or ping anyone.
 */
const HTML: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '@': '&#64;',
  '`': '&#96;',
  '\\': '&#92;',
  '[': '&#91;',
  ']': '&#93;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '#': '&#35;',
  '!': '&#33;',
  '(': '&#40;',
  ')': '&#41;',
  ':': '&#58;',
  '{': '&#123;',
  '}': '&#125;',
  $: '&#36;',
};

/**
 * Removed: control characters (C0 but tab and line ends, DEL, C1), bidirectional overrides and
 * isolates, and the invisible format characters (zero-width space, joiners, marks, the Arabic
 * letter mark, word joiner, byte order mark) that hide or disguise text.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Line ends, with the next-line, line and paragraph separators: each a space, so the text is one line. */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Inline text for Markdown (also safe in table cells and inside HTML). One line. */
export function md(s: string, max = 300): string {
  let t = s.replace(CONTROL, '').replace(LINE_BREAK, ' ');
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  // GH-123 is an issue reference that GitHub links, like #123 (whose # is escaped below).
  return t.replace(/[&<>"'|@`\\[\]*_~#!(){}:$]/g, (c) => HTML[c]!).replace(/\b(gh)-(?=\d)/gi, '$1&#45;');
}

/** A plan string as inline code: `<code>` with escaped content (safe in tables). */
export function code(s: string, max = 300): string {
  return `<code>${md(s, max)}</code>`;
}

/** Any character `plain` removes or replaces (ESC, the control and format characters, line ends); tab too. */
const PLAIN_WORK = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** Plain text for terminals and logs: control characters removed, one line. */
export function plain(s: string, max = 500): string {
  // Most strings hold none of those characters: one scan, and the string itself.
  if (!PLAIN_WORK.test(s)) return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  let t = s
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
    .replace(CONTROL, '')
    .replace(LINE_BREAK, ' ');
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  return t;
}

/**
 * A link target for Markdown `[text](target)`: an http(s) URL or a relative path, with every
 * character that could end the target or start markup (`(`, `)`, `<`, `>`, spaces, quotes, `@`
 * …) percent-encoded. Anything else (another scheme) becomes `#`.
 */
export function linkTarget(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') return '#';
  return url
    .replace(/[\ud800-\udfff]/gu, '\ufffd')
    .replace(/[^A-Za-z0-9\-._~:/?#=&%+,;]/gu, (c) =>
      encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`),
    );
}
