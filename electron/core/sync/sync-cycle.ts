import type { KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/domain/errors';
import { NODE_SYNC_META } from '../db/node-identity';
import type { Actor } from '../db/repositories/audit.repo';
import type { LoggedChange } from '../db/repositories/sync.repo';
import type { Store } from '../store';
import { applyFile, FOLDER_GONE_MESSAGE } from './apply-segment';
import type { ArchiveCount } from './archive-guard';
import { guardSettings, refusalOf } from './hold-state';
import { encodeSegment, MAX_SEGMENT_CHANGES, type SegmentChange } from './segment-codec';
import { checkFolder, listSegments, ownSegmentCount, ownSegmentExists, writeSegmentFile, type SegmentFile } from './sync-folder';
import { syncLogOf, type SyncLog } from './sync-log';

export interface SyncIdentity {
  zone: string;
  node: string;
  syncKey: Buffer;
  signingKey: KeyObject;
  /** Paired, not revoked nodes. */
  publicKeyOf: (node: string) => KeyObject | null;
  /** Revoked by an administrator: its segments not yet applied are refused (and logged). */
  revoked?: (node: string) => boolean;
  /** When a node was paired (ISO): none of its segments can be older, unless its clock is wrong. */
  pairedAt?: (node: string) => string | null;
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
  /** Batches that would archive more than the set share of a table: waiting for an administrator. */
  held: { node: string; seq: number; counts: ArchiveCount[] }[];
  /** Nodes whose stream an administrator stopped by refusing one of their batches. */
  stopped: { node: string; seq: number }[];
  /** The first "update the program" or clock message, for the banner. */
  blocking: string | null;
  driftWarning: string | null;
}

export interface SyncOptions {
  /** Where refusals are logged; by default the file beside the database (sync-log.ts). */
  log?: SyncLog;
}

const SENT_SEQ = NODE_SYNC_META.sentChangeSeq;
const SEGMENT_SEQ = NODE_SYNC_META.segmentSeq;
const cursorKey = (node: string) => `${NODE_SYNC_META.cursorPrefix}${node}`;

/**
 * One sync cycle over the shared folder: this node's new changes out as segments, every other
 * node's new segments in, in their order, through the one apply path. Fail-safe: a missing,
 * read-only or emptied folder stops the cycle with a message before anything is read or written;
 * one that vanishes during the cycle stops it with a message, each segment applied whole or not at
 * all. A refused segment leaves the database untouched (apply-segment.ts, sync-log.ts).
 */
export function syncOnce(
  store: Store,
  folder: string,
  id: SyncIdentity,
  actor: Actor,
  now: () => Date = () => new Date(),
  progress: (done: number, total: number, label: string) => void = () => undefined,
  options: SyncOptions = {},
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
    held: [],
    stopped: [],
    blocking: null,
    driftWarning: null,
  };
  progress(0, 2, 'Invio delle modifiche di questa postazione');
  send(store, folder, id, now, report, segmentSeq);
  // Listed before anything of theirs is read: a folder that vanished since is an error, not "nothing new".
  stillThere(folder);
  const files = listSegments(folder, id.zone, id.node);
  const toRead = files.filter((f) => !f.copy && f.seq > Number(writer.getMeta(cursorKey(f.node)) ?? '0')).length;
  progress(1, 2 + toRead, 'Lettura dei pacchetti delle altre postazioni');
  let read = 0;
  const readOne = () => {
    read++;
    progress(1 + Math.min(read, toRead), 2 + toRead, 'Lettura dei pacchetti delle altre postazioni');
  };
  receive(store, files, id, actor, report, { log: options.log ?? syncLogOf(store), now, readOne });
  // A folder gone during the cycle: what was applied stays (each segment is one transaction), the
  // rest waits, and the cycle says so instead of reporting success.
  stillThere(folder);
  progress(2 + toRead, 2 + toRead, 'Sincronizzazione completata');
  return report;
}

function stillThere(folder: string): void {
  try {
    checkFolder(folder, false);
  } catch {
    throw new AppError('UNAVAILABLE', FOLDER_GONE_MESSAGE);
  }
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

function receive(
  store: Store,
  files: readonly SegmentFile[],
  id: SyncIdentity,
  actor: Actor,
  report: SyncReport,
  ctx: { log: SyncLog; now: () => Date; readOne: () => void },
): void {
  const byNode = new Map<string, SegmentFile[]>();
  for (const f of files) byNode.set(f.node, [...(byNode.get(f.node) ?? []), f]);
  // Nodes already known first: a node paired since arrives in their segments (its sync_nodes
  // row), so its own segments verify in the same cycle. publicKeyOf reads the table each time.
  const order = [...byNode.keys()].sort((a, b) => Number(id.publicKeyOf(b) !== null) - Number(id.publicKeyOf(a) !== null));
  const guard = guardSettings(store);
  for (const node of order) {
    const refused = refusalOf(store, node);
    if (refused) {
      report.stopped.push({ node, seq: refused.seq });
      continue;
    }
    const mine = byNode.get(node)!;
    let cursor = Number(store.writer.getMeta(cursorKey(node)) ?? '0');
    for (;;) {
      const candidates = mine.filter((f) => f.seq === cursor + 1);
      if (candidates.length === 0) {
        if (mine.some((f) => f.seq > cursor + 1)) report.waiting.push({ node, seq: cursor + 1 });
        break;
      }
      let outcome: 'applied' | 'held' | 'rejected' = 'rejected';
      for (const f of candidates) {
        outcome = applyFile(store, f, id, actor, report, { log: ctx.log, now: ctx.now, guard });
        if (outcome !== 'rejected') break;
      }
      if (outcome !== 'applied') {
        // A held batch and everything after it wait for the administrator; a refused one for a good copy.
        if (outcome === 'rejected') report.waiting.push({ node, seq: cursor + 1 });
        break;
      }
      cursor++;
      store.writer.setMeta(cursorKey(node), String(cursor));
      ctx.readOne();
    }
  }
}
