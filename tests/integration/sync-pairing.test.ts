import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import { statsCommand, syncCommand, type SyncCommandDeps } from '../../electron/core/cli/sync-command';
import { readPairingFile } from '../../electron/core/services/sync/pairing-file';
import { ADMIN, call, callError, createUser, inspectDatabase, loginAs, setUpZone, tempDir, testCore } from '../support/core-harness';
import { personWithCf } from '../support/cartella-fixtures';

const PASSPHRASE = 'ponte lucido arancia treno';
const collector = () => {
  const lines: string[] = [];
  return { lines, text: () => lines.join(''), out: { write: (t: string) => lines.push(t) } };
};
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

function deps(out = collector()): SyncCommandDeps {
  return { out: out.out, progress: collector().out, openCore: (o) => testCore(o.dataDir), workstation: 'test' };
}

async function open(dataDir: string, username = ADMIN.username, password = ADMIN.password): Promise<{ core: Core; conn: Connection }> {
  const core = testCore(dataDir);
  cores.push(core);
  const { conn } = await loginAs(core, username, password);
  return { core, conn };
}

function secretFiles(): { passwordFile: string; passphraseFile: string; dir: string } {
  const dir = tempDir('udc-sync-secrets-');
  fs.writeFileSync(path.join(dir, 'password.txt'), `${ADMIN.password}\n`);
  fs.writeFileSync(path.join(dir, 'frase.txt'), `${PASSPHRASE}\n`);
  return { dir, passwordFile: path.join(dir, 'password.txt'), passphraseFile: path.join(dir, 'frase.txt') };
}

async function stats(dataDir: string, passwordFile: string): Promise<{ tables: Record<string, number>; hash: string }> {
  const out = collector();
  expect(await statsCommand(['--data-dir', dataDir, '--user', ADMIN.username, '--password-file', passwordFile, '--json'], deps(out))).toBe(0);
  return JSON.parse(out.text()) as { tables: Record<string, number>; hash: string };
}

/** Narni (the first node) with sync on, an operator and one person, and Amelia joined from a pairing file. */
async function pairedZone() {
  const share = tempDir('udc-share-');
  const secrets = secretFiles();
  const usb = tempDir('udc-usb-');
  const narni = await setUpZone();
  cores.push(narni.core);
  await call(narni.admin, 'sync.enable', { label: 'Narni – PC segreteria' });
  await call(narni.admin, 'sync.setFolder', { folder: share, intervalMin: 5 });
  await createUser(narni.admin, { username: 'l.neri', fullName: 'Lucia Neri', profile: 'assistente_sociale', password: 'Provvisoria-2026' });
  const as = await loginAs(narni.core, 'l.neri', 'Provvisoria-2026');
  const person = await call(as.conn, 'persons.create', personWithCf({ cognome: 'Colò', nome: 'Nicolò', telefono: '0744 715123' }));
  await call(narni.admin, 'sync.runNow', {});
  const made = await call(narni.admin, 'sync.createPairing', { label: 'Amelia – PC segreteria', passphrase: PASSPHRASE, folder: usb });
  const ameliaDir = path.join(tempDir('udc-amelia-'), 'dati');
  const out = collector();
  const code = await syncCommand(
    [
      'join',
      '--data-dir',
      ameliaDir,
      '--from',
      made.file,
      '--passphrase-file',
      secrets.passphraseFile,
      '--folder',
      share,
      '--user',
      ADMIN.username,
      '--password-file',
      secrets.passwordFile,
    ],
    deps(out),
  );
  expect(code).toBe(0);
  return { share, secrets, usb, narni, as, person, made, ameliaDir, joinOutput: out.text() };
}

