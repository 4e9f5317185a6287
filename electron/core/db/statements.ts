import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A statement compiled once per connection and reused: better-sqlite3 compiles on every
 * `prepare`, which for the search and agenda queries costs as much as running them. Only for
 * SQL whose text is fixed (or takes one of a few shapes); never with `raw()` or `pluck()`.
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
