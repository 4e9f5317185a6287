import { createRequire } from 'node:module';
import type BetterSqlite from 'better-sqlite3';
import { migrate } from '../db/migrate';
import { loadMigrations } from '../db/migrations';
import type { Db } from '../db/open';

const require = createRequire(import.meta.url);

/**
 * The baseline of the benches: plain SQLite (no cipher) with the program's schema and the
 * pragmas of openDatabase, so the ratio against it is the price of the encryption and of our
 * code, whatever the machine and its load.
 */
export function openPlain(file: string): Db {
  const Plain = require('better-sqlite3') as typeof BetterSqlite;
  const db = new Plain(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -16384');
  migrate(db as unknown as Db, loadMigrations());
  return db as unknown as Db;
}
