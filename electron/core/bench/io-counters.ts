import fs from 'node:fs';

/**
 * The process's read and write system calls so far (Linux: /proc/self/io), or null elsewhere.
 * SQLite reads a page it does not hold in its cache with one read and writes a WAL frame with
 * two writes (header, page): counted work, which the machine's load does not change the way it
 * changes timings.
 */
export function ioCalls(): { reads: number; writes: number } | null {
  try {
    const text = fs.readFileSync('/proc/self/io', 'utf8');
    const reads = /^syscr:\s*(\d+)/m.exec(text);
    const writes = /^syscw:\s*(\d+)/m.exec(text);
    return reads && writes ? { reads: Number(reads[1]), writes: Number(writes[1]) } : null;
  } catch {
    return null;
  }
}

/** Calls made since `before` (a reading of ioCalls), less the two with which a reading reads the file. */
export function ioSince(before: { reads: number; writes: number } | null): { reads: number; writes: number } | null {
  const now = ioCalls();
  if (!before || !now) return null;
  return { reads: now.reads - before.reads - 2, writes: now.writes - before.writes };
}
