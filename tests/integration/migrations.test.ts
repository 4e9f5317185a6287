import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { checkMigrationList, migrate } from '../../electron/core/db/migrate';
import { loadMigrations } from '../../electron/core/db/migrations';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { tempDir } from '../support/core-harness';

function names(db: Database.Database, type: string): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);
}

describe('migrations', () => {
  const all = loadMigrations();

  it('are numbered 1..n without gaps, from NNNN_name.sql files', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(() => checkMigrationList(all)).not.toThrow();
    expect(() => checkMigrationList([{ ...all[0]!, version: 2 }])).toThrow(/non consecutive/);
  });

  it('0001_foundation creates the zone, users, change log and append-only audit logs', () => {
    const db = openDatabase(path.join(tempDir(), 'm.db'), randomBytes(32), { create: true, migrations: all.slice(0, 1) });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(names(db, 'table')).toEqual(['admin_log', 'audit_log', 'changes', 'comuni', 'meta', 'rooms', 'sedi', 'users', 'zone']);
    expect(names(db, 'trigger')).toEqual(['admin_log_no_delete', 'admin_log_no_update', 'audit_log_no_delete', 'audit_log_no_update']);
    db.prepare(`INSERT INTO admin_log (seq, at, workstation, action, outcome, prev_hash, hash) VALUES (1, 'x', 'w', 'a', 'ok', 'p', 'h')`).run();
    expect(() => db.prepare('UPDATE admin_log SET action = ?').run('b')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM admin_log').run()).toThrow(/append-only/);
    closeDatabase(db);
  });

  it('0002_cartella_sociale creates the case file and keeps the search index current by triggers', () => {
    const db = openDatabase(path.join(tempDir(), 'm.db'), randomBytes(32), { create: true, migrations: all.slice(0, 2) });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    for (const t of [
      'persons',
      'households',
      'household_members',
      'isee',
      'accessi',
      'cases',
      'case_status_history',
      'case_operators',
      'diary_entries',
      'diary_versions',
      'diary_named_users',
      'pai',
      'pai_objectives',
      'interventions',
      'deliveries',
      'attachments',
      'emergency_accesses',
      'person_search',
      'person_keys',
    ]) {
      expect(names(db, 'table'), t).toContain(t);
    }
    const insert = db.prepare(`INSERT INTO persons (id, cognome, nome, codice_fiscale, cf_root, created_at) VALUES (?, ?, ?, ?, ?, 'x')`);
    insert.run('p1', 'Ciòccolo', 'Nicolò', 'CCCNCL80A01E045X', 'ROOT1');
    const find = (q: string) => db.prepare(`SELECT k.person_id FROM person_search s JOIN person_keys k ON k.num = s.rowid WHERE person_search MATCH ?`).all(q);
    expect(find('"nicolo"*')).toEqual([{ person_id: 'p1' }]);
    db.prepare(`UPDATE persons SET cognome = 'Rossi' WHERE id = 'p1'`).run();
    expect(find('"cioccolo"*')).toEqual([]);
    expect(find('"rossi"*')).toEqual([{ person_id: 'p1' }]);
    // Two omocodia forms of one code share a root: the second insert is refused.
    expect(() => insert.run('p2', 'Altro', 'Nome', 'CCCNCL80A01E04RX', 'ROOT1')).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO households VALUES ('h1', 'x'), ('h2', 'x')`);
    db.exec(`INSERT INTO household_members (id, household_id, person_id, parentela, dal) VALUES ('m1', 'h1', 'p1', 'intestatario', '2026-01-01')`);
    expect(() => db.exec(`INSERT INTO household_members (id, household_id, person_id, parentela, dal) VALUES ('m2', 'h2', 'p1', 'figlio', '2026-01-01')`)).toThrow(/UNIQUE/);
    closeDatabase(db);
  });

  it('0003_agenda creates appointments, operators, hours and patron days, with its checks', () => {
    const db = openDatabase(path.join(tempDir(), 'm.db'), randomBytes(32), { create: true, migrations: all.slice(0, 3) });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    for (const t of ['appointments', 'appointment_operators', 'sede_orari', 'comuni_patroni']) expect(names(db, 'table')).toContain(t);
    expect(names(db, 'index')).toEqual(expect.arrayContaining(['appointments_by_sede', 'appointments_by_room', 'appointment_operators_by_user']));
    // End before start is refused by the table itself, whatever the service does.
    expect(() => db.exec(`INSERT INTO appointments (id, tipo, inizio, fine, created_at) VALUES ('a', 'colloquio', '2026-01-01T10:00', '2026-01-01T09:00', 'x')`)).toThrow(/CHECK/);
    closeDatabase(db);
  });

  it('0005_search_prefixes rebuilds the search index with prefix indexes, keeping what was there and its triggers', () => {
    const file = path.join(tempDir(), 'm.db');
    const key = randomBytes(32);
    const before = openDatabase(file, key, { create: true, migrations: all.slice(0, 4) });
    before.prepare(`INSERT INTO persons (id, cognome, nome, created_at) VALUES ('p1', 'Ciòccolo', 'Nicolò', 'x')`).run();
    closeDatabase(before);
    const db = openDatabase(file, key, { migrations: all.slice(0, 5) });
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect((db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'person_search'`).get() as { sql: string }).sql).toMatch(/prefix = '1 2 3'/);
    const find = (q: string) => db.prepare(`SELECT k.person_id FROM person_search s JOIN person_keys k ON k.num = s.rowid WHERE person_search MATCH ?`).all(q);
    expect(find('"c"*')).toEqual([{ person_id: 'p1' }]);
    expect(find('"nic"*')).toEqual([{ person_id: 'p1' }]);
    db.prepare(`INSERT INTO persons (id, cognome, nome, created_at) VALUES ('p2', 'Rossi', 'Anna', 'x')`).run();
    db.prepare(`UPDATE persons SET cognome = 'Bianchi' WHERE id = 'p1'`).run();
    expect(find('"ro"*')).toEqual([{ person_id: 'p2' }]);
    expect(find('"ci"*')).toEqual([]);
    expect(find('"bia"*')).toEqual([{ person_id: 'p1' }]);
    closeDatabase(db);
  });

  it('0006_attachment_active_content adds a nullable 0/1 flag to attachments', () => {
    const db = openDatabase(path.join(tempDir(), 'm.db'), randomBytes(32), { create: true, migrations: all.slice(0, 6) });
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    const column = (db.pragma('table_info(attachments)') as { name: string; notnull: number; dflt_value: unknown }[]).find((c) => c.name === 'contenuto_attivo');
    expect(column).toMatchObject({ notnull: 0, dflt_value: null });
    db.pragma('foreign_keys = OFF');
    const insert = db.prepare(
      `INSERT INTO attachments (id, case_id, nome, tipo, dimensione, sha256, file, autore_id, created_at, contenuto_attivo) VALUES (?, 'c', 'n', 'pdf', 1, 's', 'f', 'u', 'x', ?)`,
    );
    insert.run('a1', null);
    insert.run('a2', 1);
    expect(() => insert.run('a3', 2)).toThrow(/CHECK/);
    closeDatabase(db);
  });

  it('0019_diary_versions_concurrent keeps every earlier version and lets two sedi keep the same number', () => {
    const file = path.join(tempDir(), 'm.db');
    const key = randomBytes(32);
    const before = openDatabase(file, key, { create: true, migrations: all.slice(0, 18) });
    before.pragma('foreign_keys = OFF');
    const insert = (db: Database.Database, id: string, testo: string) =>
      db
        .prepare(
          `INSERT INTO diary_versions (id, entry_id, versione, tipo, data, ora, luogo, partecipanti, testo, riservato, autore_id, sostituita_il) VALUES (?, 'e1', 1, 'colloquio', '2026-12-02', '10:00', '', '', ?, 0, 'u', 'x')`,
        )
        .run(id, testo);
    before
      .prepare(
        `INSERT INTO diary_entries (id, case_id, tipo, data, ora, luogo, partecipanti, testo, riservato, autore_id, versione, created_at) VALUES ('e1', 'c', 'colloquio', '2026-12-02', '10:00', '', '', 'Testo', 0, 'u', 2, 'x')`,
      )
      .run();
    insert(before, 'v1', 'Testo scritto a Narni');
    expect(() => insert(before, 'v2', 'Testo scritto ad Amelia')).toThrow(/UNIQUE/);
    closeDatabase(before);
    const db = openDatabase(file, key, { migrations: all.slice(0, 19) });
    db.pragma('foreign_keys = OFF');
    insert(db, 'v2', 'Testo scritto ad Amelia');
    expect(db.prepare('SELECT id, testo FROM diary_versions ORDER BY id').all()).toEqual([
      { id: 'v1', testo: 'Testo scritto a Narni' },
      { id: 'v2', testo: 'Testo scritto ad Amelia' },
    ]);
    expect(names(db, 'index')).toContain('diary_versions_by_entry');
    expect(db.pragma('foreign_key_list(diary_versions)')).toEqual([expect.objectContaining({ table: 'diary_entries', from: 'entry_id', to: 'id' })]);
    closeDatabase(db);
  });

  it('are applied once: reopening runs nothing', () => {
    const file = path.join(tempDir(), 'm.db');
    const key = randomBytes(32);
    closeDatabase(openDatabase(file, key, { create: true }));
    const db = openDatabase(file, key);
    expect(migrate(db, all)).toEqual([]);
    closeDatabase(db);
  });

  it('a failing migration leaves no trace: its own transaction rolls back with user_version', () => {
    const db = openDatabase(path.join(tempDir(), 'm.db'), randomBytes(32), { create: true, migrations: all });
    const before = names(db, 'table');
    const broken = [...all, { version: all.length + 1, name: 'broken', sql: 'CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(names(db, 'table')).toEqual(before);
    expect(db.pragma('user_version', { simple: true })).toBe(all.length);
    closeDatabase(db);
  });
});
