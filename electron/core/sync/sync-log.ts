import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store';

/** Beside the database in the data folder; the previous file keeps the name with `.1`. */
export const SYNC_LOG_FILE = 'sincronizzazione.jsonl';
/** About a month of one segment refused every five minutes; then the file starts afresh. */
const MAX_LOG_BYTES = 1024 * 1024;

/** One refused segment: when, whose, which number, why. Never a value from inside it. */
export interface SyncLogEntry {
  at: string;
  node: string;
  seq: number;
  /** The reason code (SegmentRejection, 'clock', 'invalid', 'unreadable', 'internal'). */
  reason: string;
  /** The Italian sentence the screen shows, made by the program from the reason (no content). */
  message: string;
}

/**
 * The log of refused segments lives outside the database on purpose: a refusal must leave the
 * database file byte-identical (a segment refused every cycle would otherwise grow the audit log
 * every five minutes, and a hostile folder could make the database write at will). Append-only
 * lines with no personal data; the Sincronizzazione screen reads the newest ones.
 */
export class SyncLog {
  private readonly memory: SyncLogEntry[] = [];

  /** `file` null: a database with no folder (the bench's in-memory one) keeps its log in memory. */
  constructor(readonly file: string | null) {}

  append(entry: SyncLogEntry): void {
    if (this.file === null) {
      this.memory.push(entry);
      return;
    }
    try {
      if (fs.statSync(this.file).size > MAX_LOG_BYTES) fs.renameSync(this.file, this.file.replace(/\.jsonl$/, '.1.jsonl'));
    } catch {
      // No file yet: the append creates it.
    }
    fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }

  /** The newest entries first, at most `limit`; a damaged line is skipped, not fatal. */
  recent(limit: number): SyncLogEntry[] {
    const lines = this.file === null ? this.memory.map((e) => JSON.stringify(e)) : readLines(this.file);
    const out: SyncLogEntry[] = [];
    for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
      const entry = parseEntry(lines[i]!);
      if (entry) out.push(entry);
    }
    return out;
  }
}

/** The log of the data folder the store's database lives in. */
export function syncLogOf(store: Store): SyncLog {
  return new SyncLog(store.db.memory ? null : path.join(path.dirname(store.db.name), SYNC_LOG_FILE));
}

function readLines(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function parseEntry(line: string): SyncLogEntry | null {
  try {
    const e = JSON.parse(line) as Partial<SyncLogEntry>;
    if (typeof e.at !== 'string' || typeof e.node !== 'string' || typeof e.seq !== 'number' || typeof e.reason !== 'string' || typeof e.message !== 'string') return null;
    return { at: e.at, node: e.node, seq: e.seq, reason: e.reason, message: e.message };
  } catch {
    return null;
  }
}
