import { create } from 'zustand';
import type { InputOf } from '../../../shared/contracts';
import { BACKUP_TASK, type BackupAlertData, type BackupSettingsData, type BackupStatusData } from '../../../shared/contracts/backup';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';

export interface BackupProgress {
  done: number;
  total: number;
  label: string;
}

interface BackupState {
  status: BackupStatusData | null;
  loadError: ShownError | null;
  /** The core's `progress` events of the backup or restore this window started. */
  progress: BackupProgress | null;
  alert: BackupAlertData | null;
}

const useBackupStore = create<BackupState>(() => ({ status: null, loadError: null, progress: null, alert: null }));
const set = useBackupStore.setState;
export { useBackupStore };

export const selectStatus = (s: BackupState) => s.status;
export const selectLoadError = (s: BackupState) => s.loadError;
export const selectProgress = (s: BackupState) => s.progress;
export const selectAlert = (s: BackupState) => s.alert;

api.onEvent((event) => {
  if (event.type === 'progress' && event.task === BACKUP_TASK) set({ progress: { done: event.done, total: event.total, label: event.label } });
});

export async function loadStatus(): Promise<void> {
  try {
    set({ status: await api.call('backup.status', {}), loadError: null });
  } catch (e) {
    set({ loadError: toShownError(e) });
  }
}

export async function loadAlert(): Promise<void> {
  try {
    set({ alert: await api.call('backup.alert', {}) });
  } catch {
    // The banner is a reminder: when it cannot be read the Home shows the rest.
    set({ alert: null });
  }
}

export async function saveSettings(fields: BackupSettingsData): Promise<void> {
  set({ status: await api.call('backup.saveSettings', fields) });
}

/** Run a backup now; the progress bar follows the core's events and stays at its last step (100%) after. */
export async function runNow(): Promise<string> {
  set({ progress: { done: 0, total: 1, label: 'Avvio del backup' } });
  try {
    const made = await api.call('backup.run', {});
    await loadStatus();
    return made.name;
  } catch (e) {
    set({ progress: null });
    throw e;
  }
}

export async function restoreBackup(input: InputOf<'backup.restore'>): Promise<{ safetyBackup: string | null; migratedFrom: number | null }> {
  set({ progress: { done: 0, total: 1, label: 'Avvio del ripristino' } });
  try {
    return await api.call('backup.restore', input);
  } finally {
    set({ progress: null });
  }
}

export function resetBackup(): void {
  set({ status: null, loadError: null, progress: null, alert: null });
}
