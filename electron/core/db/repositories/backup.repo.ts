import { createHash } from 'node:crypto';
import type { Db } from '../open';

export interface TableDigest {
  name: string;
  rows: number;
  /** SHA-256 of the table's rows in content order, each as canonical JSON (blobs as hex). */
  sha256: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** JSON that tells a blob from a string and keeps integers exact. */
function canonicalCell(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { blob: value.toString('hex') };
  if (typeof value === 'bigint') return { int: value.toString() };
  return value;
}

/**
 * What backups need of a database: a consistent encrypted copy (`VACUUM INTO`, same key; never
 * `backup()`, which fails on an encrypted database, nor `serialize()`, which is plaintext), its
 * integrity check and a digest of every table to compare a restored copy with.
 */
export class BackupRepository {
  constructor(private readonly db: Db) {}

  /** A consistent copy of the whole database in one statement, encrypted with the same key. */
  vacuumInto(file: string): void {
    this.db.prepare('VACUUM INTO ?').run(file);
  }

  /** `PRAGMA integrity_check`: the problems it reports, none when the file is sound. */
  integrityProblems(): string[] {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** Ordinary tables (FTS shadow tables included, the virtual tables themselves not), by name. */
  tableNames(): string[] {
    const rows = this.db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
      .all() as { name: string }[];
    return rows.map((r) => r.name);
  }

  /**
   * Rows ordered by their whole content, not by rowid: VACUUM may renumber the rowids of a
   * table without an INTEGER PRIMARY KEY, and the same rows must give the same digest.
   */
  tableDigest(name: string): TableDigest {
    const columns = (this.db.pragma(`table_info(${quote(name)})`) as { name: string }[]).length;
    const order = Array.from({ length: columns }, (_, i) => String(i + 1)).join(', ');
    const statement = this.db.prepare(`SELECT * FROM ${quote(name)}${columns > 0 ? ` ORDER BY ${order}` : ''}`).raw(true);
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row.map(canonicalCell)));
      hash.update('\n');
      rows++;
    }
    return { name, rows, sha256: hash.digest('hex') };
  }
}
