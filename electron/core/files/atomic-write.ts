import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The file operations atomicWrite uses; tests inject failures at the Nth step. */
export interface FileOps {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, data: Uint8Array): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  rmSync(file: string, opts: { force: boolean }): void;
}

export const realFileOps: FileOps = {
  openSync: (file, flags, mode) => fs.openSync(file, flags, mode),
  writeSync: (fd, data) => fs.writeSync(fd, data),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  rmSync: (file, opts) => fs.rmSync(file, opts),
};

/**
 * Write a whole file or nothing: temp name in the same folder, fsync, rename, fsync the folder.
 * A failure at any step leaves the previous file (or no file) and no temp file behind.
 */
export function atomicWrite(target: string, data: Uint8Array | string, ops: FileOps = realFileOps): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = ops.openSync(tmp, 'wx', 0o600);
    let offset = 0;
    while (offset < bytes.length) offset += ops.writeSync(fd, bytes.subarray(offset));
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = null;
    ops.renameSync(tmp, target);
  } catch (error) {
    if (fd !== null) {
      try {
        ops.closeSync(fd);
      } catch {
        // The original error is the one worth reporting.
      }
    }
    try {
      ops.rmSync(tmp, { force: true });
    } catch {
      // Same: a leftover temp file is harmless, the original error is not.
    }
    throw error;
  }
  syncDirectory(dir);
}

/** Make the rename durable; not supported on Windows, where NTFS journals the rename itself. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on directories; the data file itself is already synced.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
