import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../electron/core/db/open';
import { TABLES } from '../../electron/core/db/schema';
import type { Columns } from '../../electron/core/db/tables/columns';
import { tempDir } from '../support/core-harness';

/**
 * Tables the write path does not write, so not declared: the database's own settings, the
 * change log and the audit logs (written by the writer's and the audit repository's own SQL),
 * and the search index (kept by triggers).
 */
// The sync tables are derived by the apply path from the change log, never written as data.
const NOT_DECLARED = ['admin_log', 'audit_log', 'change_rows', 'changes', 'meta', 'person_keys', 'person_search', 'sync_conflicts', 'sync_pending_rows', 'sync_unknown_changes'];

interface TableInfo {
  name: string;
  type: string;
  notnull: 0 | 1;
  pk: number;
}

interface ColumnShape {
  type: string;
  nullable: boolean;
}

/** The declared columns besides `id`, in the form the database reports them. */
function declaredShape(columns: Columns): Record<string, ColumnShape> {
  return Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, { type: c.sql, nullable: c.nullable }]));
}

describe('the table declarations (db/tables) match the database after all migrations', () => {
  let db: Db;
  const info = (table: string) => db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all(table) as TableInfo[];

  beforeAll(() => {
    db = openDatabase(path.join(tempDir(), 'schema.db'), randomBytes(32), { create: true });
  });
  afterAll(() => closeDatabase(db));

  it('declares every table but the ones the write path does not write', () => {
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'person_search_%'`).all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables.filter((t) => !NOT_DECLARED.includes(t)).sort()).toEqual(Object.keys(TABLES).sort());
  });

  it.each(Object.keys(TABLES))('%s: a text primary key `id` (STRICT: never null), set by the write path', (table) => {
    expect(info(table).filter((c) => c.pk > 0)).toEqual([{ name: 'id', type: 'TEXT', notnull: 1, pk: 1 }]);
  });

  it.each(Object.entries(TABLES))('%s: same columns, types and nullability', (table, columns) => {
    const actual = Object.fromEntries(
      info(table)
        .filter((c) => c.name !== 'id')
        .map((c) => [c.name, { type: c.type, nullable: c.notnull === 0 }]),
    );
    expect(actual).toEqual(declaredShape(columns));
  });
});
