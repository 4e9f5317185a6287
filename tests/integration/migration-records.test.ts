import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/core/db/migrations';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { tempDir } from '../support/core-harness';

// Migration 0016.
const RECORDS = loadMigrations().findIndex((m) => m.name === 'records') + 1;

describe('migration records (conservazione e scarto, art. 30)', () => {
  it('gives an existing zone 10 years of retention and an empty record, cases a null scarto, and adds scarti', () => {
    const before = loadMigrations().slice(0, RECORDS - 1);
    const file = path.join(tempDir(), 'm.db');
    const key = randomBytes(32);
    let db = openDatabase(file, key, { create: true, migrations: before });
    db.prepare(`INSERT INTO zone (id, nome, ente, lh_intestazione) VALUES ('z', 'Zona', 'Comune', 'Intestazione')`).run();
    closeDatabase(db);
    db = openDatabase(file, key, { migrations: loadMigrations().slice(0, RECORDS) });
    expect(db.pragma('user_version', { simple: true })).toBe(RECORDS);
    expect(db.prepare('SELECT conservazione_anni, registro_trattamenti FROM zone').get()).toEqual({ conservazione_anni: 10, registro_trattamenti: '{}' });
    expect(() => db.prepare('UPDATE zone SET conservazione_anni = 0').run()).toThrow(/CHECK/);
    const scarto = (db.pragma('table_info(cases)') as { name: string; notnull: number }[]).find((c) => c.name === 'scarto_id');
    expect(scarto).toMatchObject({ notnull: 0 });
    db.prepare(`INSERT INTO scarti (id) VALUES ('s')`).run();
    expect(db.prepare('SELECT stato, case_ids, celle, eseguito_il FROM scarti').get()).toEqual({ stato: 'esportato', case_ids: '[]', celle: '[]', eseguito_il: null });
    expect(() => db.prepare(`UPDATE scarti SET stato = 'annullato'`).run()).toThrow(/CHECK/);
    closeDatabase(db);
  });
});
