import type { OutputOf } from '../../../shared/contracts';
import { RIGHTS_EXPORT_TASK } from '../../../shared/contracts/rights';
import { create } from 'zustand';
import { api } from '../../api/client';
import { downloadBytes } from '../../api/file-data';
import { liveResource } from '../../api/live-resource';
import { receiveFile } from '../../api/transfers';

export type RightsStatus = OutputOf<'rights.status'> & { personId: string };

/** The person's restriction, kept current: a restriction set or lifted anywhere re-reads it. */
export const rightsStatus = liveResource<RightsStatus, string>({
  read: async (personId) => ({ ...(await api.call('rights.status', { personId })), personId }),
  keyOf: (d) => d.personId,
  keyString: (id) => id,
  tables: ['person_restrictions'],
});

export async function restrict(personId: string, motivo: string): Promise<void> {
  rightsStatus.keep({ ...(await api.call('rights.restrict', { personId, motivo })), personId });
}

export async function lift(personId: string, motivo: string): Promise<void> {
  rightsStatus.keep({ ...(await api.call('rights.lift', { personId, motivo })), personId });
}

/** The export's steps, from the core's `progress` events. */
export const useExportProgress = create<{ label: string | null; done: number; total: number }>(() => ({ label: null, done: 0, total: 0 }));

api.onEvent((event) => {
  if (event.type === 'progress' && event.task === RIGHTS_EXPORT_TASK) useExportProgress.setState({ label: event.label, done: event.done, total: event.total });
});

/** Both files saved by the browser (names carry the date, never the person); returns their names. */
export async function exportData(personId: string): Promise<string[]> {
  useExportProgress.setState({ label: 'Avvio', done: 0, total: 3 });
  try {
    const made = await api.call('rights.export', { personId });
    for (const file of [made.pdf, made.bundle]) downloadBytes(await receiveFile(file.downloadId, file.dimensione), file.mime, file.nome);
    return [made.pdf.nome, made.bundle.nome];
  } finally {
    useExportProgress.setState({ label: null, done: 0, total: 0 });
  }
}

export function resetRights(): void {
  rightsStatus.reset();
}

/** Whether the person on screen is restricted (art. 18): her page then offers no edits. */
export function useRestricted(personId: string): boolean {
  return rightsStatus.useStore((s) => s.data?.personId === personId && s.data.limitazione !== null);
}
