import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { InputError } from '../plan/errors.js';

/**
 * Files named by the configuration or an option (the configuration file, a price file, Price List
 * files) are read only when they are regular files under a size limit (src/data/limits.json):
 * a FIFO or a device such as /dev/zero would otherwise be read for ever.
 *
 * Errors of the file system itself (ENOENT, EACCES …) are thrown as they are, for the caller to
 * word; only "not a regular file" and "too large" are InputErrors here.
 */

/** What a non-regular file is, for messages. */
export function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

/** Throws an InputError unless `info` is a regular file of at most `maxBytes`. */
export function checkRegular(file: string, info: Stats, what: string, maxBytes: number): void {
  if (!info.isFile()) throw new InputError(file, `is not a regular file (${kindOf(info)}); the ${what} must be a file`);
  if (info.size > maxBytes)
    throw new InputError(file, `is ${info.size} bytes, more than the ${mib(maxBytes)} a ${what} may have (src/data/limits.json)`);
}

// O_NONBLOCK: should the path become a FIFO between the check and the open, opening does not wait for a writer.
export const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The bytes of a regular file of at most `maxBytes`. */
export async function readRegularFile(file: string, what: string, maxBytes: number): Promise<Buffer> {
  checkRegular(file, await stat(file), what, maxBytes);
  const fh = await open(file, READ_FLAGS);
  try {
    const info = await fh.stat();
    checkRegular(file, info, what, maxBytes);
    // Read at most one byte past the limit: a file that grows is still bounded.
    const buf = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let read = 0;
    while (read < buf.length) {
      const { bytesRead } = await fh.read(buf, read, buf.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    if (read > maxBytes) throw new InputError(file, `is more than the ${mib(maxBytes)} a ${what} may have (src/data/limits.json)`);
    return buf.subarray(0, read);
  } finally {
    await fh.close();
  }
}

/** `readRegularFile`, synchronously. */
export function readRegularFileSync(file: string, what: string, maxBytes: number): Buffer {
  checkRegular(file, statSync(file), what, maxBytes);
  const fd = openSync(file, READ_FLAGS);
  try {
    const info = fstatSync(fd);
    checkRegular(file, info, what, maxBytes);
    const buf = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let read = 0;
    while (read < buf.length) {
      const n = readSync(fd, buf, read, buf.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read > maxBytes) throw new InputError(file, `is more than the ${mib(maxBytes)} a ${what} may have (src/data/limits.json)`);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function mib(bytes: number): string {
  if (bytes >= 1 << 30) return `${+(bytes / (1 << 30)).toFixed(1)} GiB`;
  if (bytes >= 1 << 20) return `${+(bytes / (1 << 20)).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}
