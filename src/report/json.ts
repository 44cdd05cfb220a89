/**
 * The JSON report written piece by piece, so a report of a million-resource plan is never one
 * string. The text is exactly `JSON.stringify(value, null, 2)`.
 *
 * Containers are walked until they are small (at most `SMALL` values inside, such as one
 * resource's row or cost): those are written by one native `JSON.stringify` each, indented to
 * their depth. That keeps the pieces few and the garbage low, whatever the size of the report.
 */
const SMALL = 256;

export function* jsonChunks(value: unknown, indent = '', small = SMALL): Generator<string> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (fitsIn(value, small) >= 0) {
    const text = JSON.stringify(value, null, 2);
    yield indent ? text.replaceAll('\n', `\n${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      const v = value[i];
      yield* jsonChunks(v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v, inner, small);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i]!;
    yield `${inner}${JSON.stringify(k)}: `;
    yield* jsonChunks(v, inner, small);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${indent}}`;
}

/**
 * What is left of `budget` after counting the values inside `value` (every value counts one);
 * negative as soon as it runs out, without walking further.
 */
function fitsIn(value: unknown, budget: number): number {
  if (value === null || typeof value !== 'object') return budget - 1;
  let left = budget - 1;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    left = fitsIn(v, left);
    if (left < 0) return left;
  }
  return left;
}

/** A JSON document and one line end, in pieces of about 64 kB: the JSON and SARIF reports. */
export function* jsonDocumentChunks(value: unknown): Generator<string> {
  yield* batched(withLineEnd(jsonChunks(value)));
}

function* withLineEnd(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}

/**
 * Joins small pieces into strings of about `size` characters. A piece is a string or a block of
 * strings; `end` follows each string (`'\n'` for lines), so that it is added once per joined
 * string rather than to each line.
 */
export function* batched(pieces: Iterable<string | readonly string[]>, size = 1 << 16, end = ''): Generator<string> {
  let buf: string[] = [];
  let n = 0;
  for (const piece of pieces) {
    const block = typeof piece === 'string' ? undefined : piece;
    const count = block ? block.length : 1;
    for (let i = 0; i < count; i++) {
      const s = block ? block[i]! : (piece as string);
      buf.push(s);
      n += s.length + end.length;
      if (n >= size) {
        yield joined(buf, end);
        buf = [];
        n = 0;
      }
    }
  }
  if (buf.length > 0) yield joined(buf, end);
}

/** The strings each followed by `end`. */
function joined(buf: string[], end: string): string {
  if (end === '') return buf.join('');
  buf.push('');
  return buf.join(end);
}
