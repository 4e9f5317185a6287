import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/domain/errors';
import { ClockDriftError, MAX_DRIFT_MS } from '../../../shared/domain/hlc';
import { NODE_SYNC_META } from '../db/node-identity';
import type { Actor } from '../db/repositories/audit.repo';
import type { Store } from '../store';
import { archiveOverThreshold, type ArchiveGuardSettings } from './archive-guard';
import { approvalOf, clearHold, holdOf, keepHold } from './hold-state';
import { decodeSegment, SegmentError } from './segment-codec';
import type { SegmentFile } from './sync-folder';
import type { SyncLog } from './sync-log';
import type { SyncIdentity, SyncReport } from './sync-cycle';

/** Above this, a remote clock is reported (beyond MAX_DRIFT_MS its changes are refused). */
const DRIFT_WARNING_MS = 2000;

/** A refusal decided here (not by the codec): its reason code and sentence. */
class Refusal extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export const FOLDER_GONE_MESSAGE =
  'La cartella di sincronizzazione è sparita durante la sincronizzazione: non è stato cancellato nulla; i pacchetti già applicati restano, gli altri alla prossima sincronizzazione.';

interface ApplyContext {
  log: SyncLog;
  now: () => Date;
  guard: ArchiveGuardSettings;
}

/**
 * One segment file: verified, applied, held for an administrator, or refused. A refusal writes
 * nothing to the database (its transaction, if it got that far, rolled back) and one line to the
 * sync log outside it.
 */
export function applyFile(store: Store, f: SegmentFile, id: SyncIdentity, actor: Actor, report: SyncReport, ctx: ApplyContext): 'applied' | 'held' | 'rejected' {
  try {
    if (id.revoked?.(f.node)) throw new SegmentError('unknown_sender', `La postazione ${f.node} è stata revocata: i suoi pacchetti sono rifiutati.`);
    const bytes = readSegment(f);
    const { header, changes } = decodeSegment(bytes, { syncKey: id.syncKey, zone: id.zone, publicKeyOf: id.publicKeyOf });
    if (header.sender !== f.node || header.seq !== f.seq) throw new SegmentError('malformed', 'Il pacchetto non corrisponde al nome del file (copiato o rinominato).');
    checkWrittenAt(header.createdAt, f.node, id, ctx.now());
    const over = archiveOverThreshold(store, changes, ctx.guard);
    if (over.length > 0) {
      const digest = createHash('sha256').update(bytes).digest('hex');
      const ok = approvalOf(store, f.node);
      if (!ok || ok.seq !== f.seq || ok.digest !== digest) {
        keepHold(store, f.node, { seq: f.seq, digest, at: ctx.now().toISOString(), counts: over });
        report.held.push({ node: f.node, seq: f.seq, counts: over });
        return 'held';
      }
    }
    const outcome = store.writer.applyRemote(actor, changes, {
      log: 'admin',
      action: 'sync.apply',
      detail: `${changes.length} modifiche dalla postazione ${f.node} (pacchetto ${f.seq})`,
    });
    if (holdOf(store, f.node) || approvalOf(store, f.node)) clearHold(store, f.node);
    report.receivedSegments++;
    report.appliedChanges += outcome.logged;
    report.duplicates += outcome.duplicates;
    report.pendingRows = outcome.pending;
    // What the status screen shows of each node: its last segment applied, when it was made, its clock.
    store.writer.setMeta(`${NODE_SYNC_META.seenPrefix}${f.node}`, JSON.stringify({ seq: f.seq, createdAt: header.createdAt, driftMs: outcome.maxDriftMs }));
    if (outcome.maxDriftMs > DRIFT_WARNING_MS && !report.driftWarning) {
      report.driftWarning = `L’orologio della postazione ${f.node} è avanti di ${Math.round(outcome.maxDriftMs / 1000)} secondi rispetto a questa: controllare l’ora dei due PC.`;
    }
    return 'applied';
  } catch (error) {
    if (error instanceof AppError && error.message === FOLDER_GONE_MESSAGE) throw error;
    // Whatever went wrong, the segment's transaction rolled back: refused, logged, retried next cycle.
    const { reason, message } = describe(error, f.node);
    if ((reason === 'future_format' || reason === 'clock') && !report.blocking) report.blocking = message;
    report.rejected.push({ node: f.node, seq: f.seq, reason, message });
    ctx.log.append({ at: ctx.now().toISOString(), node: f.node, seq: f.seq, reason, message: `${path.basename(f.file)}: ${message}` });
    return 'rejected';
  }
}

/** A file that cannot be read because its folder went away stops the cycle; any other read error is this file's. */
function readSegment(f: SegmentFile): Buffer {
  try {
    return fs.readFileSync(f.file);
  } catch (error) {
    if (!fs.existsSync(path.dirname(f.file))) throw new AppError('UNAVAILABLE', FOLDER_GONE_MESSAGE);
    throw error;
  }
}

/**
 * The sender's clock at writing: more than the allowed drift ahead of this PC, or earlier than the
 * sender was paired, is a wrong clock (a PC ten years off), said with the PC to correct.
 */
function checkWrittenAt(createdAt: string, node: string, id: SyncIdentity, now: Date): void {
  const at = Date.parse(createdAt);
  const ahead = at - now.getTime();
  if (ahead > MAX_DRIFT_MS) throw new ClockDriftError(ahead);
  const paired = id.pairedAt?.(node);
  const behind = paired ? Date.parse(paired) - at : 0;
  if (behind > MAX_DRIFT_MS) {
    throw new Refusal(
      'clock',
      `L’orologio della postazione ${node} è indietro: il pacchetto risulta scritto ${ageText(behind)} prima che fosse abbinata. Correggere l’ora su quel PC.`,
    );
  }
}

function ageText(ms: number): string {
  const days = ms / 86_400_000;
  if (days >= 365) return `${Math.round(days / 365)} anni`;
  if (days >= 1) return `${Math.round(days)} giorni`;
  return `${Math.round(ms / 60_000)} minuti`;
}

function describe(error: unknown, node: string): { reason: string; message: string } {
  if (error instanceof Refusal) return { reason: error.reason, message: error.message };
  if (error instanceof SegmentError) {
    if (error.reason === 'future_format') return { reason: error.reason, message: `${error.message} Aggiornare il programma su questa postazione.` };
    return { reason: error.reason, message: error.message };
  }
  if (error instanceof ClockDriftError) {
    const minutes = Math.round(error.driftMs / 60_000);
    const amount = error.driftMs >= 86_400_000 ? ageText(error.driftMs) : `${minutes} minuti`;
    return {
      reason: 'clock',
      message: `L’orologio della postazione ${node} è avanti di ${amount}: correggere l’ora su quel PC. I suoi pacchetti restano in attesa.`,
    };
  }
  if (error instanceof AppError) return { reason: 'invalid', message: error.message };
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { reason: 'unreadable', message: `Il pacchetto non si legge dalla cartella (${code}).` };
  return { reason: 'internal', message: 'Il pacchetto non si applica: contiene dati incoerenti.' };
}
