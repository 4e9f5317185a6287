import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BACKUP_FREQUENCIES, BackupRun, type BackupRunData, type BackupSettingsData } from '../../../../shared/contracts/backup';
import { atomicWrite } from '../../files/atomic-write';

/** How many past runs the file keeps for the screen. */
const KEPT_RUNS = 30;

const SettingsFileSchema = z.object({
  format: z.literal('udc-backup-settings'),
  version: z.literal(1),
  folder: z.string(),
  frequency: z.enum(BACKUP_FREQUENCIES),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  alertAfterDays: z.number().int().min(1).max(60),
  /** When a folder was first chosen: the "no backup for N days" count starts here until one succeeds. */
  configuredAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  runs: z.array(BackupRun),
  /**
   * When this folder's data were last replaced by a restore: backups made before belong to the
   * data that was replaced, and their audit anchors are not this archive's to be checked against.
   */
  restoredAt: z.string().nullable().default(null),
});
export type BackupSettingsFile = z.infer<typeof SettingsFileSchema>;

/** Daily at lunchtime, when office PCs are on and no one is typing much. */
export const DEFAULT_SETTINGS: BackupSettingsFile = {
  format: 'udc-backup-settings',
  version: 1,
  folder: '',
  frequency: 'daily',
  time: '13:00',
  alertAfterDays: 3,
  configuredAt: null,
  lastSuccessAt: null,
  runs: [],
  restoredAt: null,
};

/**
 * impostazioni-backup.json in the data folder: this workstation's backup settings and recent results. A file
 * and not a table: the folder is a path of this PC (another sede's PC has its own), and the
 * record of the last success must be readable while the database is closed. No personal data.
 */
export class BackupSettingsStore {
  readonly file: string;

  constructor(root: string) {
    this.file = path.join(root, 'impostazioni-backup.json');
  }

  read(): BackupSettingsFile {
    try {
      const parsed = SettingsFileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      // A damaged file falls back to the defaults: the banner then asks to choose the folder again.
      return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }

  save(settings: BackupSettingsData, at: string): BackupSettingsFile {
    const current = this.read();
    const next: BackupSettingsFile = { ...current, ...settings, configuredAt: current.configuredAt && current.folder === settings.folder ? current.configuredAt : at };
    atomicWrite(this.file, `${JSON.stringify(next, null, 2)}\n`);
    return next;
  }

  markRestored(at: string): void {
    atomicWrite(this.file, `${JSON.stringify({ ...this.read(), restoredAt: at }, null, 2)}\n`);
  }

  addRun(run: BackupRunData): BackupSettingsFile {
    const current = this.read();
    const next: BackupSettingsFile = {
      ...current,
      lastSuccessAt: run.outcome === 'ok' ? run.at : current.lastSuccessAt,
      runs: [run, ...current.runs].slice(0, KEPT_RUNS),
    };
    atomicWrite(this.file, `${JSON.stringify(next, null, 2)}\n`);
    return next;
  }
}
