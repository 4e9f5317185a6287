import { describe, expect, it } from 'vitest';
import { ADMIN, call, callError, createUser, inspectDatabase, setUpZone } from '../support/core-harness';

describe('the one write path', () => {
  it('records every changed cell with increasing HLC and one audit row per operation', async () => {
    const { core, admin, dataDir } = await setUpZone();
    const user = await createUser(admin, { username: 'lverdi', fullName: 'Luca Verdi', profile: 'educatore', password: 'Educatore-2026' });
    await call(admin, 'users.update', { id: user.id, fullName: 'Luca Verdi Neri', profile: 'educatore', sedeId: null });
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const changes = db.prepare(`SELECT hlc, node, col, value FROM changes WHERE tbl = 'users' AND row_id = ? ORDER BY seq`).all(user.id) as {
      hlc: string;
      node: string;
      col: string;
      value: string;
    }[];
    // 7 cells on insert, then only the one that changed on update.
    expect(changes.map((c) => c.col)).toEqual(['username', 'full_name', 'profile', 'sede_id', 'disabled', 'must_change_password', 'created_at', 'full_name']);
    expect(JSON.parse(changes.at(-1)!.value)).toBe('Luca Verdi Neri');
    const hlcs = changes.map((c) => c.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
    expect(new Set(changes.map((c) => c.node)).size).toBe(1);
    const audit = db.prepare(`SELECT action, subject_id FROM admin_log WHERE subject_id = ? ORDER BY seq`).all(user.id);
    // The account's creation is also a notice to its owner: its own insert, its own audit row.
    expect(audit).toEqual([
      { action: 'users.create', subject_id: user.id },
      { action: 'notices.record', subject_id: user.id },
      { action: 'users.update', subject_id: user.id },
    ]);
    db.close();
    core.close();
  });

  it('a write that fails leaves neither the row, nor its changes, nor its audit row', async () => {
    const { core, admin, dataDir } = await setUpZone();
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const count = () => db.prepare(`SELECT (SELECT count(*) FROM changes) + (SELECT count(*) FROM admin_log) + (SELECT count(*) FROM comuni) AS n`).get() as { n: number };
    const before = count().n;
    const error = await callError(admin, 'zone.saveComune', { istat: '055022', catastale: 'F844', nome: 'Narni bis', provincia: 'TR' });
    expect(error.code).toBe('CONFLICT');
    expect(count().n).toBe(before);
    db.close();
    core.close();
  });
});

// That only the writer writes, and that SQL lives only in db/, are lint rules (eslint.config.js).
