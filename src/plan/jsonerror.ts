/**
 * Finds where a JSON text stops being valid, without echoing any of it. JSON.parse's own messages
 * quote the text around the error (and a plan holds secrets in clear text), so on failure this
 * scanner locates the offset and the caller reports only line and column.
 */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  /** The text ended inside a value: the file is truncated. */
  truncated: boolean;
  expected: string;
}

/** Thrown inside locateJsonError at the first error, and caught there. */
class JsonStop extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

export function locateJsonError(text: string): JsonErrorLocation {
  let i = 0;
  const n = text.length;
  const fail = (expected: string): never => {
    throw new JsonStop(Math.min(i, n), expected);
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++) {
      if (text[i] !== word[k]) fail(`"${word}"`);
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x5c) {
        i++;
        if (i >= n) break;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++)
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail('a \\u escape with 4 hex digits');
            }
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e ?? '')) fail('a valid escape');
        i++;
        continue;
      }
      if (c < 0x20) fail('no control characters inside a string');
      i++;
    }
    fail('the end of the string');
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('a number');
    i += m![0].length;
  };
  // An explicit state machine with its own stack, so neither deep nesting nor long arrays can
  // overflow the call stack.
  const stack: ('[' | '{')[] = [];
  type State = 'value' | 'key' | 'after';
  let state: State = 'value';
  try {
    for (;;) {
      if (state === 'value') {
        ws();
        if (i >= n) fail('a value');
        const c = text[i]!;
        if (c === '{' || c === '[') {
          i++;
          ws();
          if (text[i] === (c === '{' ? '}' : ']')) {
            i++;
            state = 'after';
          } else {
            stack.push(c);
            state = c === '{' ? 'key' : 'value';
          }
          continue;
        }
        if (c === '"') string();
        else if (c === 't') literal('true');
        else if (c === 'f') literal('false');
        else if (c === 'n') literal('null');
        else if (c === '-' || (c >= '0' && c <= '9')) number();
        else fail('a value');
        state = 'after';
      } else if (state === 'key') {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail('":"');
        i++;
        state = 'value';
      } else {
        ws();
        const top = stack[stack.length - 1];
        if (!top) {
          if (i < n) fail('the end of the document');
          break;
        }
        if (text[i] === ',') {
          i++;
          state = top === '{' ? 'key' : 'value';
        } else if ((top === '{' && text[i] === '}') || (top === '[' && text[i] === ']')) {
          i++;
          stack.pop();
        } else {
          fail(top === '{' ? '"," or "}"' : '"," or "]"');
        }
      }
    }
  } catch (e) {
    if (!(e instanceof JsonStop)) throw e;
    return position(text, e.offset, e.expected);
  }
  return position(text, n, 'nothing (the text is valid JSON)');
}

export function position(text: string, offset: number, expected = ''): JsonErrorLocation {
  let line = 1;
  let last = -1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    last = k;
  }
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return { offset, line, column: offset - last, truncated: offset >= end, expected };
}

/**
 * Where a JSON text first nests arrays and objects deeper than `max` (the outermost value is at
 * depth 1), as an offset; -1 when it never does. Brackets inside strings are not counted.
 * Deeply nested values would overflow the call stack of whatever walks them later.
 */
export function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string, escapes included.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}
