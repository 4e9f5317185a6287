import fs from 'node:fs';
import path from 'node:path';
import type { BackupCredentialsData } from '../../../../shared/contracts/backup';
import { AppError } from '../../../../shared/domain/errors';
import { DataDir } from '../../data-dir';
import { latestVersion } from '../../db/migrate';
import { loadMigrations } from '../../db/migrations';
import { NODE_HOME_META, RESTORED_HOME } from '../../db/node-identity';
import { openDatabase } from '../../db/open';
import { unwrapKey, PASSWORD_KDF } from '../../keys/key-wrap';
import { normaliseRecoveryKey } from '../../keys/recovery-key';
import { Store } from '../../store';
import { AuditAnchors, comparisonIsIntact } from '../audit/audit-anchors';
import { KdfGate } from '../auth/kdf-gate';
import { KeyRing } from '../auth/key-ring';
import type { ProgressReport } from './create-backup';
import { copyHashed, syncDir, yieldToEventLoop } from './file-copy';
import { BACKUP_DB_FILE, BACKUP_KEY_FILE, readManifest, unsealManifest, type BackupContent, type BackupManifest } from './manifest';

/** What opens a backup: the backup's own accounts and recovery key; the CLI may give only a password. */
export type RestoreCredentials = BackupCredentialsData | { kind: 'anyPassword'; password: string };

/** Where a restore builds the new data before it replaces anything. */
export const STAGING_DIR = '.ripristino-in-corso';

export interface StagedRestore {
  stagingDir: string;
  key: Buffer;
  manifest: BackupManifest;
  content: BackupContent;
  migratedFrom: number | null;
}

const corrupt = (why: string) => new AppError('DATABASE_CORRUPT', `Il backup non ha superato la verifica: ${why}. Nessun dato è stato sostituito.`);

/** The manifest of a backup this program can restore; refuses a missing one and one made by a newer program. */
export function restorableManifest(backupDir: string): BackupManifest {
  const manifest = readManifest(backupDir);
  if (!manifest) throw new AppError('NOT_FOUND', 'Qui non c’è un backup leggibile (manca manifest.json o non è di questo programma). Nessun dato è stato sostituito.');
  if (manifest.schemaVersion > latestVersion(loadMigrations())) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      `Questo backup è stato fatto con una versione più recente del programma (${manifest.appVersion}, struttura dei dati n. ${manifest.schemaVersion}): aggiorna il programma prima di ripristinarlo. Nessun dato è stato sostituito.`,
    );
  }
  return manifest;
}

/** The database key from the backup's own key file: a password of one of its accounts, or its recovery key. */
async function unlock(stagingDir: string, credentials: RestoreCredentials, gate: KdfGate): Promise<Buffer> {
  const ring = new KeyRing(new DataDir(stagingDir), PASSWORD_KDF, gate);
  if (credentials.kind === 'password') {
    const found = await ring.unlockWithPassword(credentials.username, credentials.password);
    if (found) return found.key;
    throw new AppError('WRONG_CREDENTIALS', 'Nome utente o password non aprono questo backup: valgono gli utenti e le password di quando è stato fatto.', 'password');
  }
  if (credentials.kind === 'recovery') {
    const normalised = normaliseRecoveryKey(credentials.recoveryKey);
    const key = normalised ? await ring.unlockWithRecoveryKey(normalised) : null;
    if (key) return key;
    throw new AppError('WRONG_RECOVERY_KEY', 'La chiave di recupero non apre questo backup: serve quella valida quando il backup è stato fatto.', 'recoveryKey');
  }
  for (const [userId, entry] of Object.entries(ring.read().users)) {
    const key = await gate.run(() => unwrapKey(entry.wrapped, credentials.password, userId));
    if (key) return key;
  }
  throw new AppError('WRONG_CREDENTIALS', 'La password non apre questo backup con nessuno dei suoi utenti.');
}

