import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();
const pluckCaches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A statement compiled once per connection and reused: better-sqlite3 compiles on every
 * `prepare`, which for the search and agenda queries costs as much as running them. Only for
 * SQL whose text is fixed (or takes one of a few shapes); never with `raw()` or `pluck()` (the
 * statement is shared: `preparedPluck` keeps its own).
 */
export function prepared(db: Db, sql: string): Database.Statement {
  return cached(caches, db, sql, false);
}

/** As `prepared`, for a statement that returns each row's first column alone. */
export function preparedPluck(db: Db, sql: string): Database.Statement {
  return cached(pluckCaches, db, sql, true);
}

function cached(caches: WeakMap<Db, Map<string, Database.Statement>>, db: Db, sql: string, pluck: boolean): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = pluck ? db.prepare(sql).pluck(true) : db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
