/**
 * The byte-level primitives of the streaming JSON readers (the plan reader, src/plan/stream.ts,
 * and the Price List offer reader, src/cost/offer-stream.ts): JSON's structural bytes, its
 * whitespace, and a skipper for strings that may span chunks.
 */

/** JSON's structural bytes. */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
export const LBRACKET = 0x5b;
export const RBRACKET = 0x5d;
export const COLON = 0x3a;
export const COMMA = 0x2c;

/** JSON whitespace: space, line feed, carriage return, tab. */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Scanner state for one JSON string that may span chunks. */
export class StringSkipper {
  /** The string is still open at the end of the chunk. */
  open = false;
  /** The chunk ended in the middle of an escape. */
  private escapeCarry = false;

  /**
   * Skips the rest of a JSON string from `i`. Returns the index after the closing quote, or the
   * chunk length with `open` set. (A plain loop: most strings are short, and a native indexOf
   * call per string costs more than scanning its bytes.)
   */
  skip(chunk: Buffer, i: number): number {
    const n = chunk.length;
    let j = i;
    if (this.escapeCarry) {
      this.escapeCarry = false;
      j++;
    }
    for (; j < n; j++) {
      const c = chunk[j]!;
      if (c === QUOTE) {
        this.open = false;
        return j + 1;
      }
      if (c === BACKSLASH) {
        j++;
        if (j >= n) {
          this.escapeCarry = true;
          break;
        }
      }
    }
    this.open = true;
    return n;
  }
}
