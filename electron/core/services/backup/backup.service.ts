import fs from 'node:fs';
import path from 'node:path';
import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import { FREQUENCY_LABELS, type BackupAlertData, type BackupRunData, type BackupSettingsData, type BackupStatusData } from '../../../../shared/contracts/backup';
import { backupsToKeep, parseBackupName, type BackupStamp } from '../../../../shared/domain/backup-rotation';
import { formatItalianDate, todayInRome } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import type { DataDir } from '../../data-dir';
import type { Actor } from '../../db/repositories/audit.repo';
import { readKeyFile } from '../../keys/keyfile';
import { Store } from '../../store';
import type { AuthService } from '../auth/auth.service';
import type { KdfGate } from '../auth/kdf-gate';
import type { Vault } from '../auth/vault';
import { commitRestore, type SwapStep } from './commit-restore';
import { createBackup, folderError, type MadeBackup, type ProgressReport } from './create-backup';
import { listBackups } from './backup-list';
import { checkAgainstNewestBackup } from './anchor-check';
import { backupAlert, isDue, nextDueAt } from './schedule';
import { BackupSettingsStore } from './settings-file';
import { stageRestore, type StagedRestore } from './stage-restore';

export interface BackupServiceDeps {
  dir: DataDir;
  vault: Vault;
  auth: AuthService;
  gate: KdfGate;
  workstation: string;
  now: () => number;
  /** Tests stop a restore half-way here, to see that the current data survives. */
  onRestoreStep?: (step: SwapStep) => void;
}

type RunKind = BackupRunData['kind'];

