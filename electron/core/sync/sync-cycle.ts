import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/domain/errors';
import { ClockDriftError } from '../../../shared/domain/hlc';
import { NODE_SYNC_META } from '../db/node-identity';
import type { Actor } from '../db/repositories/audit.repo';
import type { LoggedChange } from '../db/repositories/sync.repo';
import type { Store } from '../store';
import { decodeSegment, encodeSegment, MAX_SEGMENT_CHANGES, SegmentError, type SegmentChange } from './segment-codec';
import { checkFolder, listSegments, ownSegmentCount, ownSegmentExists, writeSegmentFile, type SegmentFile } from './sync-folder';

/** Above this, a remote clock is reported (beyond MAX_DRIFT_MS its changes are refused). */
export const DRIFT_WARNING_MS = 2000;

export interface SyncIdentity {
  zone: string;
  node: string;
  syncKey: Buffer;
  signingKey: KeyObject;
  /** Paired, not revoked nodes. */
  publicKeyOf: (node: string) => KeyObject | null;
  /** Revoked by an administrator: its segments not yet applied are refused (and logged). */
  revoked?: (node: string) => boolean;
  /** This program's version: the oldest that can read what it writes. */
  programVersion: string;
}

export interface SyncReport {
  sentSegments: number;
  sentChanges: number;
  receivedSegments: number;
  appliedChanges: number;
  duplicates: number;
  /** Rows waiting for values their table requires (they arrive with other nodes' segments). */
  pendingRows: number;
  rejected: { node: string; seq: number; reason: string; message: string }[];
  /** Nodes whose next segment is missing (not yet copied by the file-sync tool) or unreadable. */
  waiting: { node: string; seq: number }[];
  /** The first "update the program" or clock message, for the banner. */
  blocking: string | null;
  driftWarning: string | null;
}

const SENT_SEQ = NODE_SYNC_META.sentChangeSeq;
const SEGMENT_SEQ = NODE_SYNC_META.segmentSeq;
const cursorKey = (node: string) => `${NODE_SYNC_META.cursorPrefix}${node}`;

/**
 * One sync cycle over the shared folder: this node's new changes out as segments, every other
 * node's new segments in, in their order, through the one apply path. Fail-safe: a missing,
 * read-only or emptied folder stops the cycle with a message before anything is read or written.
 */
export function syncOnce(
  store: Store,
  folder: string,
  id: SyncIdentity,
  actor: Actor,
  now: () => Date = () => new Date(),
  progress: (done: number, total: number, label: string) => void = () => undefined,
): SyncReport {
  checkFolder(folder, true);
  const writer = store.writer;
  const segmentSeq = Number(writer.getMeta(SEGMENT_SEQ) ?? '0');
  if (segmentSeq > 0 && ownSegmentCount(folder, id.zone, id.node) === 0) {
    throw new AppError(
      'UNAVAILABLE',
      'Nella cartella di sincronizzazione mancano i pacchetti di questa postazione: potrebbe essere la cartella sbagliata o essere stata svuotata. Non è stato cancellato nulla; controllare il percorso in Impostazioni → Sincronizzazione.',
    );
  }
  const report: SyncReport = {
    sentSegments: 0,
    sentChanges: 0,
    receivedSegments: 0,
    appliedChanges: 0,
    duplicates: 0,
    pendingRows: 0,
    rejected: [],
    waiting: [],
    blocking: null,
    driftWarning: null,
  };
  progress(0, 2, 'Invio delle modifiche di questa postazione');
  send(store, folder, id, now, report, segmentSeq);
  progress(1, 2, 'Lettura dei pacchetti delle altre postazioni');
  receive(store, folder, id, actor, report);
  progress(2, 2, 'Sincronizzazione completata');
  return report;
}

function send(store: Store, folder: string, id: SyncIdentity, now: () => Date, report: SyncReport, firstSeq: number): void {
  const writer = store.writer;
  let sentSeq = Number(writer.getMeta(SENT_SEQ) ?? '0');
  let seq = firstSeq;
  for (;;) {
    const chunk = rowBoundary(store.sync.ownChangesAfter(id.node, sentSeq, MAX_SEGMENT_CHANGES + 1));
    if (chunk.length === 0) return;
    seq++;
    // A segment written before a crash, never counted: another node may have applied it already,
    // so its number is never given to other content (that node would skip it as seen). Its
    // changes go out again in the next one: applying a change twice changes nothing.
    while (ownSegmentExists(folder, id.zone, id.node, seq)) seq++;
    const changes: SegmentChange[] = chunk.map(({ seq: _seq, ...c }) => c);
    const bytes = encodeSegment({ minProgram: id.programVersion, zone: id.zone, sender: id.node, seq, createdAt: now().toISOString() }, changes, {
      syncKey: id.syncKey,
      signingKey: id.signingKey,
    });
    writeSegmentFile(folder, id.zone, id.node, seq, bytes);
    // Written before it is counted: after a crash in between, the changes go out again under the next number.
    sentSeq = chunk.at(-1)!.seq;
    writer.setMeta(SEGMENT_SEQ, String(seq));
    writer.setMeta(SENT_SEQ, String(sentSeq));
    report.sentSegments++;
    report.sentChanges += chunk.length;
  }
}

