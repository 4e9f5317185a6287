import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

const CHUNK = 1024 * 1024;
/** Between chunks of this many bytes the copy lets the core answer other calls and send progress. */
const YIELD_EVERY = 16 * CHUNK;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface HashedFile {
  size: number;
  sha256: string;
}

/** Copy a file (no overwrite), fsync it, and hash what was written. */
export async function copyHashed(from: string, to: string): Promise<HashedFile> {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK);
  const input = fs.openSync(from, 'r');
  let output: number | null = null;
  let size = 0;
  try {
    output = fs.openSync(to, 'wx', 0o600);
    let sinceYield = 0;
    for (;;) {
      const read = fs.readSync(input, buffer, 0, CHUNK, null);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      hash.update(chunk);
      let written = 0;
      while (written < read) written += fs.writeSync(output, chunk, written, read - written);
      size += read;
      sinceYield += read;
      if (sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(input);
    if (output !== null) fs.closeSync(output);
  }
  return { size, sha256: hash.digest('hex') };
}

/** Hash a file in place (the database copy `VACUUM INTO` just wrote), fsyncing it on the way. */
export async function hashFile(file: string): Promise<HashedFile> {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK);
  const fd = fs.openSync(file, 'r+');
  let size = 0;
  try {
    let sinceYield = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      size += read;
      sinceYield += read;
      if (sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

/** Make a folder's new entries (a rename into it) durable; Windows journals renames itself. */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on folders; the files themselves are already synced.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Size of everything under a folder, in bytes. */
export function folderSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(full) : fs.statSync(full).size;
  }
  return total;
}
