import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatItalianDate, todayInRome } from '../../../shared/domain/dates';
import { createCore, type Core, type CoreOptions } from '../app';
import { DataDir } from '../data-dir';
import { Store } from '../store';
import { commitRestore } from '../services/backup/commit-restore';
import { MANIFEST_FILE } from '../services/backup/manifest';
import { BackupSettingsStore } from '../services/backup/settings-file';
import { stageRestore, type RestoreCredentials } from '../services/backup/stage-restore';
import { parseOptions, readSecretFile, required, UsageError } from './args';
import { progressLine, type ProgressStream } from './progress';
import { call, CliError, loginFromOptions } from './session';

/** What the commands reach outside themselves; tests give a fast-KDF core and a collector. */
export interface BackupCommandDeps {
  openCore: (options: CoreOptions) => Core;
  /** The result (the backup's path): alone on stdout, so a script can take it as it is. */
  out: ProgressStream;
  /** Progress lines, on stderr. */
  progress: ProgressStream;
  workstation: string;
}

const realDeps: BackupCommandDeps = { openCore: createCore, out: process.stdout, progress: process.stderr, workstation: os.hostname() };

/**
 * `backup --data-dir D --user U --password-file F --to FOLDER`: a backup made as that user (an
 * administrator), like the one of Impostazioni → Backup; prints the new backup's path.
 */
export async function backupCommand(args: string[], deps: BackupCommandDeps = realDeps): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'user', 'password-file', 'to']);
  const folder = path.resolve(required(o, 'to'));
  const core = deps.openCore({ dataDir: path.resolve(required(o, 'data-dir')) });
  const conn = core.connect('cli');
  try {
    await loginFromOptions(conn, o);
    const work = core.cliWork(conn, 'backup.manage');
    const progress = progressLine(deps.progress);
    const made = await core.backups.run(work.actor, 'cli', (done, total, label) => progress.update(`${label} (${done} di ${total})`), folder);
    progress.done();
    deps.out.write(`${made.path}\n`);
    await call(conn, 'auth.logout', {});
    return 0;
  } finally {
    conn.close();
    core.close();
  }
}

function credentialsFrom(o: Map<string, string | true>): RestoreCredentials {
  if (o.has('recovery-key-file')) return { kind: 'recovery', recoveryKey: readSecretFile(required(o, 'recovery-key-file')) };
  const password = readSecretFile(required(o, 'password-file'));
  const user = o.get('user');
  return typeof user === 'string' ? { kind: 'password', username: user.trim().toLowerCase(), password } : { kind: 'anyPassword', password };
}

/**
 * `restore --data-dir NEW --from BACKUP --password-file F [--user U] [--recovery-key-file F]`:
 * a backup restored, after every check, into an empty folder (never over existing data). Asks
 * nothing: the password (of one of the backup's accounts) or the recovery key come from files.
 */
export async function restoreCommand(args: string[], deps: BackupCommandDeps = realDeps): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'from', 'password-file', 'user', 'recovery-key-file']);
  const target = path.resolve(required(o, 'data-dir'));
  let from = path.resolve(required(o, 'from'));
  if (path.basename(from) === MANIFEST_FILE) from = path.dirname(from);
  if (!o.has('password-file') && !o.has('recovery-key-file')) throw new UsageError('Indica --password-file (una password del backup) oppure --recovery-key-file.');
  const existed = fs.existsSync(target);
  if (existed && fs.readdirSync(target).length > 0) {
    throw new CliError(`La cartella di destinazione non è vuota (${target}): il ripristino si fa solo in una cartella nuova o vuota, mai sopra dati esistenti.`);
  }
  const credentials = credentialsFrom(o);
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  const progress = progressLine(deps.progress);
  try {
    const staged = await stageRestore(from, target, credentials, {
      workstation: deps.workstation,
      progress: (done, total, label) => progress.update(`${label} (${done} di ${total})`),
    });
    progress.done();
    try {
      commitRestore(target, staged);
      new BackupSettingsStore(target).markRestored(new Date().toISOString());
      const store = Store.open(new DataDir(target).dbFile, staged.key);
      const name = path.basename(from);
      const migrated = staged.migratedFrom === null ? '' : `; archivio aggiornato dalla struttura n. ${staged.migratedFrom}`;
      try {
        const username = credentials.kind === 'password' ? credentials.username : null;
        store.writer.record(
          { userId: null, username, profile: null, workstation: deps.workstation },
          {
            log: 'admin',
            action: 'backup.restore',
            detail: `Ripristino da riga di comando del backup ${name} (del ${formatItalianDate(todayInRome(new Date(staged.manifest.createdAt)))})${migrated}`,
          },
        );
      } finally {
        store.close();
      }
      deps.out.write(`Backup ${name} ripristinato in ${target}${migrated}. Si accede con gli utenti e le password di quando il backup è stato fatto.\n`);
      return 0;
    } finally {
      staged.key.fill(0);
    }
  } catch (error) {
    progress.done();
    // A folder this command created, left empty by the failure, goes too.
    if (!existed && fs.existsSync(target) && fs.readdirSync(target).length === 0) fs.rmdirSync(target);
    throw error;
  }
}
