import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { SyncHold, SyncStopped } from '../../../../shared/contracts/sync';
import { AppError } from '../../../../shared/domain/errors';
import type { DataDir } from '../../data-dir';
import type { Actor } from '../../db/repositories/audit.repo';
import type { Store } from '../../store';
import { describeCounts, type ArchiveGuardSettings } from '../../sync/archive-guard';
import { approve, holdOf, refusalOf, refuse, setGuardSettings, type Decision, type Hold } from '../../sync/hold-state';
import { listSegments } from '../../sync/sync-folder';

/** Beside the database: refused batches, kept as they came (still encrypted), named by node and number only. */
export const REFUSED_DIR = 'pacchetti-rifiutati';

const labelOf = (store: Store, node: string) => store.syncNodes.get(node)?.label ?? node;

export function holdMessage(label: string, hold: Pick<Hold, 'counts'>): string {
  return `In attesa di conferma: ${label} vorrebbe archiviare ${describeCounts(hold.counts)}.`;
}

/** Batches waiting for an administrator and streams stopped by a refusal, as the screen and the banner show them. */
export function holdsAndStops(store: Store, self: string): { holds: z.infer<typeof SyncHold>[]; stopped: z.infer<typeof SyncStopped>[] } {
  const holds: z.infer<typeof SyncHold>[] = [];
  const stopped: z.infer<typeof SyncStopped>[] = [];
  for (const row of store.syncNodes.list()) {
    if (row.id === self) continue;
    const refused = refusalOf(store, row.id);
    if (refused) {
      stopped.push({
        node: row.id,
        label: row.label,
        seq: refused.seq,
        message: `I pacchetti di ${row.label} non vengono più letti: un amministratore ha rifiutato il pacchetto ${refused.seq}, che avrebbe archiviato ${describeCounts(refused.counts)}. Chiarire con quella sede; per riprendere, revocare la postazione e abbinarla di nuovo.`,
      });
      continue;
    }
    const hold = holdOf(store, row.id);
    if (hold) holds.push({ node: row.id, label: row.label, seq: hold.seq, at: hold.at, message: holdMessage(row.label, hold) });
  }
  return { holds, stopped };
}

export function heldBatch(store: Store, node: string, seq: number): Hold {
  const hold = holdOf(store, node);
  if (!hold || hold.seq !== seq) throw new AppError('CONFLICT', 'Questa richiesta non è più in attesa: la pagina mostra lo stato aggiornato.');
  return hold;
}

function decision(hold: Hold, actor: Actor, now: Date): Decision {
  return { seq: hold.seq, digest: hold.digest, at: now.toISOString(), by: actor.username ?? '', counts: hold.counts };
}

/** The administrator lets the batch through: bound to its bytes, applied by the next cycle. */
export function confirmHold(store: Store, actor: Actor, input: { node: string; seq: number }, now: Date): void {
  const hold = heldBatch(store, input.node, input.seq);
  store.writer.transaction(() => {
    approve(store, input.node, decision(hold, actor, now));
    store.writer.record(actor, {
      log: 'admin',
      action: 'sync.confirmHold',
      detail: `Pacchetto ${hold.seq} della postazione ${input.node} (${labelOf(store, input.node)}): archiviazione di ${describeCounts(hold.counts)} confermata`,
    });
  });
}

/**
 * The administrator refuses: the batch is copied aside into the data folder (the shared folder
 * may be cleaned), and that node's stream stops here with a message until it is sorted out.
 */
export function refuseHold(store: Store, dir: DataDir, folder: string, zone: string, self: string, actor: Actor, input: { node: string; seq: number }, now: Date): void {
  const hold = heldBatch(store, input.node, input.seq);
  let bytes: Buffer | null = null;
  try {
    for (const f of listSegments(folder, zone, self)) {
      if (f.node !== input.node || f.seq !== hold.seq) continue;
      const b = fs.readFileSync(f.file);
      if (createHash('sha256').update(b).digest('hex') === hold.digest) bytes = b;
    }
  } catch {
    bytes = null;
  }
  if (!bytes) throw new AppError('UNAVAILABLE', 'Il pacchetto da rifiutare non si legge dalla cartella di sincronizzazione: controllare che sia raggiungibile e riprovare.');
  const aside = path.join(dir.root, REFUSED_DIR);
  fs.mkdirSync(aside, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(aside, `${input.node}-${String(hold.seq).padStart(12, '0')}.udcs`), bytes, { mode: 0o600 });
  store.writer.transaction(() => {
    refuse(store, input.node, decision(hold, actor, now));
    store.writer.record(actor, {
      log: 'admin',
      action: 'sync.refuseHold',
      detail: `Pacchetto ${hold.seq} della postazione ${input.node} (${labelOf(store, input.node)}): archiviazione di ${describeCounts(hold.counts)} rifiutata; i pacchetti di quella postazione sono fermi`,
    });
  });
}

export function saveArchiveGuard(store: Store, actor: Actor, settings: ArchiveGuardSettings): void {
  store.writer.transaction(() => {
    setGuardSettings(store, settings);
    store.writer.record(actor, {
      log: 'admin',
      action: 'sync.setArchiveGuard',
      detail: `Conferma richiesta oltre il ${settings.sharePct}% delle schede attive di una tabella, se almeno ${settings.minRows}`,
    });
  });
}
