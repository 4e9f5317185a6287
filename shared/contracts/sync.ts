import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Empty, text } from './common';

export const SYNC_STATES = ['off', 'unpaired', 'revoked', 'ready'] as const;

export const SYNC_STATE_LABELS: Record<(typeof SYNC_STATES)[number], string> = {
  off: 'Non attiva',
  unpaired: 'Da abbinare',
  revoked: 'Revocata',
  ready: 'Attiva',
};

export const SYNC_INTERVAL_DEFAULT_MIN = 5;

const NodeId = z.string().regex(/^[0-9a-f]{16}$/, { error: 'Postazione non valida: sceglila dall’elenco.' });

export const SyncNodeStatus = z.object({
  node: z.string(),
  label: z.string(),
  self: z.boolean(),
  pairedAt: z.string(),
  pairedBy: z.string(),
  revokedAt: z.string().nullable(),
  /** The last of its segments this node applied (0: none yet). */
  appliedSeq: z.number(),
  /** The highest segment number of it in the folder, or null when the folder was not read. */
  folderSeq: z.number().nullable(),
  /** When its last applied segment was written (by its own clock). */
  lastSeenAt: z.string().nullable(),
  /** How far its clock was ahead of this one, in seconds, at its last segment. */
  driftSeconds: z.number().nullable(),
  state: z.enum(['questa', 'aggiornata', 'in_attesa', 'mai_vista', 'revocata']),
});

export const SyncReportSummary = z.object({
  at: z.string(),
  outcome: z.enum(['ok', 'error']),
  sent: z.number(),
  received: z.number(),
  applied: z.number(),
  rejected: z.number(),
  message: z.string(),
});
export type SyncReportSummaryData = z.infer<typeof SyncReportSummary>;

/** Share of a table's active records a batch from another workstation may archive before a person confirms. */
export const ARCHIVE_GUARD_DEFAULT_PCT = 10;
export const ARCHIVE_GUARD_DEFAULT_MIN_ROWS = 20;

export const SyncArchiveGuard = z.object({ sharePct: z.number(), minRows: z.number() });

/** A batch held for an administrator: counts only ("312 cartelle su 1.204"), never a name. */
export const SyncHold = z.object({ node: z.string(), label: z.string(), seq: z.number(), at: z.string(), message: z.string() });

/** A node whose stream stopped because an administrator refused one of its batches. */
export const SyncStopped = z.object({ node: z.string(), label: z.string(), seq: z.number(), message: z.string() });

/** A refused segment, from the sync log beside the database (no personal data). */
export const SyncRejection = z.object({ at: z.string(), node: z.string(), label: z.string(), seq: z.number(), reason: z.string(), message: z.string() });

export const SyncStatus = z.object({
  state: z.enum(SYNC_STATES),
  node: z.string(),
  folder: z.string(),
  intervalMin: z.number(),
  /** This node's fingerprint (zone key + its public key), as shown when it was paired. */
  fingerprint: z.string().nullable(),
  nodes: z.array(SyncNodeStatus),
  lastReport: SyncReportSummary.nullable(),
  running: z.boolean(),
  openConflicts: z.number(),
  /** What stops sync (copied folder, revoked, newer program, clock), or null. */
  blocking: z.string().nullable(),
  archiveGuard: SyncArchiveGuard,
  holds: z.array(SyncHold),
  stopped: z.array(SyncStopped),
  /** The newest refusals first. */
  rejections: z.array(SyncRejection),
  /** The banner of Home and the app bar: a batch to confirm, folder unreachable or sync stopped; null when all is well. */
  banner: z.string().nullable(),
});
export type SyncStatusData = z.infer<typeof SyncStatus>;

export const SyncSettingsFields = z.strictObject({
  folder: text('Cartella di sincronizzazione', 500),
  intervalMin: z
    .number({ error: 'Intervallo: indica un numero di minuti.' })
    .int({ error: 'Intervallo: un numero intero di minuti.' })
    .min(1, { error: 'Intervallo: almeno 1 minuto.' })
    .max(240, { error: 'Intervallo: al massimo 240 minuti.' }),
});

export const ArchiveGuardFields = z.strictObject({
  sharePct: z
    .number({ error: 'Quota: indica una percentuale.' })
    .int({ error: 'Quota: una percentuale intera.' })
    .min(1, { error: 'Quota: almeno 1%.' })
    .max(100, { error: 'Quota: al massimo 100%.' }),
  minRows: z
    .number({ error: 'Soglia: indica un numero di schede.' })
    .int({ error: 'Soglia: un numero intero.' })
    .min(1, { error: 'Soglia: almeno 1.' })
    .max(1_000_000, { error: 'Soglia: al massimo 1.000.000.' }),
});

/** The batch the administrator saw: a different one under the same node is asked again. */
const HoldChoice = z.strictObject({ node: NodeId, seq: z.number({ error: 'Pacchetto non valido.' }).int().min(1).max(Number.MAX_SAFE_INTEGER) });

export const PairingMade = z.object({ file: z.string(), snapshotDir: z.string(), node: z.string(), fingerprint: z.string() });

/** The task name of the `progress` events of a sync cycle and of a pairing. */
export const SYNC_TASK = 'sync';

/**
 * Sync between workstations (DESIGN §6): setting it up, pairing and revoking are the
 * administrator's; every unlocked user sees its state and may start a cycle.
 */
export const syncContract = {
  'sync.status': channel(Empty, SyncStatus, 'session'),
  'sync.runNow': channel(Empty, SyncReportSummary, 'session'),
  'sync.setFolder': channel(SyncSettingsFields, SyncStatus, 'sync.manage'),
  'sync.enable': channel(z.strictObject({ label: text('Nome della postazione', 80) }), SyncStatus, 'sync.manage'),
  'sync.createPairing': channel(
    z.strictObject({
      label: text('Nome della nuova postazione', 80),
      passphrase: z.string({ error: 'Frase segreta: campo obbligatorio.' }).max(200, { error: 'Frase segreta: al massimo 200 caratteri.' }),
      folder: text('Cartella dove salvare il file di abbinamento', 500),
    }),
    PairingMade,
    'sync.manage',
  ),
  'sync.revoke': channel(z.strictObject({ node: NodeId }), SyncStatus, 'sync.manage'),
  'sync.setArchiveGuard': channel(ArchiveGuardFields, SyncStatus, 'sync.manage'),
  'sync.confirmHold': channel(HoldChoice, SyncStatus, 'sync.manage'),
  'sync.refuseHold': channel(HoldChoice, SyncStatus, 'sync.manage'),
};

export const syncFeature = defineFeature('sync', { prefixes: ['sync'], channels: syncContract });