/** integrity_check, every table against the manifest, both chains walked and compared with the backup's anchor. */
function verify(stagingDir: string, key: Buffer, manifest: BackupManifest, content: BackupContent, workstation: string): void {
  const migrations = loadMigrations().filter((m) => m.version <= manifest.schemaVersion);
  const store = Store.over(openDatabase(path.join(stagingDir, BACKUP_DB_FILE), key, { migrations }));
  try {
    if (store.backup.schemaVersion() !== manifest.schemaVersion) throw corrupt('la versione della struttura dei dati non è quella del manifesto');
    const problems = store.backup.integrityProblems();
    if (problems.length > 0) throw corrupt(`il controllo di integrità dell’archivio ha trovato ${problems.length} problemi (${problems[0] ?? ''})`);
    const names = store.backup.tableNames();
    const expected = new Map(content.tables.map((t) => [t.name, t]));
    if (names.length !== expected.size || names.some((n) => !expected.has(n))) throw corrupt('le tabelle dell’archivio non sono quelle del manifesto');
    for (const name of names) {
      const digest = store.backup.tableDigest(name);
      const want = expected.get(name);
      if (!want) continue;
      if (digest.rows !== want.rows) throw corrupt(`la tabella ${name} ha ${digest.rows} righe invece delle ${want.rows} registrate`);
      if (digest.sha256 !== want.sha256) throw corrupt(`il contenuto della tabella ${name} non è quello registrato`);
    }
    for (const [log, label] of [
      ['data', 'degli accessi ai dati'],
      ['admin', 'delle azioni amministrative'],
    ] as const) {
      const walk = store.audit.verify(log);
      if (!walk.ok) throw corrupt(`il registro ${label} è interrotto alla registrazione n. ${walk.firstBroken?.seq ?? '?'}`);
    }
    const anchored = new AuditAnchors(new DataDir(stagingDir), workstation).verifyAgainst(store, key, content.anchor);
    if (!comparisonIsIntact(anchored)) throw corrupt(`il registro non corrisponde all’ancoraggio del backup (${anchored.data.message}; ${anchored.admin.message})`);
  } finally {
    store.close();
  }
}

/**
 * Copy a backup into `<root>/.ripristino-in-corso`, checking every file's hash on the way, open
 * it with the key its own key file gives for these credentials, verify it, and migrate it forward
 * if it is older. Nothing outside the staging folder is touched; on any failure it is removed.
 */
export async function stageRestore(
  backupDir: string,
  root: string,
  credentials: RestoreCredentials,
  options: { gate?: KdfGate; workstation: string; progress?: ProgressReport; onStep?: (step: 'copied' | 'verified' | 'migrated') => void },
): Promise<StagedRestore> {
  const manifest = restorableManifest(backupDir);
  const progress = options.progress ?? (() => undefined);
  const total = manifest.files.length + 3;
  let done = 0;
  const stagingDir = path.join(root, STAGING_DIR);
  fs.rmSync(stagingDir, { recursive: true, force: true });
  fs.mkdirSync(stagingDir, { recursive: true, mode: 0o700 });
  let key: Buffer | null = null;
  try {
    progress(0, total, 'Copia del backup');
    for (const file of manifest.files) {
      if (path.isAbsolute(file.path) || file.path.split('/').some((part) => part === '..' || part === '')) throw corrupt('il manifesto nomina un file fuori dal backup');
      const target = path.join(stagingDir, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      let copied;
      try {
        copied = await copyHashed(path.join(backupDir, ...file.path.split('/')), target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw corrupt(`manca il file ${file.path}`);
        throw error;
      }
      if (copied.size !== file.size || copied.sha256 !== file.sha256) throw corrupt(`il file ${file.path} è diverso da quello registrato nel manifesto`);
      progress(++done, total, `File del backup copiati e controllati: ${done} di ${manifest.files.length}`);
    }
    if (!fs.existsSync(path.join(stagingDir, BACKUP_DB_FILE)) || !fs.existsSync(path.join(stagingDir, BACKUP_KEY_FILE))) throw corrupt('mancano l’archivio o il file delle chiavi');
    syncDir(stagingDir);
    options.onStep?.('copied');
    key = await unlock(stagingDir, credentials, options.gate ?? new KdfGate());
    const content = unsealManifest(key, manifest);
    if (!content) throw corrupt('il manifesto non si apre con questa chiave o è stato alterato');
    progress(++done, total, 'Verifica dell’archivio, delle tabelle e del registro');
    await yieldToEventLoop();
    verify(stagingDir, key, manifest, content, options.workstation);
    options.onStep?.('verified');
    const latest = latestVersion(loadMigrations());
    const migratedFrom = manifest.schemaVersion < latest ? manifest.schemaVersion : null;
    progress(++done, total, migratedFrom === null ? 'Archivio verificato' : 'Aggiornamento dell’archivio alla versione del programma');
    await yieldToEventLoop();
    // The full list of migrations: an older backup is brought up to this program's schema.
    const restored = Store.over(openDatabase(path.join(stagingDir, BACKUP_DB_FILE), key));
    try {
      // For sync a restored archive is a new workstation: under its old id the live archive may
      // have shipped segments this backup never saw, and numbering them again would collide.
      restored.writer.setMeta(NODE_HOME_META, RESTORED_HOME);
    } finally {
      restored.close();
    }
    options.onStep?.('migrated');
    progress(++done, total, 'Backup pronto per il ripristino');
    return { stagingDir, key, manifest, content, migratedFrom };
  } catch (error) {
    key?.fill(0);
    fs.rmSync(stagingDir, { recursive: true, force: true });
    throw error;
  }
}
