import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import { backupCommand, restoreCommand, type BackupCommandDeps } from '../../electron/core/cli/backup-command';
import { seedCommand } from '../../electron/core/cli/seed-command';
import { openDatabase } from '../../electron/core/db/open';
import { BackupRepository } from '../../electron/core/db/repositories/backup.repo';
import { readManifest } from '../../electron/core/services/backup/manifest';
import type { CoreEventData } from '../../shared/contracts/events';
import { ADMIN, call, callError, filesUnder, inspectDatabase, loginAs, setUpZone, tempDir, testCore } from '../support/core-harness';
import { TODAY, personWithCf, sedeId } from '../support/cartella-fixtures';

const SENTINEL = 'SENTINELLA-BACKUP-7Q4Z';
const PDF = Buffer.from(`%PDF-1.4\n% ${SENTINEL}\n%%EOF\n`);

function digests(db: Database.Database): Map<string, string> {
  const repo = new BackupRepository(db);
  return new Map(repo.tableNames().map((t) => [t, `${repo.tableDigest(t).rows}:${repo.tableDigest(t).sha256}`]));
}

function adminRows(db: Database.Database, upTo: number): unknown[] {
  return db.prepare('SELECT * FROM admin_log WHERE seq <= ? ORDER BY seq').all(upTo);
}

const collector = () => {
  const lines: string[] = [];
  return { lines, out: { write: (t: string) => lines.push(t) } };
};

function cliDeps(out = collector().out): BackupCommandDeps {
  return { out, progress: collector().out, openCore: (o) => testCore(o.dataDir), workstation: 'test' };
}

interface Fixture {
  dataDir: string;
  folder: string;
  work: string;
  passwordFile: string;
  core: Core;
  admin: Connection;
  events: CoreEventData[];
  backupName: string;
}

let f: Fixture;

/** A zone seeded by the `seed` command, with one real (encrypted) attachment whose text is a sentinel. */
async function seededZone(): Promise<{ dataDir: string; passwordFile: string; work: string }> {
  const setup = await setUpZone();
  setup.core.close();
  const work = tempDir('udc-backup-work-');
  const passwordFile = path.join(work, 'password.txt');
  fs.writeFileSync(passwordFile, `${ADMIN.password}\n`);
  const seeded = await seedCommand(['--data-dir', setup.dataDir, '--user', ADMIN.username, '--password-file', passwordFile, '--persons', '150', '--seed', '7'], {
    openCore: (o) => testCore(o.dataDir),
    today: () => TODAY,
    out: collector().out,
  });
  expect(seeded).toBe(0);
  const core = testCore(setup.dataDir);
  const { conn: as } = await loginAs(core, 'demo.as.narni', ADMIN.password);
  const p = await call(as, 'persons.create', personWithCf({ cognome: SENTINEL.slice(0, 10), nome: 'Teresa', sesso: 'F', dataNascita: '1968-10-10' }));
  const { caseId } = await call(as, 'cases.open', { personId: p.person.id, sedeId: await sedeId(as, 'Narni'), area: 'famiglia_minori', problematiche: [], apertaIl: TODAY });
  const { sendUpload } = await import('../support/core-harness');
  await call(as, 'attachments.upload', { caseId, nomeFile: 'relazione.pdf', descrizione: '', uploadId: await sendUpload(as, PDF) });
  core.close();
  return { dataDir: setup.dataDir, passwordFile, work };
}

