import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { checkMigrationList, migrate } from '../../electron/core/db/migrate';
import { loadMigrations } from '../../electron/core/db/migrations';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { tempDir } from '../support/core-harness';

function names(db: Database.Database, type: string): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type) as { name: string }[]).map(
    (r) => r.name,
  );
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
