import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, callError, filesUnder, inspectDatabase, setUpZone, tempDir, testCore } from '../support/core-harness';

describe('failed logins while the archive is closed', () => {
  it('are sealed to a file that names no one, and reach the admin log, with their time, at the next opening after a restart', async () => {
    const t0 = Date.UTC(2026, 2, 2, 7, 15, 0);
    let clock = t0;
    const { core, admin, dataDir } = await setUpZone(tempDir(), () => clock);
    await call(admin, 'auth.logout', {});
    const conn = core.connect('test');
    clock = t0 + 60_000;
    expect((await callError(conn, 'auth.login', { username: ADMIN.username, password: 'errata-uno-1' })).code).toBe('WRONG_CREDENTIALS');
    clock = t0 + 120_000;
    expect((await callError(conn, 'auth.login', { username: 'mario.rossi', password: 'errata-due-2' })).code).toBe('WRONG_CREDENTIALS');
    expect(
      (await callError(conn, 'auth.recover', { username: 'mario.rossi', recoveryKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH', newPassword: 'Cupola-Verde-Gelso-2026' }))
        .code,
    ).toBe('WRONG_RECOVERY_KEY');
    core.close();

    const pending = path.join(dataDir, 'eventi-in-sospeso.jsonl');
    expect(fs.readFileSync(pending, 'utf8').trim().split('\n')).toHaveLength(3);
    for (const file of filesUnder(dataDir)) {
      if (file.endsWith('.db') || file.endsWith('.db-wal')) continue;
      expect(fs.readFileSync(file, 'latin1'), file).not.toMatch(/mario|rossi|Password errata|Chiave di recupero/);
    }

    const restarted = testCore(dataDir, () => t0 + 180_000).connect('test');
    await call(restarted, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(fs.existsSync(pending)).toBe(false);
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const rows = db.prepare(`SELECT at, username, action, outcome, detail FROM admin_log WHERE outcome = 'denied' ORDER BY seq`).all();
    expect(rows).toEqual([
      { at: new Date(t0 + 60_000).toISOString(), username: ADMIN.username, action: 'auth.login', outcome: 'denied', detail: 'Password errata (tentativo n. 1)' },
      { at: new Date(t0 + 120_000).toISOString(), username: 'mario.rossi', action: 'auth.login', outcome: 'denied', detail: 'Password errata (tentativo n. 1)' },
      { at: new Date(t0 + 120_000).toISOString(), username: 'mario.rossi', action: 'auth.recover', outcome: 'denied', detail: 'Chiave di recupero errata (tentativo n. 1)' },
    ]);
    db.close();
  });

  it('a folder set up before the inbox key existed gets one at its next opening', async () => {
    const { core, admin, dataDir } = await setUpZone();
    await call(admin, 'auth.logout', {});
    core.close();
    const keyFilePath = path.join(dataDir, 'chiavi.json');
    const keyFile = JSON.parse(fs.readFileSync(keyFilePath, 'utf8')) as Record<string, unknown>;
    expect(typeof keyFile.auditPublicKey).toBe('string');
    delete keyFile.auditPublicKey;
    fs.writeFileSync(keyFilePath, JSON.stringify(keyFile));
    const conn = testCore(dataDir).connect('test');
    // No public key to seal to: the event is only counted, never written in clear.
    await callError(conn, 'auth.login', { username: 'mario.rossi', password: 'errata-tre-3' });
    expect(fs.existsSync(path.join(dataDir, 'eventi-in-sospeso.jsonl'))).toBe(false);
    await call(conn, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(typeof (JSON.parse(fs.readFileSync(keyFilePath, 'utf8')) as Record<string, unknown>).auditPublicKey).toBe('string');
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    expect(db.prepare(`SELECT detail FROM admin_log WHERE action = 'audit.pending_import'`).all()).toEqual([
      { detail: 'Eventi registrati ad archivio chiuso: 1 evento non conservato (oltre il limite di 1.000 o senza chiave di cifratura)' },
    ]);
    db.close();
  });
});
