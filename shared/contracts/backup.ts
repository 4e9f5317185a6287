import { z } from 'zod';
import { BACKUP_NAME_RE } from '../domain/backup-rotation';
import { channel, defineFeature } from './define';
import { AnyPassword, Empty, Username, text } from './common';

export const BACKUP_FREQUENCIES = ['daily', 'weekly', 'off'] as const;
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<BackupFrequency, string> = {
  daily: 'Ogni giorno',
  weekly: 'Ogni settimana',
  off: 'Solo a mano',
};

/** What the administrator sets for this workstation (Impostazioni → Backup). */
export const BackupSettingsFields = z.strictObject({
  /** Absolute path of the folder (a second disk, a network share): the core checks it can write there. */
  folder: text('Cartella dei backup', 500),
  frequency: z.enum(BACKUP_FREQUENCIES, { error: 'Frequenza: scegli ogni giorno, ogni settimana o solo a mano.' }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Ora del backup: usa il formato hh:mm (es. 13:30).' }),
  alertAfterDays: z
    .number({ error: 'Giorni prima dell’avviso: indica un numero.' })
    .int({ error: 'Giorni prima dell’avviso: un numero intero.' })
    .min(1, { error: 'Giorni prima dell’avviso: almeno 1.' })
    .max(60, { error: 'Giorni prima dell’avviso: al massimo 60.' }),
});
export type BackupSettingsData = z.infer<typeof BackupSettingsFields>;

export const BackupRun = z.object({
  at: z.string(),
  kind: z.enum(['auto', 'manual', 'cli', 'safety']),
  outcome: z.enum(['ok', 'error']),
  name: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  message: z.string(),
});
export type BackupRunData = z.infer<typeof BackupRun>;

export const BackupEntry = z.object({
  name: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number(),
  schemaVersion: z.number(),
  appVersion: z.string(),
  /** Why it cannot be restored here (newer program, unreadable manifest), or null. */
  problem: z.string().nullable(),
  /** Made from another archive (another workstation sharing the folder): never rotated from here. */
  otherArchive: z.boolean(),
});
export type BackupEntryData = z.infer<typeof BackupEntry>;

/** The Home banner: shown when no backup succeeded for the configured number of days. */
export const BackupAlert = z.object({ show: z.boolean(), message: z.string() });
export type BackupAlertData = z.infer<typeof BackupAlert>;

export const BackupStatus = z.object({
  settings: BackupSettingsFields.extend({ folder: z.string() }),
  configured: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  runs: z.array(BackupRun),
  nextDueAt: z.string().nullable(),
  running: z.boolean(),
  alert: BackupAlert,
  backups: z.array(BackupEntry),
  /** Why the list could not be read (folder missing, share offline), or null. */
  folderProblem: z.string().nullable(),
  /** The audit chains now against the anchor sealed in the newest backup of this archive. */
  anchorCheck: z.object({ status: z.enum(['ok', 'broken', 'none']), message: z.string() }),
});
export type BackupStatusData = z.infer<typeof BackupStatus>;

export const BackupMade = z.object({ name: z.string(), sizeBytes: z.number(), tables: z.number(), attachments: z.number() });

/** Opening a backup takes what unlocking takes: an account of the backup and its password, or the recovery key. */
export const BackupCredentials = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('password'), username: Username, password: AnyPassword }),
  z.strictObject({ kind: z.literal('recovery'), recoveryKey: text('Chiave di recupero', 200) }),
]);
export type BackupCredentialsData = z.infer<typeof BackupCredentials>;

export const BackupName = z.string().regex(BACKUP_NAME_RE, { error: 'Backup non valido: scegline uno dall’elenco.' });

export const RestoreResult = z.object({
  restoredFrom: z.string(),
  createdAt: z.string(),
  /** Schema version of the backup when it was older than the program, migrated forward; else null. */
  migratedFrom: z.number().nullable(),
  safetyBackup: z.string().nullable(),
});

/** The task name of the `progress` events a backup or a restore sends. */
export const BACKUP_TASK = 'backup';

/** Backups of this workstation and their restore: the administrator's, audited in the admin log. */
export const backupContract = {
  'backup.status': channel(Empty, BackupStatus, 'backup.manage'),
  'backup.alert': channel(Empty, BackupAlert, 'backup.manage'),
  'backup.saveSettings': channel(BackupSettingsFields, BackupStatus, 'backup.manage'),
  'backup.run': channel(Empty, BackupMade, 'backup.manage'),
  'backup.restore': channel(
    z.strictObject({
      name: BackupName,
      credentials: BackupCredentials,
      confirm: z.literal(true, { error: 'Conferma di aver capito che i dati attuali saranno sostituiti.' }),
    }),
    RestoreResult,
    'backup.manage',
  ),
};

export const backupFeature = defineFeature('backup', { prefixes: ['backup'], channels: backupContract });
