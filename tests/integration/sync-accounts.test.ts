import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../electron/core/app';
import { DataDir } from '../../electron/core/data-dir';
import { readKeyFile } from '../../electron/core/keys/keyfile';
import { ADMIN, TEST_KDF, call, createUser, inspectDatabase, loginAs } from '../support/core-harness';
import { pairedSedi, type PairedSedi } from '../support/paired-sedi';

let zone: PairedSedi | null = null;
afterEach(() => {
  zone?.close();
  zone = null;
});

const NERI = { username: 'l.neri', fullName: 'Lucia Neri', profile: 'assistente_sociale' as const, password: 'Provvisoria-2026' };
const ROSSI = { username: 'm.rossi', fullName: 'Marco Rossi', profile: 'amministrativo' as const, password: 'Provvisoria-2026' };

const keyFileUsers = (dataDir: string) =>
  Object.values(readKeyFile(new DataDir(dataDir).keyFile).users)
    .map((u) => u.username)
    .sort();

async function loginError(core: PairedSedi['narni']['core'], username: string, password: string): Promise<string> {
  const conn = core.connect('test');
  try {
    const reply = await conn.call('auth.login', { username, password });
    return reply.ok ? 'ok' : reply.error.code;
  } finally {
    conn.close();
  }
}

/** Narni sends, Amelia (unlocked by `amelia`) receives. */
async function narniToAmelia(z: PairedSedi, amelia: Connection): Promise<void> {
  expect(await call(z.narni.admin, 'sync.runNow', {})).toMatchObject({ outcome: 'ok', rejected: 0 });
  expect(await call(amelia, 'sync.runNow', {})).toMatchObject({ outcome: 'ok', rejected: 0 });
}

