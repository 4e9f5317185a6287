import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/domain/errors';
import { backupBaseName } from '../../../../shared/domain/backup-rotation';
import type { DataDir } from '../../data-dir';
import type { TableDigest } from '../../db/repositories/backup.repo';
import { signAnchor } from '../../keys/audit-anchor';
import { readKeyFile, withAnchors } from '../../keys/keyfile';
import { atomicWrite } from '../../files/atomic-write';
import { loadMigrations } from '../../db/migrations';
import { openDatabase } from '../../db/open';
import { Store } from '../../store';
import { APP_VERSION } from '../../version';
import { copyHashed, hashFile, syncDir, yieldToEventLoop } from './file-copy';
import { BACKUP_ATTACHMENTS_DIR, BACKUP_DB_FILE, BACKUP_KEY_FILE, MANIFEST_FILE, sealManifest, type BackupFileEntry } from './manifest';

/** `progress(done, total, label)`: the core turns it into `progress` events for the asking window. */
export type ProgressReport = (done: number, total: number, label: string) => void;

export interface BackupSource {
  store: Store;
  key: Buffer;
  dir: DataDir;
}

export interface MadeBackup {
  name: string;
  path: string;
  sizeBytes: number;
  tables: number;
  attachments: number;
}

/** A name for now that no backup in the folder has yet (two in one second get -2, -3…). */
function freshName(folder: string, at: Date): string {
  const base = backupBaseName(at);
  for (let n = 1; n < 1000; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
  throw new AppError('CONFLICT', 'Troppi backup nello stesso secondo: riprova tra poco.');
}

function attachmentFiles(dir: DataDir): string[] {
  const folder = path.join(dir.root, BACKUP_ATTACHMENTS_DIR);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.udca'))
    .sort();
}

/** Errors of the disk and of the folder in the words of the office. */
export function folderError(error: unknown, folder: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC')
    return new AppError('DISK_FULL', 'Spazio esaurito nella cartella dei backup: il backup non è stato fatto e i dati sono intatti. Libera spazio o scegli un’altra cartella.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError('READ_ONLY', `Non posso scrivere nella cartella dei backup (${folder}): controlla i permessi, o che il disco o la condivisione di rete siano collegati.`);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('NOT_FOUND', `La cartella dei backup non esiste più (${folder}): ricollega il disco o scegline un’altra.`);
  return new AppError('INTERNAL', 'Il backup non è riuscito per un errore del disco: i dati sono intatti. Riprova; se si ripete, rivolgiti all’assistenza informatica.');
}

/**
 * One backup = one folder named only by its date and time, built under a temporary name and
 * renamed at the end (a failure leaves no half backup): the database copied by `VACUUM INTO`
 * (a consistent snapshot, encrypted with the same key), the attachments (already encrypted),
 * the key file with the copy's own audit anchor, and a manifest sealed with the database key
 * holding every table's row count and digest and both chains' heads.
 */
export async function createBackup(source: BackupSource, folder: string, at: Date, progress: ProgressReport = () => undefined): Promise<MadeBackup> {
  const attachments = attachmentFiles(source.dir);
  const tableCount = source.store.backup.tableNames().length;
  const total = 2 + tableCount + attachments.length;
  let done = 0;
  const step = (label: string) => progress(++done, total, label);
  progress(0, total, 'Copia dell’archivio cifrato');
  let tmp: string | null = null;
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const name = freshName(folder, at);
    tmp = path.join(folder, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
    fs.mkdirSync(tmp, { mode: 0o700 });
    const dbCopy = path.join(tmp, BACKUP_DB_FILE);
    // Rows still waiting in the audit batch belong in the copy.
    source.store.writer.flushAudit();
    source.store.backup.vacuumInto(dbCopy);
    step('Archivio copiato; controllo delle tabelle');
    await yieldToEventLoop();

    // Opened at its own version: the copy is what the live database is, never migrated here.
    const liveVersion = source.store.backup.schemaVersion();
    const copy = Store.over(openDatabase(dbCopy, source.key, { migrations: loadMigrations().filter((m) => m.version <= liveVersion) }));
    let tables: TableDigest[] = [];
    let schemaVersion: number;
    let anchor;
    try {
      schemaVersion = copy.backup.schemaVersion();
      for (const table of copy.backup.tableNames()) {
        tables.push(copy.backup.tableDigest(table));
        step(`Tabelle controllate: ${tables.length} di ${tableCount}`);
        await yieldToEventLoop();
      }
      anchor = signAnchor(source.key, { data: copy.audit.head('data'), admin: copy.audit.head('admin'), at: at.toISOString() });
    } finally {
      copy.close();
    }
    tables = tables.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const leftover of [`${dbCopy}-wal`, `${dbCopy}-shm`]) fs.rmSync(leftover, { force: true });

    const files: BackupFileEntry[] = [];
    files.push({ path: BACKUP_DB_FILE, ...(await hashFile(dbCopy)) });
    if (attachments.length > 0) fs.mkdirSync(path.join(tmp, BACKUP_ATTACHMENTS_DIR), { mode: 0o700 });
    let copied = 0;
    for (const file of attachments) {
      const from = path.join(source.dir.root, BACKUP_ATTACHMENTS_DIR, file);
      const rel = `${BACKUP_ATTACHMENTS_DIR}/${file}`;
      try {
        files.push({ path: rel, ...(await copyHashed(from, path.join(tmp, BACKUP_ATTACHMENTS_DIR, file))) });
      } catch (error) {
        // Removed since the listing (a replaced upload): the database copy no longer names it either.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      step(`Allegati copiati: ${++copied} di ${attachments.length}`);
    }
    if (attachments.length > 0) syncDir(path.join(tmp, BACKUP_ATTACHMENTS_DIR));

    // The key file as it is now, anchored at the copy's own heads: a restore opens consistent.
    const keyFile = withAnchors(readKeyFile(source.dir.keyFile), [anchor]);
    const keyFilePath = path.join(tmp, BACKUP_KEY_FILE);
    atomicWrite(keyFilePath, `${JSON.stringify(keyFile, null, 2)}\n`);
    files.push({ path: BACKUP_KEY_FILE, ...(await hashFile(keyFilePath)) });

    const header = {
      format: 'udc-backup' as const,
      version: 1 as const,
      createdAt: at.toISOString(),
      appVersion: APP_VERSION,
      schemaVersion,
      databaseId: keyFile.databaseId,
      files,
    };
    atomicWrite(path.join(tmp, MANIFEST_FILE), `${JSON.stringify(sealManifest(source.key, header, { tables, anchor }), null, 2)}\n`);
    syncDir(tmp);
    const target = path.join(folder, name);
    fs.renameSync(tmp, target);
    tmp = null;
    syncDir(folder);
    step('Backup completato');
    return { name, path: target, sizeBytes: files.reduce((n, f) => n + f.size, 0), tables: tables.length, attachments: files.length - 2 };
  } catch (error) {
    throw folderError(error, folder);
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
