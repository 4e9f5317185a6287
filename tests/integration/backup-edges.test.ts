import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { restoreCommand } from '../../electron/core/cli/backup-command';
import { DataDir } from '../../electron/core/data-dir';
import { latestVersion } from '../../electron/core/db/migrate';
import { loadMigrations } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { newKeyFile, withUserEntry, writeKeyFile } from '../../electron/core/keys/keyfile';
import { RECOVERY_KDF, wrapKey } from '../../electron/core/keys/key-wrap';
import { newRecoveryKey } from '../../electron/core/keys/recovery-key';
import { createBackup } from '../../electron/core/services/backup/create-backup';
import { Store } from '../../electron/core/store';
import { uuidv7 } from '../../electron/core/ids';
import { backupsToKeep, parseBackupName } from '../../shared/domain/backup-rotation';
import { addDays } from '../../shared/domain/dates';
import { ADMIN, TEST_KDF, call, inspectDatabase, setUpZone, tempDir, testCore } from '../support/core-harness';

const quiet = () => ({ out: { write: () => true }, progress: { write: () => true }, openCore: (o: { dataDir: string }) => testCore(o.dataDir), workstation: 'test' });

describe('restoring an older backup', () => {
  it('migrates it forward to this program’s schema, after verifying it at its own version', async () => {
    const latest = latestVersion(loadMigrations());
    const root = tempDir('udc-old-');
    const key = randomBytes(32);
    const older = loadMigrations().filter((m) => m.version < latest);
    const store = Store.over(openDatabase(path.join(root, 'archivio.db'), key, { create: true, migrations: older }));
    const recoveryKey = newRecoveryKey();
    const userId = uuidv7();
    writeKeyFile(
      path.join(root, 'chiavi.json'),
      withUserEntry(newKeyFile(uuidv7(), await wrapKey(key, recoveryKey, 'recovery', RECOVERY_KDF)), userId, 'admin', await wrapKey(key, ADMIN.password, userId, TEST_KDF)),
    );
    store.writer.record({ userId, username: 'admin', profile: 'amministratore', workstation: 'vecchia' }, { log: 'admin', action: 'auth.login' });
    const folder = tempDir('udc-old-backups-');
    const made = await createBackup({ store, key, dir: new DataDir(root) }, folder, new Date());
    store.close();

    const target = path.join(tempDir('udc-old-target-'), 'dati');
    const recoveryFile = path.join(folder, '..', `${path.basename(folder)}-recupero.txt`);
    fs.writeFileSync(recoveryFile, `${recoveryKey}\n`);
    expect(await restoreCommand(['--data-dir', target, '--from', made.path, '--recovery-key-file', recoveryFile], quiet())).toBe(0);
    const db = await inspectDatabase(target, 'admin', ADMIN.password);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latest);
      const last = db.prepare('SELECT action, detail FROM admin_log ORDER BY seq DESC LIMIT 1').get() as { action: string; detail: string };
      expect(last.action).toBe('backup.restore');
      expect(last.detail).toContain(`dalla struttura n. ${latest - 1}`);
    } finally {
      db.close();
    }
  });
});

