import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDir } from '../../electron/core/data-dir';
import { toAppError } from '../../electron/core/ipc/errors';
import { KeyRing } from '../../electron/core/services/auth/key-ring';
import { ZoneService } from '../../electron/core/services/zone/zone.service';
import { Store } from '../../electron/core/store';
import { ADMIN, call, callError, createUser, filesUnder, makeReadOnly, setUpZone, TEST_KDF, testCore } from '../support/core-harness';

const SENTINEL = 'Zqxjwv Sentinellaccio';

function containsAnywhere(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(text.toUpperCase(), 'utf8')];
  return filesUnder(dir).filter((file) => {
    const bytes = fs.readFileSync(file);
    return needles.some((n) => bytes.includes(n));
  });
}

describe('nothing personal leaves the encrypted files', () => {
  it('a sentinel name appears in no file of the data folder, with the session open (WAL) or closed', async () => {
    const { core, admin, dataDir } = await setUpZone();
    await createUser(admin, { username: 'sentinella', fullName: SENTINEL, profile: 'assistente_sociale', password: 'Faro-Notturno-Gelso-2026' });
    await call(admin, 'zone.saveComune', { istat: '055099', catastale: 'Z999', nome: SENTINEL, provincia: 'TR' });
    expect(fs.existsSync(path.join(dataDir, 'archivio.db-wal'))).toBe(true);
    expect(containsAnywhere(dataDir, SENTINEL)).toEqual([]);
    await call(admin, 'auth.logout', {});
    core.close();
    expect(containsAnywhere(dataDir, SENTINEL)).toEqual([]);
    expect(fs.readFileSync(path.join(dataDir, 'archivio.db')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });
});

describe('a full disk or a read-only folder: Italian message, database intact', () => {
  it('disk full during a write: DISK_FULL, no partial row, audit chain intact', async () => {
    const { core, dataDir } = await setUpZone();
    core.close();
    const unlocked = await new KeyRing(new DataDir(dataDir), TEST_KDF).unlockWithPassword(ADMIN.username, ADMIN.password);
    const store = Store.open(path.join(dataDir, 'archivio.db'), unlocked!.key);
    const actor = { userId: null, username: 'admin', profile: 'amministratore', workstation: 'test' };
    const counts = () => store.db.prepare('SELECT (SELECT count(*) FROM comuni) c, (SELECT count(*) FROM changes) ch, (SELECT count(*) FROM admin_log) a').get();
    // The disk "fills" at the current size: the next page SQLite needs is refused with SQLITE_FULL.
    store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true }) as number}`);
    const service = new ZoneService(store);
    let error: unknown = null;
    let before = counts();
    for (let i = 0; i < 500 && !error; i++) {
      before = counts();
      try {
        service.saveComune(actor, { istat: String(100000 + i), catastale: 'X000', nome: `Comune di prova con un nome lungo ${i} ${'x'.repeat(200)}`, provincia: 'TR' });
      } catch (e) {
        error = e;
      }
    }
    expect(error).not.toBeNull();
    const mapped = toAppError(error);
    expect(mapped.code).toBe('DISK_FULL');
    expect(mapped.message).toMatch(/disco è pieno/);
    expect(counts()).toEqual(before);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.audit.verify('admin').ok).toBe(true);
    store.close();
  });

  it('read-only data folder: login says so in Italian; the files are untouched', async () => {
    const { core, dataDir } = await setUpZone();
    core.close();
    const before = fs.readFileSync(path.join(dataDir, 'archivio.db'));
    const undo = makeReadOnly(dataDir);
    try {
      const conn = testCore(dataDir).connect('test');
      const error = await callError(conn, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      expect(error.code).toBe('READ_ONLY');
      expect(error.message).toMatch(/sola lettura/);
    } finally {
      undo();
    }
    expect(fs.readFileSync(path.join(dataDir, 'archivio.db')).equals(before)).toBe(true);
  });

  it('folder turned read-only during work: a password change fails cleanly and the old password still works', async () => {
    const { core, admin, dataDir } = await setUpZone();
    const undo = makeReadOnly(dataDir);
    try {
      const error = await callError(admin, 'auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'Nuova-password-2027' });
      expect(error.code).toBe('READ_ONLY');
    } finally {
      undo();
    }
    await call(admin, 'auth.logout', {});
    const conn = core.connect('test');
    await call(conn, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    core.close();
  });
});