describe('sincronizzazione: abbinamento di una nuova postazione', { timeout: 60_000 }, () => {
  it('il file di abbinamento si apre solo con la frase giusta; l’impronta è la stessa sulle due postazioni; dopo un ciclo per parte i dati sono identici', async () => {
    const z = await pairedZone();
    await expect(readPairingFile(z.made.file, 'frase sbagliata ma lunga abbastanza')).rejects.toMatchObject({ code: 'WRONG_CREDENTIALS' });
    expect(await callError(z.narni.admin, 'sync.createPairing', { label: 'Terza', passphrase: 'corta', folder: z.usb })).toMatchObject({ code: 'VALIDATION' });
    expect(z.made.fingerprint).toMatch(/^\d{4}( \d{4}){5}$/);
    expect(z.joinOutput).toContain(z.made.fingerprint);
    expect(z.joinOutput).toMatch(/inviate \d+ ricevuti \d+ applicate \d+ rifiutati 0/);
    // The file names no one: a date and an extension.
    expect(path.basename(z.made.file)).toMatch(/^abbinamento-\d{8}T\d{6}\.udcp$/);

    const amelia = await open(z.ameliaDir);
    const status = await call(amelia.conn, 'sync.status', {});
    expect(status).toMatchObject({ state: 'ready', node: z.made.node, fingerprint: z.made.fingerprint, folder: z.share });
    expect(status.nodes.map((n) => n.label).sort()).toEqual(['Amelia – PC segreteria', 'Narni – PC segreteria']);
    // The other users unlock the new node with their own passwords; the person came with the snapshot.
    const asAmelia = await loginAs(amelia.core, 'l.neri', z.as.password);
    expect((await call(asAmelia.conn, 'persons.get', { id: z.person.person.id })).person.telefono).toBe('0744 715123');

    await call(asAmelia.conn, 'persons.update', { ...personWithCf({ cognome: 'Colò', nome: 'Nicolò', telefono: '0744 999000' }), id: z.person.person.id });
    const sent = await call(amelia.conn, 'sync.runNow', {});
    expect(sent).toMatchObject({ outcome: 'ok', rejected: 0 });
    expect(sent.sent).toBeGreaterThan(0);
    const got = await call(z.narni.admin, 'sync.runNow', {});
    expect(got).toMatchObject({ outcome: 'ok', rejected: 0, received: 1 });
    expect((await call(z.as.conn, 'persons.get', { id: z.person.person.id })).person.telefono).toBe('0744 999000');
    // Applying again changes nothing: both sides have nothing new.
    expect(await call(amelia.conn, 'sync.runNow', {})).toMatchObject({ applied: 0, rejected: 0 });
    expect(await call(z.narni.admin, 'sync.runNow', {})).toMatchObject({ applied: 0, rejected: 0 });
    const narniNodes = (await call(z.narni.admin, 'sync.status', {})).nodes;
    expect(narniNodes.find((n) => n.node === z.made.node)).toMatchObject({ state: 'aggiornata', appliedSeq: 1 });

    for (const c of cores.splice(0)) c.close();
    const [a, b] = [await stats(z.narni.dataDir, z.secrets.passwordFile), await stats(z.ameliaDir, z.secrets.passwordFile)];
    expect(a.tables['persons']).toBe(1);
    expect(a.tables['sync_nodes']).toBe(2);
    expect(b).toEqual(a);
  });

  it('una postazione revocata: i suoi pacchetti successivi sono rifiutati e registrati; lei stessa smette di sincronizzare', async () => {
    const z = await pairedZone();
    const amelia = await open(z.ameliaDir);
    await call(z.narni.admin, 'sync.revoke', { node: z.made.node });
    expect(await callError(z.as.conn, 'sync.revoke', { node: z.made.node })).toMatchObject({ code: 'FORBIDDEN' });
    await call(z.narni.admin, 'sync.runNow', {});
    // Amelia writes before it learns of the revocation.
    const asAmelia = await loginAs(amelia.core, 'l.neri', z.as.password);
    await call(asAmelia.conn, 'persons.update', { ...personWithCf({ cognome: 'Colò', nome: 'Nicolò', telefono: '0744 000111' }), id: z.person.person.id });
    expect(await call(amelia.conn, 'sync.runNow', {})).toMatchObject({ outcome: 'ok' });
    const refused = await call(z.narni.admin, 'sync.runNow', {});
    expect(refused.rejected).toBe(1);
    expect((await call(z.as.conn, 'persons.get', { id: z.person.person.id })).person.telefono).toBe('0744 715123');
    const narniStatus = await call(z.narni.admin, 'sync.status', {});
    expect(narniStatus.nodes.find((n) => n.node === z.made.node)).toMatchObject({ state: 'revocata' });
    // The refusal is in the sync log beside the database (not in it), as the screen lists it.
    expect(narniStatus.rejections[0]).toMatchObject({ node: z.made.node, label: 'Amelia – PC segreteria', reason: 'unknown_sender' });
    expect(narniStatus.rejections[0]!.message).toMatch(/revocata/);
    // Amelia received the revocation in the cycle above: it now refuses to sync.
    const ameliaStatus = await call(amelia.conn, 'sync.status', {});
    expect(ameliaStatus.state).toBe('revoked');
    expect(ameliaStatus.banner).toMatch(/revocata/);
    expect(await callError(amelia.conn, 'sync.runNow', {})).toMatchObject({ code: 'FORBIDDEN' });

    for (const c of cores.splice(0)) c.close();
    const db = await inspectDatabase(z.narni.dataDir, ADMIN.username, ADMIN.password);
    const rows = db.prepare(`SELECT action, detail FROM admin_log WHERE action IN ('sync.reject', 'sync.revoke') ORDER BY seq`).all() as { action: string; detail: string }[];
    db.close();
    expect(rows.map((r) => r.action)).toContain('sync.revoke');
    expect(rows.map((r) => r.action)).not.toContain('sync.reject');
  });

  it('una cartella dati copiata su un altro PC ha un nuovo identificativo e non sincronizza finché non è abbinata', async () => {
    const share = tempDir('udc-share-');
    const narni = await setUpZone();
    await call(narni.admin, 'sync.enable', { label: 'Narni – PC segreteria' });
    await call(narni.admin, 'sync.setFolder', { folder: share, intervalMin: 5 });
    await call(narni.admin, 'sync.runNow', {});
    const original = (await call(narni.admin, 'sync.status', {})).node;
    narni.core.close();
    const copy = path.join(tempDir('udc-copia-'), 'dati');
    fs.cpSync(narni.dataDir, copy, { recursive: true });
    const copied = await open(copy);
    const status = await call(copied.conn, 'sync.status', {});
    expect(status.node).not.toBe(original);
    expect(status.state).toBe('unpaired');
    expect(status.banner).toMatch(/copiata/);
    expect(await callError(copied.conn, 'sync.runNow', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await callError(copied.conn, 'sync.createPairing', { label: 'Altra', passphrase: PASSPHRASE, folder: share })).toMatchObject({ code: 'CONFLICT' });
    copied.core.close();
    // The original's private key is gone from the copy: it can never sign as Narni.
    const db = await inspectDatabase(copy, ADMIN.username, ADMIN.password);
    expect((db.prepare(`SELECT value FROM meta WHERE key = 'sync_private_key'`).get() as { value: string }).value).toBe('');
    db.close();
    // Nothing of the copy reached the folder.
    expect(fs.readdirSync(path.join(share, 'ufficio-cittadinanza-sync', fs.readdirSync(path.join(share, 'ufficio-cittadinanza-sync'))[0]!))).toEqual([original]);
  });
});
