import type { z } from 'zod';
import type { SyncNodeStatus } from '../../../../shared/contracts/sync';
import { NODE_SYNC_META } from '../../db/node-identity';
import type { Store } from '../../store';
import { listSegments } from '../../sync/sync-folder';

type NodeStatus = z.infer<typeof SyncNodeStatus>;

interface Seen {
  seq: number;
  createdAt: string;
  driftMs: number;
}

function seenOf(store: Store, node: string): Seen | null {
  const raw = store.writer.getMeta(`${NODE_SYNC_META.seenPrefix}${node}`);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Seen;
  } catch {
    return null;
  }
}

/** The highest segment number of each node in the folder; null when the folder cannot be read. */
export function folderHeads(folder: string, zone: string): Map<string, number> | null {
  if (folder === '') return null;
  try {
    const heads = new Map<string, number>();
    for (const f of listSegments(folder, zone, '')) heads.set(f.node, Math.max(heads.get(f.node) ?? 0, f.seq));
    return heads;
  } catch {
    return null;
  }
}

/** Every paired node as the screen lists it: its last segment applied here, in the folder, its clock. */
export function nodeStatuses(store: Store, self: string, heads: Map<string, number> | null): NodeStatus[] {
  return store.syncNodes.list().map((row) => {
    const isSelf = row.id === self;
    const applied = Number(store.writer.getMeta(isSelf ? NODE_SYNC_META.segmentSeq : `${NODE_SYNC_META.cursorPrefix}${row.id}`) ?? '0');
    const folderSeq = heads === null ? null : (heads.get(row.id) ?? 0);
    const seen = isSelf ? null : seenOf(store, row.id);
    let state: NodeStatus['state'];
    if (isSelf) state = 'questa';
    else if (row.revoked_at) state = 'revocata';
    else if (applied === 0 && !folderSeq) state = 'mai_vista';
    else if (folderSeq !== null && folderSeq > applied) state = 'in_attesa';
    else state = 'aggiornata';
    return {
      node: row.id,
      label: row.label,
      self: isSelf,
      pairedAt: row.paired_at,
      pairedBy: row.paired_by,
      revokedAt: row.revoked_at,
      appliedSeq: applied,
      folderSeq,
      lastSeenAt: seen?.createdAt ?? null,
      driftSeconds: seen ? Math.round(seen.driftMs / 1000) : null,
      state,
    };
  });
}
