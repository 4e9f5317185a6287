import type Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditRepository, chainHash, GENESIS, type StoredRow } from '../../electron/core/db/repositories/audit.repo';
import { ADMIN, call, inspectDatabase, loginAs, setUpZone, tempDir, testCore } from '../support/core-harness';

/*
 * The strongest rewrite: someone holding the database key alters the first row of a log and
 * re-hashes every row after it from the genesis, so the walk finds a whole, consistent chain.
 * Only the heads anchored outside the database (the key file, each backup) can tell.
 */

function rewriteWholeChain(db: Database.Database, table: 'audit_log' | 'admin_log'): void {
  const rows = db.prepare(`SELECT * FROM ${table} ORDER BY seq`).all() as StoredRow[];
  db.exec(`DROP TRIGGER ${table}_no_update; DROP TRIGGER ${table}_no_delete;`);
  db.prepare(`DELETE FROM ${table}`).run();
  const insert = db.prepare(
    `INSERT INTO ${table} (seq, at, user_id, username, profile, workstation, action, subject_type, subject_id, subject_label, purpose, outcome, detail, prev_hash, hash)
     VALUES (@seq, @at, @user_id, @username, @profile, @workstation, @action, @subject_type, @subject_id, @subject_label, @purpose, @outcome, @detail, @prev_hash, @hash)`,
  );
  let prev = GENESIS;
  rows.forEach((row, i) => {
    const { prev_hash: _p, hash: _h, ...fields } = row;
    const changed = i === 0 ? { ...fields, detail: `${fields.detail ?? ''} (riscritto)` } : fields;
    const hash = chainHash(prev, changed);
    insert.run({ ...changed, prev_hash: prev, hash });
    prev = hash;
  });
  db.exec(`
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  `);
}

describe('a consistent rewrite of the whole chain', () => {
  it('passes the walk, and is reported as rewritten against the key file’s anchor and against the newest backup', async () => {
    const { core, admin, dataDir } = await setUpZone(tempDir('udc-rewrite-'));
    const folder = tempDir('udc-rewrite-bk-');
    await call(admin, 'backup.saveSettings', { folder, frequency: 'off', time: '13:00', alertAfterDays: 3 });
    for (let i = 0; i < 5; i++) await call(admin, 'users.list', {});
    await call(admin, 'backup.run', {});
    await call(admin, 'auth.logout', {});
    core.close();
    const anchors = (JSON.parse(fs.readFileSync(path.join(dataDir, 'chiavi.json'), 'utf8')) as { anchors?: unknown[] }).anchors ?? [];
    expect(anchors.length).toBeGreaterThan(0);

    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    rewriteWholeChain(db, 'admin_log');
    const walk = new AuditRepository(db).verify('admin');
    db.close();
    expect(walk).toMatchObject({ ok: true, firstBroken: null });

    const again = testCore(dataDir);
    try {
      const { conn } = await loginAs(again, ADMIN.username, ADMIN.password);
      const report = await call(conn, 'audit.verify', {});
      expect(report.admin.ok).toBe(false);
      expect(report.admin.anchor.status).toBe('rewritten');
      expect(report.admin.firstBroken?.reason).toMatch(/^la catena è stata riscritta fino alla registrazione n\. \d+/);
      // The data log was not touched and stays intact.
      expect(report.data.ok).toBe(true);
      const backup = (await call(conn, 'backup.status', {})).anchorCheck;
      expect(backup.status).toBe('broken');
      expect(backup.message).toMatch(/azioni amministrative: la catena è stata riscritta/);
    } finally {
      again.close();
    }
  }, 60_000);
});