/** At most MAX_SEGMENT_CHANGES changes, never splitting one row's cells across two segments. */
function rowBoundary(changes: LoggedChange[]): LoggedChange[] {
  if (changes.length <= MAX_SEGMENT_CHANGES) return changes;
  let end = MAX_SEGMENT_CHANGES;
  const next = changes[end]!;
  while (end > 1 && changes[end - 1]!.tbl === next.tbl && changes[end - 1]!.row_id === next.row_id) end--;
  return changes.slice(0, end);
}

function receive(store: Store, folder: string, id: SyncIdentity, actor: Actor, report: SyncReport): void {
  const byNode = new Map<string, SegmentFile[]>();
  for (const f of listSegments(folder, id.zone, id.node)) byNode.set(f.node, [...(byNode.get(f.node) ?? []), f]);
  // Nodes already known first: a node paired since arrives in their segments (its sync_nodes
  // row), so its own segments verify in the same cycle. publicKeyOf reads the table each time.
  const order = [...byNode.keys()].sort((a, b) => Number(id.publicKeyOf(b) !== null) - Number(id.publicKeyOf(a) !== null));
  for (const node of order) {
    const files = byNode.get(node)!;
    let cursor = Number(store.writer.getMeta(cursorKey(node)) ?? '0');
    for (;;) {
      const candidates = files.filter((f) => f.seq === cursor + 1);
      if (candidates.length === 0) {
        if (files.some((f) => f.seq > cursor + 1)) report.waiting.push({ node, seq: cursor + 1 });
        break;
      }
      const applied = candidates.some((f) => applyFile(store, f, id, actor, report));
      if (!applied) {
        report.waiting.push({ node, seq: cursor + 1 });
        break;
      }
      cursor++;
      store.writer.setMeta(cursorKey(node), String(cursor));
    }
  }
}

/** One segment file: verified, applied, or refused with its reason logged. True when applied. */
function applyFile(store: Store, f: SegmentFile, id: SyncIdentity, actor: Actor, report: SyncReport): boolean {
  const name = path.basename(f.file);
  try {
    if (id.revoked?.(f.node)) throw new SegmentError('unknown_sender', `La postazione ${f.node} è stata revocata: i suoi pacchetti sono rifiutati.`);
    const { header, changes } = decodeSegment(fs.readFileSync(f.file), { syncKey: id.syncKey, zone: id.zone, publicKeyOf: id.publicKeyOf });
    if (header.sender !== f.node || header.seq !== f.seq) throw new SegmentError('malformed', 'Il pacchetto non corrisponde al nome del file (copiato o rinominato).');
    const outcome = store.writer.applyRemote(actor, changes, {
      log: 'admin',
      action: 'sync.apply',
      detail: `${changes.length} modifiche dalla postazione ${f.node} (pacchetto ${f.seq})`,
    });
    report.receivedSegments++;
    report.appliedChanges += outcome.logged;
    report.duplicates += outcome.duplicates;
    report.pendingRows = outcome.pending;
    // What the status screen shows of each node: its last segment applied, when it was made, its clock.
    store.writer.setMeta(`${NODE_SYNC_META.seenPrefix}${f.node}`, JSON.stringify({ seq: f.seq, createdAt: header.createdAt, driftMs: outcome.maxDriftMs }));
    if (outcome.maxDriftMs > DRIFT_WARNING_MS && !report.driftWarning) {
      report.driftWarning = `L’orologio della postazione ${f.node} è avanti di ${Math.round(outcome.maxDriftMs / 1000)} secondi rispetto a questa: controllare l’ora dei due PC.`;
    }
    return true;
  } catch (error) {
    // Whatever went wrong, the segment's transaction rolled back: refused, logged, retried next cycle.
    const { reason, message } = describe(error, f.node);
    if ((reason === 'future_format' || reason === 'clock') && !report.blocking) report.blocking = message;
    report.rejected.push({ node: f.node, seq: f.seq, reason, message });
    store.writer.record(actor, { log: 'admin', action: 'sync.reject', outcome: 'error', detail: `${name}: ${message}` });
    return false;
  }
}

function describe(error: unknown, node: string): { reason: string; message: string } {
  if (error instanceof SegmentError) {
    if (error.reason === 'future_format') return { reason: error.reason, message: `${error.message} Aggiornare il programma su questa postazione.` };
    return { reason: error.reason, message: error.message };
  }
  if (error instanceof ClockDriftError) {
    return {
      reason: 'clock',
      message: `L’orologio della postazione ${node} è avanti di ${Math.round(error.driftMs / 60_000)} minuti: correggere l’ora su quel PC. I suoi pacchetti restano in attesa.`,
    };
  }
  if (error instanceof AppError) return { reason: 'invalid', message: error.message };
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { reason: 'unreadable', message: `Il pacchetto non si legge dalla cartella (${code}).` };
  return { reason: 'internal', message: 'Il pacchetto non si applica: contiene dati incoerenti.' };
}
