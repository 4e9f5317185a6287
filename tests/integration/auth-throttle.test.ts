import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, callError, inspectDatabase, setUpZone, tempDir, testCore } from '../support/core-harness';

const WRONG_KEY = 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH';
const NEW_PASSWORD = 'Ripristinata-Cupola-Verde-2026';

describe('login throttle under attack', () => {
  it('40 parallel wrong passwords from 10 connections: at most 5 are tried, the right one is refused during the block, a restart keeps it', async () => {
    const clock = Date.now();
    // The administrator stays logged in elsewhere, so every refusal lands in the admin log at once.
    const { core, dataDir } = await setUpZone(tempDir(), () => clock);
    const attackers = Array.from({ length: 10 }, () => core.connect('test'));
    const codes: string[] = [];
    for (let wave = 0; wave < 8; wave++) {
      const replies = await Promise.all(
        Array.from({ length: 40 }, (_, i) => attackers[i % 10]!.call('auth.login', { username: ADMIN.username, password: `errata-${wave}-${i}-x` })),
      );
      codes.push(...replies.map((r) => (r.ok ? 'OK' : r.error.code)));
    }
    expect(codes).not.toContain('OK');
    expect(codes.filter((c) => c === 'WRONG_CREDENTIALS')).toHaveLength(5);
    expect(new Set(codes)).toEqual(new Set(['WRONG_CREDENTIALS', 'TOO_MANY_ATTEMPTS']));
    const blocked = await callError(attackers[0]!, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(blocked.code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.message).toMatch(/riprova tra 30 secondi/);

    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const denied = db.prepare(`SELECT detail FROM admin_log WHERE action = 'auth.login' AND outcome = 'denied' ORDER BY seq`).all() as { detail: string }[];
    // Each password actually tried is one KDF and one numbered row; every other refusal is audited too.
    expect(denied.filter((r) => r.detail.startsWith('Password errata')).map((r) => r.detail)).toEqual([1, 2, 3, 4, 5].map((n) => `Password errata (tentativo n. ${n})`));
    expect(denied).toHaveLength(8 * 40 + 1);
    db.close();
    core.close();

    const counts = fs.readFileSync(path.join(dataDir, 'tentativi.json'), 'utf8');
    expect(counts).not.toContain(ADMIN.username);
    const restarted = testCore(dataDir, () => clock).connect('test');
    expect((await callError(restarted, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).code).toBe('TOO_MANY_ATTEMPTS');
    const later = testCore(dataDir, () => clock + 31_000).connect('test');
    await call(later, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  });

  it('names absent from the key file are throttled too, stored only as an HMAC', async () => {
    const clock = Date.now();
    const { core, dataDir } = await setUpZone(tempDir(), () => clock);
    const conn = core.connect('test');
    for (let i = 0; i < 5; i++) expect((await callError(conn, 'auth.login', { username: 'mario.rossi', password: `errata-${i}-x` })).code).toBe('WRONG_CREDENTIALS');
    expect((await callError(conn, 'auth.login', { username: 'mario.rossi', password: 'errata-6-x' })).code).toBe('TOO_MANY_ATTEMPTS');
    core.close();
    const counts = fs.readFileSync(path.join(dataDir, 'tentativi.json'), 'utf8');
    expect(counts).not.toMatch(/mario|rossi/);
    const restarted = testCore(dataDir, () => clock).connect('test');
    expect((await callError(restarted, 'auth.login', { username: 'Mario.Rossi', password: 'errata-7-x' })).code).toBe('TOO_MANY_ATTEMPTS');
    // Someone else's name is not affected.
    await call(restarted, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  });

  it('more than two KDFs at once in the whole core: the excess is refused at once, in Italian', async () => {
    const { core } = await setUpZone();
    const conns = [core.connect('test'), core.connect('test'), core.connect('test')];
    const replies = await Promise.all(conns.map((c, i) => c.call('auth.login', { username: `utente${i}`, password: 'errata-000-x' })));
    const errors = replies.map((r) => (r.ok ? null : r.error));
    expect(errors.map((e) => e?.code)).toEqual(['WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'TOO_MANY_REQUESTS']);
    expect(errors[2]?.message).toBe('Troppe richieste contemporanee: riprova tra qualche secondo.');
    core.close();
  });
});

describe('recovery key', () => {
  it('wrong keys typed for one name do not block the right key for another', async () => {
    const clock = Date.now();
    const { core, admin, recoveryKey } = await setUpZone(tempDir(), () => clock);
    await call(admin, 'auth.logout', {});
    const conn = core.connect('test');
    for (let i = 0; i < 6; i++) await callError(conn, 'auth.recover', { username: 'intruso', recoveryKey: WRONG_KEY, newPassword: NEW_PASSWORD });
    expect((await callError(conn, 'auth.recover', { username: 'intruso', recoveryKey: WRONG_KEY, newPassword: NEW_PASSWORD })).code).toBe('TOO_MANY_ATTEMPTS');
    await call(conn, 'auth.recover', { username: ADMIN.username, recoveryKey, newPassword: NEW_PASSWORD });
    core.close();
  });

  it('a used recovery key is spent: a new one is returned, the old one stops working, the issue is audited without the key', async () => {
    const { core, admin, dataDir, recoveryKey } = await setUpZone();
    await call(admin, 'auth.logout', {});
    const conn = core.connect('test');
    const { recoveryKey: next } = await call(conn, 'auth.recover', { username: ADMIN.username, recoveryKey, newPassword: NEW_PASSWORD });
    expect(next).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
    expect(next).not.toBe(recoveryKey);
    const old = await callError(conn, 'auth.recover', { username: ADMIN.username, recoveryKey, newPassword: 'Un-altra-Cupola-Blu-2027' });
    expect(old.code).toBe('WRONG_RECOVERY_KEY');
    const { recoveryKey: third } = await call(conn, 'auth.recover', { username: ADMIN.username, recoveryKey: next, newPassword: 'Un-altra-Cupola-Blu-2027' });
    await call(conn, 'auth.login', { username: ADMIN.username, password: 'Un-altra-Cupola-Blu-2027' });
    core.close();

    const db = await inspectDatabase(dataDir, ADMIN.username, 'Un-altra-Cupola-Blu-2027');
    const issued = db.prepare(`SELECT * FROM admin_log WHERE action = 'keys.recovery_issued' ORDER BY seq`).all() as Record<string, unknown>[];
    expect(issued).toHaveLength(3);
    expect(issued[1]).toMatchObject({ username: ADMIN.username, subject_label: ADMIN.username, outcome: 'ok' });
    const rows = JSON.stringify(db.prepare(`SELECT * FROM admin_log`).all()).toUpperCase();
    for (const key of [recoveryKey, next, third]) {
      expect(rows).not.toContain(key);
      expect(rows).not.toContain(key.replaceAll('-', ''));
    }
    db.close();
  });
});
