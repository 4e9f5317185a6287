import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { loadMigrations } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { TABLES } from '../../electron/core/db/schema';
import { tempDir } from '../support/core-harness';

interface ColumnInfo {
  name: string;
  notnull: 0 | 1;
  dflt_value: string | null;
}

/**
 * Rows travel cell by cell: a workstation on the previous version inserts a row without a column
 * added later, and the newer one must still be able to insert it. So a column added to an
 * existing synced table (by ALTER TABLE or by rebuilding the table) is nullable or has a DEFAULT.
 */
describe('migrazioni e sincronizzazione', () => {
  it('ogni colonna aggiunta a una tabella sincronizzata esistente ammette NULL o ha un DEFAULT', () => {
    const db = openDatabase(path.join(tempDir('udc-mig-'), 'dati.db'), randomBytes(32), { create: true, migrations: [] });
    const migrations = loadMigrations();
    const known = new Map<string, Set<string>>();
    const offending: string[] = [];
    for (let i = 0; i < migrations.length; i++) {
      migrate(db, migrations.slice(0, i + 1));
      for (const table of Object.keys(TABLES)) {
        const cols = db.prepare(`SELECT name, "notnull", dflt_value FROM pragma_table_info(?)`).all(table) as ColumnInfo[];
        if (cols.length === 0) continue;
        const before = known.get(table);
        if (before) {
          for (const c of cols) if (!before.has(c.name) && c.notnull === 1 && c.dflt_value === null) offending.push(`${migrations[i]!.name}: ${table}.${c.name}`);
        }
        known.set(table, new Set(cols.map((c) => c.name)));
      }
    }
    db.close();
    expect(known.size).toBe(Object.keys(TABLES).length);
    expect(offending).toEqual([]);
  });
});
