import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, callError, createUser, inspectDatabase, loginAs, setUpZone, setupInput, tempDir, testCore } from '../support/core-harness';

const EDU = { username: 'lverdi', fullName: 'Luca Verdi', profile: 'educatore' as const, password: 'Educatore-2026' };

describe('set-up', () => {
  it('creates the zone seeded with Zona Sociale 11 and logs the administrator in', async () => {
    const { core, admin } = await setUpZone();
    const zone = await call(admin, 'zone.get', {});
    expect(zone.comuni).toHaveLength(12);
    expect(zone.comuni.map((c) => c.nome)).toContain("Calvi dell'Umbria");
    expect(zone.sedi.map((s) => [s.nome, s.lettera])).toEqual([
      ['Amelia', 'A'],
      ['Narni', 'N'],
    ]);
    expect(zone.sedi.find((s) => s.nome === 'Narni')?.rooms.length).toBe(3);
    const session = await call(admin, 'auth.current', {});
    expect(session?.user.profile).toBe('amministratore');
    expect(session?.permissions).toContain('users.manage');
    core.close();
  });

  it('is refused a second time, and never overwrites an existing database', async () => {
    const { core, admin, dataDir } = await setUpZone();
    expect((await callError(admin, 'setup.init', setupInput())).code).toBe('ALREADY_SET_UP');
    core.close();
    fs.renameSync(path.join(dataDir, 'chiavi.json'), path.join(dataDir, 'chiavi.salvata'));
    const before = fs.readFileSync(path.join(dataDir, 'archivio.db'));
    const again = testCore(dataDir).connect('test');
    expect((await callError(again, 'setup.init', setupInput())).code).toBe('KEYFILE_MISSING');
    expect(fs.readFileSync(path.join(dataDir, 'archivio.db')).equals(before)).toBe(true);
  });

  it('finishes a set-up interrupted after the key file was committed', async () => {
    const { core, dataDir } = await setUpZone();
    core.close();
    fs.mkdirSync(path.join(dataDir, '.configurazione-in-corso'));
    fs.renameSync(path.join(dataDir, 'archivio.db'), path.join(dataDir, '.configurazione-in-corso', 'archivio.db'));
    const conn = testCore(dataDir).connect('test');
    await call(conn, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(fs.existsSync(path.join(dataDir, 'archivio.db'))).toBe(true);
  });

  it('rejects weak passwords and bad user names with Italian messages', async () => {
    const conn = testCore(tempDir()).connect('test');
    const weak = await callError(conn, 'setup.init', setupInput({ ...ADMIN, password: 'corta' }));
    expect(weak).toMatchObject({ code: 'VALIDATION', field: 'admin.password' });
    expect(weak.message).toMatch(/troppo corta/);
    const badName = await callError(conn, 'setup.init', setupInput({ ...ADMIN, username: 'A B' }));
    expect(badName.message).toMatch(/Nome utente/);
  });
});

describe('login, lock, password', () => {
  it('wrong password: Italian error, no deletion offered, audited once the database is open', async () => {
    const { core, admin, dataDir } = await setUpZone();
    await call(admin, 'auth.logout', {});
    const conn = core.connect('test');
    const error = await callError(conn, 'auth.login', { username: 'admin', password: 'sbagliata-123' });
    expect(error.code).toBe('WRONG_CREDENTIALS');
    expect(error.message).toBe('Nome utente o password non corretti.');
    expect((await callError(conn, 'auth.login', { username: 'nessuno', password: 'sbagliata-123' })).code).toBe('WRONG_CREDENTIALS');
    await call(conn, 'auth.login', { username: 'admin', password: ADMIN.password });
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const denied = db.prepare(`SELECT username, detail FROM admin_log WHERE action = 'auth.login' AND outcome = 'denied' ORDER BY seq`).all();
    expect(denied).toEqual([
      { username: 'admin', detail: 'Password errata (tentativo n. 1)' },
      { username: 'nessuno', detail: 'Password errata (tentativo n. 1)' },
    ]);
    db.close();
    core.close();
  });

  it('rate-limits after 5 wrong passwords, even with the right one', async () => {
    let clock = Date.now();
    const { core } = await setUpZone(tempDir(), () => clock);
    const conn = core.connect('test');
    for (let i = 0; i < 5; i++) expect((await callError(conn, 'auth.login', { username: 'admin', password: `errata-${i}x` })).code).toBe('WRONG_CREDENTIALS');
    const blocked = await callError(conn, 'auth.login', { username: 'admin', password: ADMIN.password });
    expect(blocked.code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.message).toMatch(/riprova tra 30 secondi/);
    clock += 31_000;
    await call(conn, 'auth.login', { username: 'admin', password: ADMIN.password });
    core.close();
  });

  it('a new user must change the temporary password before anything else', async () => {
    const { core, admin } = await setUpZone();
    await createUser(admin, EDU);
    const conn = core.connect('test');
    const session = await call(conn, 'auth.login', { username: EDU.username, password: EDU.password });
    expect(session.mustChangePassword).toBe(true);
    expect((await callError(conn, 'audit.list', { log: 'data' })).code).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = await callError(conn, 'auth.changePassword', { currentPassword: EDU.password, newPassword: EDU.password });
    expect(same.field).toBe('newPassword');
    await call(conn, 'auth.changePassword', { currentPassword: EDU.password, newPassword: 'Nuova-password-99' });
    await call(conn, 'auth.logout', {});
    expect((await callError(conn, 'auth.login', { username: EDU.username, password: EDU.password })).code).toBe('WRONG_CREDENTIALS');
    const again = await call(conn, 'auth.login', { username: EDU.username, password: 'Nuova-password-99' });
    expect(again.mustChangePassword).toBe(false);
    core.close();
  });

  it('disabling a user revokes their key-file entry; a password reset re-enables them', async () => {
    const { core, admin, dataDir } = await setUpZone();
    const user = await createUser(admin, EDU);
    await call(admin, 'users.setDisabled', { id: user.id, disabled: true });
    const keyFile = JSON.parse(fs.readFileSync(path.join(dataDir, 'chiavi.json'), 'utf8')) as { users: Record<string, unknown> };
    expect(Object.keys(keyFile.users)).not.toContain(user.id);
    const conn = core.connect('test');
    expect((await callError(conn, 'auth.login', { username: EDU.username, password: EDU.password })).code).toBe('WRONG_CREDENTIALS');
    expect((await callError(admin, 'users.setDisabled', { id: user.id, disabled: false })).message).toMatch(/Reimposta password/);
    await call(admin, 'users.resetPassword', { id: user.id, newPassword: 'Provvisoria-2027' });
    const session = await call(conn, 'auth.login', { username: EDU.username, password: 'Provvisoria-2027' });
    expect(session.mustChangePassword).toBe(true);
    core.close();
  });

  it('a user disabled in the database but still in the key file is refused', async () => {
    const { core, admin, dataDir } = await setUpZone();
    const user = await createUser(admin, EDU);
    const entry = (JSON.parse(fs.readFileSync(path.join(dataDir, 'chiavi.json'), 'utf8')) as { users: Record<string, unknown> }).users[user.id];
    await call(admin, 'users.setDisabled', { id: user.id, disabled: true });
    // An old copy of the key file, restored from a backup, still holds the entry.
    const keyFile = JSON.parse(fs.readFileSync(path.join(dataDir, 'chiavi.json'), 'utf8')) as { users: Record<string, unknown> };
    keyFile.users[user.id] = entry;
    fs.writeFileSync(path.join(dataDir, 'chiavi.json'), JSON.stringify(keyFile));
    const conn = core.connect('test');
    expect((await callError(conn, 'auth.login', { username: EDU.username, password: EDU.password })).code).toBe('USER_DISABLED');
    core.close();
  });

  it('locks after the idle time and unlocks with the password; the database closes while locked', async () => {
    let clock = Date.now();
    const { core, admin } = await setUpZone(tempDir(), () => clock);
    await call(admin, 'zone.update', {
      nome: 'Zona Sociale 11',
      ente: 'Comune di Narni',
      idleTimeoutMin: 5,
      letterhead: { intestazione: 'Zona Sociale 11', sottotitolo: '', indirizzo: '', contatti: '' },
    });
    clock += 4 * 60_000;
    await call(admin, 'auth.ping', {});
    clock += 4 * 60_000;
    await call(admin, 'zone.get', {});
    clock += 5 * 60_000 + 1;
    expect((await callError(admin, 'zone.get', {})).code).toBe('SESSION_LOCKED');
    expect((await call(admin, 'auth.current', {}))?.locked).toBe(true);
    expect((await callError(admin, 'auth.unlock', { password: 'sbagliata-000' })).code).toBe('WRONG_CREDENTIALS');
    const session = await call(admin, 'auth.unlock', { password: ADMIN.password });
    expect(session.locked).toBe(false);
    await call(admin, 'zone.get', {});
    core.close();
  });

  it('a forgotten administrator password is recovered only with the recovery key', async () => {
    const { core, admin, recoveryKey } = await setUpZone();
    await createUser(admin, EDU);
    await call(admin, 'auth.logout', {});
    const conn = core.connect('test');
    const wrong = await callError(conn, 'auth.recover', { username: 'admin', recoveryKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH', newPassword: 'Ripristinata-2026' });
    expect(wrong.code).toBe('WRONG_RECOVERY_KEY');
    const notAdmin = await callError(conn, 'auth.recover', { username: EDU.username, recoveryKey, newPassword: 'Ripristinata-2026' });
    expect(notAdmin.field).toBe('username');
    // Typed by hand: lower case, spaces instead of dashes.
    await call(conn, 'auth.recover', { username: 'admin', recoveryKey: recoveryKey.toLowerCase().replaceAll('-', ' '), newPassword: 'Ripristinata-2026' });
    expect((await callError(conn, 'auth.login', { username: 'admin', password: ADMIN.password })).code).toBe('WRONG_CREDENTIALS');
    await call(conn, 'auth.login', { username: 'admin', password: 'Ripristinata-2026' });
    core.close();
  });

  it('a missing or corrupt key file gives a clear message and deletes nothing', async () => {
    const { core, dataDir } = await setUpZone();
    core.close();
    const keyFile = path.join(dataDir, 'chiavi.json');
    const original = fs.readFileSync(keyFile);
    fs.writeFileSync(keyFile, original.subarray(0, 100));
    const conn = testCore(dataDir).connect('test');
    const corrupt = await callError(conn, 'auth.login', { username: 'admin', password: ADMIN.password });
    expect(corrupt.code).toBe('KEYFILE_CORRUPT');
    expect(corrupt.message).toMatch(/nessun dato è stato cancellato/);
    fs.rmSync(keyFile);
    expect((await call(conn, 'setup.status', {})).setUp).toBe(false);
    expect((await callError(conn, 'setup.init', setupInput())).code).toBe('KEYFILE_MISSING');
    expect(fs.existsSync(path.join(dataDir, 'archivio.db'))).toBe(true);
  });
});

describe('users administration', () => {
  it('refuses duplicates, keeps one administrator, and audits each change', async () => {
    const { core, admin, dataDir } = await setUpZone();
    await createUser(admin, EDU);
    const dup = await callError(admin, 'users.create', { ...EDU, username: 'LVerdi', sedeId: null });
    expect(dup).toMatchObject({ code: 'CONFLICT', field: 'username' });
    const me = (await call(admin, 'auth.current', {}))!.user;
    expect((await callError(admin, 'users.setDisabled', { id: me.id, disabled: true })).message).toMatch(/tuo stesso utente/);
    const list = await call(admin, 'users.list', {});
    expect(list.map((u) => u.username).sort()).toEqual(['admin', 'lverdi']);
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    expect(db.prepare(`SELECT count(*) AS n FROM admin_log WHERE action = 'users.list'`).get()).toEqual({ n: 1 });
    db.close();
    core.close();
  });

  it('an educatore is refused user management, in Italian, and the refusal is audited', async () => {
    const { core, admin, dataDir } = await setUpZone();
    await createUser(admin, EDU);
    const { conn } = await loginAs(core, EDU.username, EDU.password);
    const refused = await callError(conn, 'users.list', {});
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('Il profilo «Educatore professionale» non consente di gestire gli utenti. Il tentativo è stato registrato nel registro degli accessi.');
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    expect(db.prepare(`SELECT username, profile, outcome, detail FROM admin_log WHERE action = 'users.list'`).all()).toEqual([
      { username: 'lverdi', profile: 'educatore', outcome: 'denied', detail: 'Permesso mancante: users.manage' },
    ]);
    db.close();
    core.close();
  });
});