const sizeLabel = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('it-IT', { maximumFractionDigits: 1 })} MB`;
const dayOf = (iso: string) => formatItalianDate(todayInRome(new Date(iso)));

/**
 * Backups of this workstation: on demand (with progress), automatic (the core's timer calls
 * `tick`), rotated 7 daily / 4 weekly / 12 monthly, and restored only after the backup passed
 * every check. One at a time; every run, setting and restore is in the admin log.
 */
export class BackupService {
  private readonly settings: BackupSettingsStore;
  private running = false;

  constructor(private readonly deps: BackupServiceDeps) {
    this.settings = new BackupSettingsStore(deps.dir.root);
  }

  private systemActor(): Actor {
    return { userId: null, username: null, profile: null, workstation: this.deps.workstation };
  }

  /** This archive's id (the key file's), to tell its backups from another workstation's in a shared folder. */
  private databaseId(): string | null {
    try {
      return readKeyFile(this.deps.dir.keyFile).databaseId;
    } catch {
      return null;
    }
  }

  alert(): BackupAlertData {
    return backupAlert(this.settings.read(), this.deps.now());
  }

  status(): BackupStatusData {
    const s = this.settings.read();
    const now = this.deps.now();
    let backups: BackupStatusData['backups'] = [];
    let folderProblem: string | null = null;
    let anchorCheck: BackupStatusData['anchorCheck'] = { status: 'none', message: 'Nessun backup di questo archivio con cui confrontare il registro.' };
    if (s.folder !== '') {
      try {
        backups = listBackups(s.folder, this.databaseId());
        anchorCheck = checkAgainstNewestBackup(this.deps.vault, s.folder, backups, s.restoredAt);
      } catch (error) {
        folderProblem = folderError(error, s.folder).message;
      }
    }
    const due = nextDueAt(s, now);
    return {
      settings: { folder: s.folder, frequency: s.frequency, time: s.time, alertAfterDays: s.alertAfterDays },
      configured: s.folder !== '',
      lastSuccessAt: s.lastSuccessAt,
      runs: s.runs.slice(0, 10),
      nextDueAt: due === null ? null : new Date(due).toISOString(),
      running: this.running,
      alert: backupAlert(s, now),
      backups,
      folderProblem,
      anchorCheck,
    };
  }

  saveSettings(actor: Actor, fields: BackupSettingsData): BackupStatusData {
    const folder = path.normalize(fields.folder);
    const invalid = (message: string) => new AppError('VALIDATION', message, 'folder');
    if (!path.isAbsolute(folder)) throw invalid('Cartella dei backup: indica il percorso completo (es. D:\\Backup\\Ufficio oppure /media/backup).');
    const rel = path.relative(path.resolve(this.deps.dir.root), path.resolve(folder));
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)))
      throw invalid('Cartella dei backup: non può stare dentro la cartella dei dati (se il disco si guasta si perdono entrambi).');
    try {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const probe = path.join(folder, `.udc-prova-scrittura-${process.pid}`);
      fs.writeFileSync(probe, 'ok');
      fs.rmSync(probe, { force: true });
    } catch {
      throw invalid(
        `Cartella dei backup: non riesco a creare la cartella o a scriverci (${folder}). Controlla il percorso, i permessi e che il disco o la condivisione siano collegati.`,
      );
    }
    const saved = this.settings.save({ ...fields, folder }, new Date(this.deps.now()).toISOString());
    const when = saved.frequency === 'off' ? 'nessun backup automatico' : `${FREQUENCY_LABELS[saved.frequency].toLowerCase()} alle ${saved.time}`;
    this.deps.vault.current().writer.record(actor, {
      log: 'admin',
      action: 'backup.saveSettings',
      detail: `Cartella ${folder}; ${when}; avviso dopo ${saved.alertAfterDays} giorni senza backup`,
    });
    return this.status();
  }

  /** Called every minute by the core: an automatic backup when one is due and the database is open. */
  async tick(): Promise<void> {
    if (this.running || !this.deps.vault.isOpen) return;
    if (!isDue(this.settings.read(), this.deps.now())) return;
    try {
      await this.run(this.systemActor(), 'auto');
    } catch {
      // Recorded in impostazioni-backup.json and the admin log; the Home banner tells the administrator.
    }
  }

  /** Make a backup now, in the configured folder (or `folder`, for the CLI). */
  async run(actor: Actor, kind: RunKind, progress: ProgressReport = () => undefined, folder?: string): Promise<MadeBackup> {
    if (this.running) throw new AppError('CONFLICT', 'Un backup o un ripristino è già in corso: attendi che finisca.');
    this.running = true;
    try {
      return await this.backupNow(actor, kind, progress, folder);
    } finally {
      this.running = false;
    }
  }

  private async backupNow(actor: Actor, kind: RunKind, progress: ProgressReport, folderOverride?: string): Promise<MadeBackup> {
    const configured = this.settings.read().folder;
    const folder = folderOverride ?? configured;
    if (folder === '') throw new AppError('VALIDATION', 'Scegli prima la cartella dei backup e salva le impostazioni.', 'folder');
    const action = kind === 'auto' ? 'backup.auto' : 'backup.run';
    const at = new Date(this.deps.now());
    // A private copy of the key: a logout meanwhile wipes the vault's, not this one.
    const vaultKey = this.deps.vault.databaseKey();
    const key = Buffer.alloc(vaultKey.length);
    vaultKey.copy(key);
    let made: MadeBackup;
    try {
      made = await createBackup({ store: this.deps.vault.current(), key, dir: this.deps.dir }, folder, at, progress);
    } catch (error) {
      const shown = folderError(error, folder);
      this.settings.addRun({ at: at.toISOString(), kind, outcome: 'error', name: null, sizeBytes: null, message: shown.message });
      if (this.deps.vault.isOpen) this.deps.vault.current().writer.record(actor, { log: 'admin', action, outcome: 'error', detail: shown.message });
      throw shown;
    } finally {
      key.fill(0);
    }
    const message = `Backup ${made.name} salvato in ${folder} (${sizeLabel(made.sizeBytes)}, ${made.tables} tabelle, ${made.attachments} allegati)`;
    this.settings.addRun({ at: at.toISOString(), kind, outcome: 'ok', name: made.name, sizeBytes: made.sizeBytes, message });
    // Everyone may have logged out while the files were copied: the backup is made all the same.
    if (!this.deps.vault.isOpen) return made;
    this.deps.vault.current().writer.record(actor, { log: 'admin', action, detail: message });
    // Not after a safety backup: the rotation could remove the very backup about to be restored.
    if (folder === configured && (kind === 'auto' || kind === 'manual')) this.rotate(folder, actor);
    return made;
  }

  /** One admin-log row in the database of the data folder as it is on disk, the vault closed. */
  private recordIn(key: Buffer, actor: Actor, detail: string): void {
    try {
      const store = Store.open(this.deps.dir.dbFile, key);
      try {
        store.writer.record(actor, { log: 'admin', action: 'backup.restore', outcome: 'error', detail });
      } finally {
        store.close();
      }
    } catch {
      // The data folder's own checks at the next opening say more than this row could.
    }
  }

  /** Delete what the 7/4/12 rotation does not keep; only folders with our name and manifest. */
  private rotate(folder: string, actor: Actor): void {
    const stamps = listBackups(folder, this.databaseId())
      .filter((b) => !b.otherArchive)
      .map((b) => parseBackupName(b.name))
      .filter((s): s is BackupStamp => s !== null);
    const keep = backupsToKeep(stamps);
    const removed = stamps.filter((s) => !keep.has(s.name)).map((s) => s.name);
    for (const name of removed) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
    if (removed.length > 0) {
      this.deps.vault.current().writer.record(actor, {
        log: 'admin',
        action: 'backup.rotate',
        detail: `Backup eliminati dalla rotazione (7 giornalieri, 4 settimanali, 12 mensili): ${removed.join(', ')}`,
      });
    }
  }

  /**
   * Replace this workstation's data with a backup of the configured folder: the backup staged and
   * verified beside the data, then a safety backup of the current data, then every session ends
   * and the files are swapped (the current ones kept aside until the swap is done).
   */
  async restore(actor: Actor, input: ParsedInputOf<'backup.restore'>, progress: ProgressReport = () => undefined): Promise<OutputOf<'backup.restore'>> {
    const folder = this.settings.read().folder;
    const backupDir = path.join(folder, input.name);
    if (folder === '' || !fs.existsSync(backupDir)) throw new AppError('NOT_FOUND', 'Questo backup non è nella cartella dei backup: aggiorna l’elenco e riprova.');
    if (this.running) throw new AppError('CONFLICT', 'Un backup o un ripristino è già in corso: attendi che finisca.');
    this.running = true;
    let staged: StagedRestore | null = null;
    try {
      // The backup is opened and verified first: a wrong password or a damaged backup costs no safety copy.
      try {
        staged = await stageRestore(backupDir, this.deps.dir.root, input.credentials, {
          gate: this.deps.gate,
          workstation: this.deps.workstation,
          progress: (done, total, label) => progress(done, total * 2, label),
        });
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'INTERNAL';
        const outcome = code === 'WRONG_CREDENTIALS' || code === 'WRONG_RECOVERY_KEY' ? 'denied' : 'error';
        this.deps.vault.current().writer.record(actor, {
          log: 'admin',
          action: 'backup.restore',
          outcome,
          detail: `Ripristino del backup ${input.name} non eseguito: ${error instanceof Error ? error.message : ''}`,
        });
        throw error;
      }
      const safety = await this.backupNow(actor, 'safety', (done, total) => progress(total + done, total * 2, 'Backup di sicurezza dei dati attuali'));
      const from = `${input.name} (del ${dayOf(staged.manifest.createdAt)})`;
      this.deps.vault.current().writer.record(actor, {
        log: 'admin',
        action: 'backup.restore',
        detail: `Ripristino del backup ${from}: i dati sostituiti sono nel backup di sicurezza ${safety.name}; tutte le sessioni vengono chiuse`,
      });
      const currentKey = Buffer.from(this.deps.vault.databaseKey());
      try {
        this.deps.auth.revokeAll('Ripristino di un backup');
        commitRestore(this.deps.dir.root, staged, this.deps.onRestoreStep);
      } catch {
        // The current files are back in place (commitRestore undid the swap): say so in their log.
        this.recordIn(currentKey, actor, `Ripristino del backup ${from} interrotto: i dati attuali sono stati rimessi al loro posto`);
        throw new AppError(
          'INTERNAL',
          'Il ripristino si è interrotto prima di finire: i dati attuali sono stati rimessi al loro posto e nulla è cambiato. Accedi di nuovo e riprova.',
        );
      } finally {
        currentKey.fill(0);
      }
      this.settings.markRestored(new Date(this.deps.now()).toISOString());
      const restored = Store.open(this.deps.dir.dbFile, staged.key);
      try {
        const migrated = staged.migratedFrom === null ? '' : `; archivio aggiornato dalla struttura n. ${staged.migratedFrom}`;
        restored.writer.record(actor, {
          log: 'admin',
          action: 'backup.restore',
          detail: `Ripristinato il backup ${from}; backup di sicurezza dei dati sostituiti: ${safety.name}${migrated}`,
        });
      } finally {
        restored.close();
      }
      return { restoredFrom: input.name, createdAt: staged.manifest.createdAt, migratedFrom: staged.migratedFrom, safetyBackup: safety.name };
    } finally {
      if (staged) {
        staged.key.fill(0);
        fs.rmSync(staged.stagingDir, { recursive: true, force: true });
      }
      this.running = false;
    }
  }
}
