import { CONFLICT_TABLES, type ConflictListData } from '../../../shared/contracts/conflicts';
import { api } from '../../api/client';
import { liveResource } from '../../api/live-resource';

/**
 * The open conflicts this user may read, kept current: a sync that brings a new one, or a
 * decision taken in another window or at the other sede, re-reads the list.
 */
export const conflicts = liveResource<ConflictListData, 'conflitti'>({
  read: () => api.call('conflicts.list', {}),
  keyOf: () => 'conflitti',
  keyString: () => 'conflitti',
  tables: CONFLICT_TABLES,
});

export type ResolveDecision = { keep: string } | { merged: string };

/** One decision: the version kept or the merged text, with the record the router checks. */
export async function resolveConflict(conflict: ConflictListData['conflicts'][number], decision: ResolveDecision): Promise<void> {
  const record = conflict.record ? { [conflict.record.field]: conflict.record.id } : {};
  conflicts.keep(await api.call('conflicts.resolve', { conflict: conflict.id, ...decision, ...record }));
}

export function resetConflicts(): void {
  conflicts.reset();
}