describe('sincronizzazione degli account tra le postazioni abbinate', { timeout: 120_000 }, () => {
  it('un utente creato a Narni dopo l’abbinamento accede ad Amelia dopo una sincronizzazione fatta con Amelia aperta da un altro utente', async () => {
    const z = (zone = await pairedSedi());
    const amelia = await z.openAmelia();
    await createUser(z.narni.admin, ROSSI);
    expect(keyFileUsers(z.ameliaDir)).toEqual(['admin']);
    await narniToAmelia(z, amelia.admin);
    expect(keyFileUsers(z.ameliaDir)).toEqual(['admin', 'm.rossi']);
    const rossi = await loginAs(amelia.core, ROSSI.username, ROSSI.password);
    expect((await call(rossi.conn, 'auth.current', {}))?.user.username).toBe('m.rossi');
    // His first-login change at Amelia travels back: at Narni the provisional password no longer opens.
    expect(await call(amelia.admin, 'sync.runNow', {})).toMatchObject({ outcome: 'ok' });
    expect(await call(z.narni.admin, 'sync.runNow', {})).toMatchObject({ outcome: 'ok' });
    expect(await loginError(z.narni.core, ROSSI.username, ROSSI.password)).toBe('WRONG_CREDENTIALS');
    expect(await loginError(z.narni.core, ROSSI.username, rossi.password)).toBe('ok');
  });

  it('una password cambiata a Narni vale ad Amelia dopo la sincronizzazione, e la vecchia non vale più', async () => {
    const z = (zone = await pairedSedi(async (narni) => void (await createUser(narni.admin, NERI))));
    const amelia = await z.openAmelia();
    // The account came with the snapshot: at first Amelia opens with the provisional password.
    expect(keyFileUsers(z.ameliaDir)).toEqual(['admin', 'l.neri']);
    const neri = await loginAs(z.narni.core, NERI.username, NERI.password);
    expect(neri.password).not.toBe(NERI.password);
    await narniToAmelia(z, amelia.admin);
    expect(await loginError(amelia.core, NERI.username, NERI.password)).toBe('WRONG_CREDENTIALS');
    expect(await loginError(amelia.core, NERI.username, neri.password)).toBe('ok');
  });

  it('un utente disattivato a Narni non accede più ad Amelia e la sua voce sparisce dal file delle chiavi di Amelia', async () => {
    const z = (zone = await pairedSedi(async (narni) => void (await createUser(narni.admin, NERI))));
    const amelia = await z.openAmelia();
    const neri = await loginAs(amelia.core, NERI.username, NERI.password);
    const id = (await call(z.narni.admin, 'users.list', {})).find((u) => u.username === NERI.username)!.id;
    await call(z.narni.admin, 'users.setDisabled', { id, disabled: true });
    await narniToAmelia(z, amelia.admin);
    expect(await loginError(amelia.core, NERI.username, neri.password)).toBe('USER_DISABLED');
    // While she is still logged in at Amelia her entry stays; the first cycle after she leaves removes it.
    expect(keyFileUsers(z.ameliaDir)).toEqual(['admin', 'l.neri']);
    neri.conn.close();
    expect(await call(amelia.admin, 'sync.runNow', {})).toMatchObject({ outcome: 'ok' });
    expect(keyFileUsers(z.ameliaDir)).toEqual(['admin']);
    expect(await loginError(amelia.core, NERI.username, neri.password)).toBe('WRONG_CREDENTIALS');
  });

  it('la stessa password reimpostata in due sedi prima di sincronizzare: vale ovunque la più recente, e non è un conflitto da risolvere', async () => {
    const z = (zone = await pairedSedi(async (narni) => void (await createUser(narni.admin, NERI))));
    const amelia = await z.openAmelia();
    const id = (await call(z.narni.admin, 'users.list', {})).find((u) => u.username === NERI.username)!.id;
    await call(z.narni.admin, 'users.resetPassword', { id, newPassword: 'Narni-provvisoria-1' });
    await call(amelia.admin, 'users.resetPassword', { id, newPassword: 'Amelia-provvisoria-1' });
    await narniToAmelia(z, amelia.admin);
    expect(await call(z.narni.admin, 'sync.runNow', {})).toMatchObject({ outcome: 'ok', rejected: 0 });
    // Amelia's reset came later by the clock: it opens both sedi, Narni's opens neither.
    for (const core of [z.narni.core, amelia.core]) {
      expect(await loginError(core, NERI.username, 'Amelia-provvisoria-1')).toBe('ok');
      expect(await loginError(core, NERI.username, 'Narni-provvisoria-1')).toBe('WRONG_CREDENTIALS');
    }
    for (const conn of [z.narni.admin, amelia.admin]) {
      expect(await call(conn, 'conflicts.count', {})).toEqual({ count: 0 });
      expect((await call(conn, 'sync.status', {})).openConflicts).toBe(0);
    }
  });

  it('una voce arrivata con una protezione più debole di quella della postazione non entra nel file delle chiavi, e il rifiuto è registrato', async () => {
    const z = (zone = await pairedSedi(async (narni) => void (await createUser(narni.admin, NERI))));
    const amelia = await z.openAmelia();
    // A workstation that writes a slot with a cheap KDF (a modified program, or an old test setting).
    const cli = z.narni.core.connect('cli');
    await call(cli, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const work = z.narni.core.cliWork(cli, 'users.manage');
    const id = work.store.users.byUsername(NERI.username)!.id;
    const weak = { kdf: { name: 'scrypt', N: 16, r: 1, p: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' }, iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', ct: 'AAAA' };
    work.store.writer.update(work.actor, 'user_key_slots', id, { wrapped: JSON.stringify(weak), updated_at: new Date().toISOString() }, { log: 'admin', action: 'users.update' });
    cli.close();
    await narniToAmelia(z, amelia.admin);
    expect(await loginError(amelia.core, NERI.username, NERI.password)).toBe('ok');
    z.close();
    const db = await inspectDatabase(z.ameliaDir, ADMIN.username, ADMIN.password);
    const row = db.prepare(`SELECT outcome, detail FROM admin_log WHERE action = 'keys.sync' ORDER BY seq DESC LIMIT 1`).get() as { outcome: string; detail: string };
    db.close();
    expect(row).toMatchObject({ outcome: 'error' });
    expect(row.detail).toMatch(/1 voci rifiutate/);
    expect(readKeyFile(new DataDir(z.ameliaDir).keyFile).users[id]?.wrapped.kdf.N).toBe(TEST_KDF.N);
  });
});
