import { create } from 'zustand';
import type { InputOf, OutputOf } from '../../../shared/contracts';
import { SYNC_TASK, type SyncReportSummaryData, type SyncStatusData } from '../../../shared/contracts/sync';
import { api } from '../../api/client';
import { liveResource } from '../../api/live-resource';

export interface SyncProgress {
  done: number;
  total: number;
  label: string;
}

/** Sync's state, read again whenever another sede's changes (or a revocation) arrive. */
export const syncStatus = liveResource<SyncStatusData, 'status'>({
  read: () => api.call('sync.status', {}),
  keyOf: () => 'status',
  keyString: () => 'status',
  tables: ['sync_nodes', 'persons', 'cases', 'appointments'],
});

const useProgress = create<{ progress: SyncProgress | null }>(() => ({ progress: null }));
export const useSyncProgress = () => useProgress((s) => s.progress);

api.onEvent((event) => {
  if (event.type === 'progress' && event.task === SYNC_TASK) useProgress.setState({ progress: { done: event.done, total: event.total, label: event.label } });
});

export async function runSyncNow(): Promise<SyncReportSummaryData> {
  useProgress.setState({ progress: { done: 0, total: 2, label: 'Avvio della sincronizzazione' } });
  try {
    return await api.call('sync.runNow', {});
  } catch (e) {
    useProgress.setState({ progress: null });
    throw e;
  } finally {
    await syncStatus.load('status');
  }
}

export async function saveSyncFolder(input: InputOf<'sync.setFolder'>): Promise<void> {
  syncStatus.keep(await api.call('sync.setFolder', input));
}

export async function enableSync(label: string): Promise<void> {
  syncStatus.keep(await api.call('sync.enable', { label }));
}

export async function revokeNode(node: string): Promise<void> {
  syncStatus.keep(await api.call('sync.revoke', { node }));
}

export async function saveArchiveGuard(input: InputOf<'sync.setArchiveGuard'>): Promise<void> {
  syncStatus.keep(await api.call('sync.setArchiveGuard', input));
}

/** Confirm or refuse the batch the administrator saw (node and number): a different one is asked again. */
export async function decideHold(decision: 'confirm' | 'refuse', input: InputOf<'sync.confirmHold'>): Promise<void> {
  syncStatus.keep(await api.call(decision === 'confirm' ? 'sync.confirmHold' : 'sync.refuseHold', input));
}

export async function createPairing(input: InputOf<'sync.createPairing'>): Promise<OutputOf<'sync.createPairing'>> {
  try {
    return await api.call('sync.createPairing', input);
  } finally {
    await syncStatus.load('status');
  }
}

export function resetSync(): void {
  syncStatus.reset();
  useProgress.setState({ progress: null });
}