beforeAll(async () => {
  const { dataDir, passwordFile, work } = await seededZone();
  const folder = path.join(work, 'backup');
  const events: CoreEventData[] = [];
  const core = testCore(dataDir);
  const admin = core.connect('test', (e) => events.push(e));
  await call(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const status = await call(admin, 'backup.saveSettings', { folder, frequency: 'daily', time: '13:00', alertAfterDays: 3 });
  expect(status.configured).toBe(true);
  const made = await call(admin, 'backup.run', {});
  f = { dataDir, folder, work, passwordFile, core, admin, events, backupName: made.name };
}, 120_000);

afterAll(() => f.core.close());

describe('backup', () => {
  it('is one folder named only by date and time, made with progress events', async () => {
    expect(f.backupName).toMatch(/^udc-backup-\d{8}-\d{6}$/);
    const progress = f.events.filter((e): e is Extract<CoreEventData, { type: 'progress' }> => e.type === 'progress' && e.task === 'backup');
    expect(progress.length).toBeGreaterThan(5);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
    const last = progress.at(-1)!;
    expect(last.done).toBe(last.total);
    const dir = path.join(f.folder, f.backupName);
    expect(fs.readdirSync(dir).sort()).toEqual(['allegati', 'archivio.db', 'chiavi.json', 'manifest.json']);
    expect(fs.readdirSync(path.join(dir, 'allegati'))).toHaveLength(1);
    // Nothing half-written is left beside it.
    expect(fs.readdirSync(f.folder)).toEqual([f.backupName]);
  });

  it('stays encrypted: no plaintext header, the sentinel in no file of the backup', () => {
    const dir = path.join(f.folder, f.backupName);
    expect(fs.readFileSync(path.join(dir, 'archivio.db')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    for (const file of filesUnder(dir)) expect(fs.readFileSync(file).includes(SENTINEL), file).toBe(false);
    // The manifest says what anyone may read (version, files) and seals the rest.
    const manifest = readManifest(dir)!;
    expect(JSON.stringify(manifest)).not.toMatch(/persons|admin_log/);
  });

  it('does not open without the key, nor with another key', async () => {
    const file = path.join(f.folder, f.backupName, 'archivio.db');
    const bare = new Database(file, { readonly: true });
    expect(() => bare.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    bare.close();
    expect(() => openDatabase(file, randomBytes(32))).toThrow(/non si apre con questa chiave/);
    const wrong = path.join(f.work, 'sbagliata.txt');
    fs.writeFileSync(wrong, 'Password-Sbagliata-2026\n');
    const target = path.join(f.work, 'ripristino-sbagliato');
    await expect(
      restoreCommand(['--data-dir', target, '--from', path.join(f.folder, f.backupName), '--password-file', wrong, '--user', ADMIN.username], cliDeps()),
    ).rejects.toThrow(/non aprono questo backup/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('restores by the CLI into an empty folder with identical per-table hashes', async () => {
    const target = path.join(f.work, 'ripristinato');
    const { lines, out } = collector();
    const code = await restoreCommand(['--data-dir', target, '--from', path.join(f.folder, f.backupName, 'manifest.json'), '--password-file', f.passwordFile], cliDeps(out));
    expect(code).toBe(0);
    expect(lines.join('')).toMatch(/ripristinato in/);
    expect(fs.readdirSync(target).sort()).toEqual(['allegati', 'archivio.db', 'chiavi.json', 'impostazioni-backup.json']);
    const source = await inspectDatabase(f.dataDir, ADMIN.username, ADMIN.password);
    const restored = await inspectDatabase(target, ADMIN.username, ADMIN.password);
    try {
      const a = digests(source);
      const b = digests(restored);
      expect([...b.keys()]).toEqual([...a.keys()]);
      expect(a.get('persons')).toMatch(/^15\d:/);
      // meta is the workstation's own: a restored archive is marked to take a new sync node id.
      for (const [table, digest] of a) if (table !== 'admin_log' && table !== 'meta') expect(b.get(table), table).toBe(digest);
      expect(restored.prepare(`SELECT value FROM meta WHERE key = 'node_home'`).get()).toEqual({ value: 'ripristinato' });
      // The admin log is the backup's, then the restore itself.
      const head = (restored.prepare('SELECT max(seq) AS n FROM admin_log').get() as { n: number }).n;
      expect(adminRows(restored, head - 1)).toEqual(adminRows(source, head - 1));
      expect(restored.prepare('SELECT action FROM admin_log WHERE seq = ?').get(head)).toEqual({ action: 'backup.restore' });
    } finally {
      source.close();
      restored.close();
    }
    // The restored folder opens in the program, its attachment included, its chains intact.
    const core = testCore(target);
    try {
      const conn = core.connect('test');
      await call(conn, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      const report = await call(conn, 'audit.verify', {});
      expect(report.data.ok && report.admin.ok).toBe(true);
      expect(report.admin.anchor.status).toBe('ok');
    } finally {
      core.close();
    }
    // Never over existing data.
    await expect(restoreCommand(['--data-dir', target, '--from', path.join(f.folder, f.backupName), '--password-file', f.passwordFile], cliDeps())).rejects.toThrow(/non è vuota/);
  });

  it('is made by the CLI backup command, which prints its path', async () => {
    const to = path.join(f.work, 'cli-backup');
    const { lines, out } = collector();
    const code = await backupCommand(['--data-dir', f.dataDir, '--user', ADMIN.username, '--password-file', f.passwordFile, '--to', to], cliDeps(out));
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const printed = lines[0]!.trim();
    expect(path.dirname(printed)).toBe(to);
    expect(path.basename(printed)).toMatch(/^udc-backup-\d{8}-\d{6}(-\d+)?$/);
    expect(readManifest(printed)).not.toBeNull();
  });

  it('refuses a backup whose files were altered, and one made by a newer program, in Italian', async () => {
    const copy = path.join(f.work, 'alterato', f.backupName);
    fs.cpSync(path.join(f.folder, f.backupName), copy, { recursive: true });
    const attachment = filesUnder(path.join(copy, 'allegati'))[0]!;
    const bytes = fs.readFileSync(attachment);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 1;
    fs.writeFileSync(attachment, bytes);
    const deps = cliDeps();
    await expect(restoreCommand(['--data-dir', path.join(f.work, 'r1'), '--from', copy, '--password-file', f.passwordFile], deps)).rejects.toThrow(
      /è diverso da quello registrato/,
    );

    const newer = path.join(f.work, 'nuovo', f.backupName);
    fs.cpSync(path.join(f.folder, f.backupName), newer, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(newer, 'manifest.json'), 'utf8')) as { schemaVersion: number };
    manifest.schemaVersion = 999;
    fs.writeFileSync(path.join(newer, 'manifest.json'), JSON.stringify(manifest));
    await expect(restoreCommand(['--data-dir', path.join(f.work, 'r2'), '--from', newer, '--password-file', f.passwordFile], deps)).rejects.toThrow(
      /versione più recente del programma/,
    );
    expect(fs.existsSync(path.join(f.work, 'r1'))).toBe(false);
    expect(fs.existsSync(path.join(f.work, 'r2'))).toBe(false);
  });

  it('restores in the program after a safety backup; every session ends; later changes are gone', async () => {
    const { conn: as } = await loginAs(f.core, 'demo.as.narni', `${ADMIN.password}-nuova1`);
    const later = await call(as, 'persons.create', personWithCf({ cognome: 'Dopo', nome: 'Il Backup', sesso: 'M', dataNascita: '1970-01-01' }));
    const before = (await call(f.admin, 'backup.status', {})).backups.length;
    const nodeIds = async () => {
      const db = await inspectDatabase(f.dataDir, ADMIN.username, ADMIN.password);
      try {
        return Object.fromEntries(
          (db.prepare(`SELECT key, value FROM meta WHERE key IN ('node_id', 'node_copied_from')`).all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
        );
      } finally {
        db.close();
      }
    };
    const liveNode = (await nodeIds()).node_id;
    const wrong = await callError(f.admin, 'backup.restore', {
      name: f.backupName,
      credentials: { kind: 'password', username: ADMIN.username, password: 'Non-la-password-1' },
      confirm: true,
    });
    expect(wrong.code).toBe('WRONG_CREDENTIALS');
    // Refused before anything was copied: no safety backup for a wrong password, the refusal in the admin log.
    expect((await call(f.admin, 'backup.status', {})).backups).toHaveLength(before);
    const refused = await call(f.admin, 'audit.list', { log: 'admin', outcome: 'denied', username: null, beforeSeq: null, limit: 5 });
    expect(refused.rows.some((r) => r.action === 'backup.restore')).toBe(true);
    const result = await call(f.admin, 'backup.restore', {
      name: f.backupName,
      credentials: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
      confirm: true,
    });
    expect(result.restoredFrom).toBe(f.backupName);
    expect(result.safetyBackup).toMatch(/^udc-backup-/);
    expect((await callError(as, 'persons.get', { id: later.person.id })).code).toBe('NOT_AUTHENTICATED');
    expect((await callError(f.admin, 'backup.status', {})).code).toBe('NOT_AUTHENTICATED');
    const { conn: back } = await loginAs(f.core, 'demo.as.narni', `${ADMIN.password}-nuova1`);
    expect((await callError(back, 'persons.get', { id: later.person.id })).code).toBe('NOT_FOUND');
    await call(f.admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    // For sync the restored archive is a new workstation (its old id may have shipped later segments).
    const restoredNode = await nodeIds();
    expect(restoredNode.node_id).toMatch(/^[0-9a-f]{16}$/);
    expect(restoredNode.node_id).not.toBe(liveNode);
    expect(restoredNode.node_copied_from).toBe(liveNode);
    const status = await call(f.admin, 'backup.status', {});
    expect(status.backups.map((b) => b.name)).toEqual(expect.arrayContaining([f.backupName, result.safetyBackup!]));
    expect(fs.readdirSync(f.dataDir).filter((n) => n.startsWith('.dati-sostituiti') || n.startsWith('.ripristino'))).toEqual([]);
    const report = await call(f.admin, 'audit.verify', {});
    expect(report.admin.ok && report.data.ok).toBe(true);
    const log = await call(f.admin, 'audit.list', { log: 'admin', outcome: null, username: null, beforeSeq: null, limit: 20 });
    expect(log.rows.some((r) => r.action === 'backup.restore' && r.outcome === 'ok')).toBe(true);
  });
});

describe('a restore interrupted half-way', () => {
  it('leaves the current data as it was', async () => {
    const { dataDir } = await setUpZone().then((s) => (s.core.close(), s));
    const folder = tempDir('udc-backup-half-');
    const core = testCore(dataDir, undefined, {
      onRestoreStep: (step) => {
        if (step === 'aside') throw new Error('interruzione simulata');
      },
    });
    try {
      const admin = core.connect('test');
      await call(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      await call(admin, 'backup.saveSettings', { folder, frequency: 'off', time: '13:00', alertAfterDays: 3 });
      const made = await call(admin, 'backup.run', {});
      await call(admin, 'users.create', { username: 'dopo.backup', fullName: 'Creato Dopo', profile: 'amministrativo', password: 'Provvisoria-2026', sedeId: null });
      const before = fs.readFileSync(path.join(dataDir, 'chiavi.json'), 'utf8');
      const reply = await admin.call('backup.restore', { name: made.name, credentials: { kind: 'password', username: ADMIN.username, password: ADMIN.password }, confirm: true });
      expect(reply.ok ? 'ok' : reply.error.message).toMatch(/rimessi al loro posto/);
      expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('.dati-sostituiti') || n.startsWith('.ripristino') || n.startsWith('ripristino'))).toEqual([]);
      const keyFile = JSON.parse(fs.readFileSync(path.join(dataDir, 'chiavi.json'), 'utf8')) as { users: Record<string, { username: string }> };
      expect(Object.values(keyFile.users).map((u) => u.username)).toContain('dopo.backup');
      expect((JSON.parse(before) as typeof keyFile).users).toEqual(keyFile.users);
      await call(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      expect((await call(admin, 'users.list', {})).map((u) => u.username)).toContain('dopo.backup');
    } finally {
      core.close();
    }
  });
});
