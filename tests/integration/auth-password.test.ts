import { describe, expect, it } from 'vitest';
import { DataDir } from '../../electron/core/data-dir';
import { KeyRing } from '../../electron/core/services/auth/key-ring';
import { ADMIN, TEST_KDF, call, callError, createUser, loginAs, setUpZone, setupInput, tempDir, testCore } from '../support/core-harness';

const AS = { username: 'demo.as.narni', fullName: 'Sara Neri', profile: 'assistente_sociale' as const, password: 'Cupola-Verde-Gelso-2026' };

describe('password policy on every channel that sets one', () => {
  it('the two passwords the attacker set are refused, with the reason in Italian', async () => {
    const conn = testCore(tempDir()).connect('test');
    const short = await callError(conn, 'setup.init', setupInput({ ...ADMIN, password: 'password12' }));
    expect(short).toMatchObject({ code: 'VALIDATION', field: 'admin.password' });
    expect(short.message).toMatch(/^La password è troppo corta: servono almeno 12 caratteri/);
    const named = await callError(conn, 'setup.init', setupInput({ ...ADMIN, username: 'demo.as.narni', password: 'demo.as.narni1' }));
    expect(named).toMatchObject({ code: 'VALIDATION', field: 'admin.password' });
    expect(named.message).toMatch(/^La password non deve contenere il nome utente/);
    const easy = await callError(conn, 'setup.init', setupInput({ ...ADMIN, password: 'password1234' }));
    expect(easy.message).toMatch(/^La password è troppo facile da indovinare\. /);
    expect((await call(conn, 'setup.status', {})).setUp).toBe(false);
  });

  it('users.create, users.resetPassword, auth.changePassword and auth.recover refuse the user name inside the password', async () => {
    const { core, admin, recoveryKey } = await setUpZone();
    expect(await callError(admin, 'users.create', { ...AS, password: 'Demo.AS.Narni-2026', sedeId: null })).toMatchObject({ code: 'VALIDATION', field: 'password' });
    const user = await createUser(admin, AS);
    expect(await callError(admin, 'users.resetPassword', { id: user.id, newPassword: 'DEMOASNARNI-bis-77' })).toMatchObject({ code: 'VALIDATION', field: 'newPassword' });
    const { conn, password } = await loginAs(core, AS.username, AS.password);
    const changed = await callError(conn, 'auth.changePassword', { currentPassword: password, newPassword: 'nuova_demo-as-narni_2026' });
    expect(changed).toMatchObject({ code: 'VALIDATION', field: 'newPassword' });
    expect(changed.message).toMatch(/nome utente/);
    await call(admin, 'auth.logout', {});
    const recovered = await callError(core.connect('test'), 'auth.recover', { username: ADMIN.username, recoveryKey, newPassword: 'Admin-Cupola-Verde-2026' });
    expect(recovered).toMatchObject({ code: 'VALIDATION', field: 'newPassword' });
    // Refused before the key was tried: the recovery key still works, once.
    await call(core.connect('test'), 'auth.recover', { username: ADMIN.username, recoveryKey, newPassword: 'Cupola-Rossa-Gelso-2027' });
    core.close();
  });

  it('an old password that no longer meets the policy still logs in', async () => {
    const { core, admin, dataDir } = await setUpZone();
    await call(admin, 'auth.logout', {});
    core.close();
    // A password set under the old policy (10 characters, letters and digits).
    const ring = new KeyRing(new DataDir(dataDir), TEST_KDF);
    const { userId, key } = (await ring.unlockWithPassword(ADMIN.username, ADMIN.password))!;
    ring.store(userId, ADMIN.username, await ring.wrapFor(key, userId, 'password12'));
    key.fill(0);
    const conn = testCore(dataDir).connect('test');
    await call(conn, 'auth.login', { username: ADMIN.username, password: 'password12' });
  });
});
