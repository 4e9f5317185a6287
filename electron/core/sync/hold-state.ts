import type { Store } from '../store';
import { ARCHIVE_GUARD_DEFAULT, type ArchiveCount, type ArchiveGuardSettings } from './archive-guard';

/** This node's own settings and decisions about other nodes' batches (the `meta` table: never synced). */
export const HOLD_META = {
  guard: 'sync_archive_guard',
  holdPrefix: 'sync_hold:',
  approvedPrefix: 'sync_hold_ok:',
  refusedPrefix: 'sync_refused:',
} as const;

/** A batch waiting for an administrator: which segment (its bytes' hash) and what it would archive. */
export interface Hold {
  seq: number;
  digest: string;
  at: string;
  counts: ArchiveCount[];
}

/** A decision on one segment, bound to its bytes: a different file under the same number is asked again. */
export interface Decision {
  seq: number;
  digest: string;
  at: string;
  by: string;
  counts: ArchiveCount[];
}

function read<T>(store: Store, key: string): T | null {
  const raw = store.writer.getMeta(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function guardSettings(store: Store): ArchiveGuardSettings {
  const s = read<Partial<ArchiveGuardSettings>>(store, HOLD_META.guard);
  const sharePct = Number.isFinite(s?.sharePct) ? Number(s!.sharePct) : ARCHIVE_GUARD_DEFAULT.sharePct;
  const minRows = Number.isSafeInteger(s?.minRows) ? Number(s!.minRows) : ARCHIVE_GUARD_DEFAULT.minRows;
  return { sharePct, minRows };
}

export function setGuardSettings(store: Store, settings: ArchiveGuardSettings): void {
  store.writer.setMeta(HOLD_META.guard, JSON.stringify(settings));
}

export const holdOf = (store: Store, node: string): Hold | null => read<Hold>(store, `${HOLD_META.holdPrefix}${node}`);
export const approvalOf = (store: Store, node: string): Decision | null => read<Decision>(store, `${HOLD_META.approvedPrefix}${node}`);
export const refusalOf = (store: Store, node: string): Decision | null => read<Decision>(store, `${HOLD_META.refusedPrefix}${node}`);

/** Written only when it is news: a batch held cycle after cycle does not write every cycle. */
export function keepHold(store: Store, node: string, hold: Hold): void {
  const current = holdOf(store, node);
  if (current && current.seq === hold.seq && current.digest === hold.digest && JSON.stringify(current.counts) === JSON.stringify(hold.counts)) return;
  store.writer.setMeta(`${HOLD_META.holdPrefix}${node}`, JSON.stringify(hold));
}

/** An empty value is "none": the meta table has no delete on the write path. */
export function clearHold(store: Store, node: string): void {
  if (store.writer.getMeta(`${HOLD_META.holdPrefix}${node}`)) store.writer.setMeta(`${HOLD_META.holdPrefix}${node}`, '');
  if (store.writer.getMeta(`${HOLD_META.approvedPrefix}${node}`)) store.writer.setMeta(`${HOLD_META.approvedPrefix}${node}`, '');
}

export function approve(store: Store, node: string, decision: Decision): void {
  store.writer.setMeta(`${HOLD_META.approvedPrefix}${node}`, JSON.stringify(decision));
}

export function refuse(store: Store, node: string, decision: Decision): void {
  store.writer.setMeta(`${HOLD_META.refusedPrefix}${node}`, JSON.stringify(decision));
  store.writer.setMeta(`${HOLD_META.holdPrefix}${node}`, '');
}
