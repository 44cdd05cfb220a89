import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Runs `produce` with a `write` function that appends to `file` through a buffer of about
 * `bufferSize` characters, so a generated file of any size is never held whole.
 */
export function writeInPieces<T>(file: string, produce: (write: (s: string) => void) => T, bufferSize = 1 << 22): T {
  const fd = openSync(file, 'w');
  let buf: string[] = [];
  let size = 0;
  const flush = () => {
    writeSync(fd, buf.join(''));
    buf = [];
    size = 0;
  };
  try {
    const out = produce((s) => {
      buf.push(s);
      size += s.length;
      if (size > bufferSize) flush();
    });
    flush();
    return out;
  } finally {
    closeSync(fd);
  }
}