describe('the automatic backup', () => {
  it('runs when due while the database is open, once, and rotates', async () => {
    let ticks = 0;
    const now = () => Date.parse('2026-12-02T14:00:00Z');
    const { core, admin } = await setUpZone(undefined, now, { backupTimer: () => (ticks++, () => undefined) });
    try {
      expect(ticks).toBe(1);
      const folder = tempDir('udc-auto-');
      await call(admin, 'backup.saveSettings', { folder, frequency: 'daily', time: '13:00', alertAfterDays: 3 });
      expect((await call(admin, 'backup.alert', {})).show).toBe(false);
      await core.backups.tick();
      const first = await call(admin, 'backup.status', {});
      expect(first.runs[0]).toMatchObject({ kind: 'auto', outcome: 'ok' });
      expect(first.backups).toHaveLength(1);
      expect(first.nextDueAt).toBe('2026-12-03T12:00:00.000Z');
      await core.backups.tick();
      expect((await call(admin, 'backup.status', {})).backups).toHaveLength(1);
      // Two months of older backups (copies of this one under older names), then one more backup: the rotation runs.
      const made = first.backups[0]!.name;
      const names: string[] = [made];
      for (let day = '2026-10-01'; day <= '2026-11-30'; day = addDays(day, 1)) {
        const name = `udc-backup-${day.replace(/-/g, '')}-130000`;
        fs.cpSync(path.join(folder, made), path.join(folder, name), { recursive: true });
        names.push(name);
      }
      fs.mkdirSync(path.join(folder, 'altro-materiale'));
      // Another workstation's backup in the same shared folder: never rotated from here.
      const foreign = 'udc-backup-20261001-090000';
      fs.cpSync(path.join(folder, made), path.join(folder, foreign), { recursive: true });
      const foreignManifest = path.join(folder, foreign, 'manifest.json');
      fs.writeFileSync(foreignManifest, JSON.stringify({ ...(JSON.parse(fs.readFileSync(foreignManifest, 'utf8')) as object), databaseId: 'altra-postazione' }));
      const latest = await call(admin, 'backup.run', {});
      names.push(latest.name);
      const expected = backupsToKeep(names.map((n) => parseBackupName(n)!));
      expect(
        fs
          .readdirSync(folder)
          .filter((n) => n.startsWith('udc-backup-'))
          .sort(),
      ).toEqual([...expected, foreign].sort());
      expect((await call(admin, 'backup.status', {})).backups.find((b) => b.name === foreign)?.otherArchive).toBe(true);
      expect(expected.size).toBeLessThan(names.length);
      expect(fs.existsSync(path.join(folder, 'altro-materiale'))).toBe(true);
      const log = await call(admin, 'audit.list', { log: 'admin', outcome: null, username: null, beforeSeq: null, limit: 10 });
      expect(log.rows.filter((r) => r.action === 'backup.auto')).toHaveLength(1);
      expect(log.rows.filter((r) => r.action === 'backup.rotate')).toHaveLength(1);
    } finally {
      core.close();
    }
  });

  it('is not made while no one is logged in (the key is not in memory); a bad folder is refused in Italian', async () => {
    const { core, admin } = await setUpZone();
    try {
      const reply = await admin.call('backup.saveSettings', { folder: 'relativa/cartella', frequency: 'daily', time: '13:00', alertAfterDays: 3 });
      expect(reply.ok ? null : [reply.error.code, reply.error.field]).toEqual(['VALIDATION', 'folder']);
      expect(reply.ok ? '' : reply.error.message).toMatch(/percorso completo/);
      const inside = await admin.call('backup.saveSettings', { folder: path.join(core.dataDir.root, 'backup'), frequency: 'daily', time: '13:00', alertAfterDays: 3 });
      expect(inside.ok ? '' : inside.error.message).toMatch(/dentro la cartella dei dati/);
      const folder = tempDir('udc-closed-');
      await call(admin, 'backup.saveSettings', { folder, frequency: 'daily', time: '00:00', alertAfterDays: 3 });
      await call(admin, 'auth.logout', {});
      await core.backups.tick();
      expect(fs.readdirSync(folder)).toEqual([]);
    } finally {
      core.close();
    }
  });
});

describe('the audit anchor sealed in each backup', () => {
  it('shows the chains intact against the newest backup, and a cut made afterwards', async () => {
    const { core, admin, dataDir } = await setUpZone();
    const folder = tempDir('udc-anchor-');
    await call(admin, 'backup.saveSettings', { folder, frequency: 'off', time: '13:00', alertAfterDays: 3 });
    expect((await call(admin, 'backup.status', {})).anchorCheck.status).toBe('none');
    await call(admin, 'backup.run', {});
    const intact = (await call(admin, 'backup.status', {})).anchorCheck;
    expect(intact.status).toBe('ok');
    expect(intact.message).toMatch(/coerente con l’ancoraggio del backup del/);
    core.close();
    // Someone with the key cuts the administrative log back past what the backup anchored.
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const { n } = db.prepare('SELECT max(seq) AS n FROM admin_log').get() as { n: number };
    db.exec('DROP TRIGGER admin_log_no_delete');
    db.prepare('DELETE FROM admin_log WHERE seq > ?').run(n - 6);
    db.close();
    const again = testCore(dataDir);
    try {
      const conn = again.connect('test');
      await call(conn, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      const broken = (await call(conn, 'backup.status', {})).anchorCheck;
      expect(broken.status).toBe('broken');
      expect(broken.message).toMatch(/non corrisponde al backup del .*azioni amministrative: (manca|mancano|la catena è stata riscritta)/);
    } finally {
      again.close();
    }
  });
});

describe('a restore the process did not live to finish', () => {
  it('is undone at the next start: the data moved aside goes back', async () => {
    const { core, dataDir } = await setUpZone();
    core.close();
    const aside = path.join(dataDir, '.dati-sostituiti-prova');
    const staging = path.join(dataDir, '.ripristino-in-corso');
    fs.mkdirSync(aside);
    fs.mkdirSync(staging);
    for (const f of ['archivio.db', 'chiavi.json']) fs.renameSync(path.join(dataDir, f), path.join(aside, f));
    // Half of the backup had been moved in when the process died.
    fs.writeFileSync(path.join(dataDir, 'archivio.db'), 'metà di un ripristino');
    fs.writeFileSync(path.join(dataDir, 'ripristino-in-corso.json'), JSON.stringify({ aside, staging, phase: 'placing' }));
    const again = testCore(dataDir);
    try {
      const conn = again.connect('test');
      await call(conn, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      expect((await call(conn, 'users.list', {})).map((u) => u.username)).toContain(ADMIN.username);
      expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('.dati') || n.startsWith('.ripristino') || n.startsWith('ripristino'))).toEqual([]);
    } finally {
      again.close();
    }
  });
});
