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
  '$': '&#36;',
};

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Inline text for Markdown (also safe in table cells and inside HTML). One line. */
export function md(s: string, max = 300): string {
  let t = s.replace(CONTROL, '').replace(/\r?\n|\r/g, ' ');
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  return t.replace(/[&<>"'|@`\\[\]*_~#!(){}:$]/g, (c) => HTML[c]!);
}

/** A plan string as inline code: `<code>` with escaped content (safe in tables). */
export function code(s: string, max = 300): string {
  return `<code>${md(s, max)}</code>`;
}

/** Plain text for terminals and logs: control characters removed, one line. */
export function plain(s: string, max = 500): string {
  let t = s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(CONTROL, '').replace(/\r?\n|\r/g, ' ');
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  return t;
}
