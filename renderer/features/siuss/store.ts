import type { OutputOf } from '../../../shared/contracts';
import { todayInRome } from '../../../shared/domain/dates';
import { api } from '../../api/client';
import { downloadBytes } from '../../api/file-data';
import { liveResource } from '../../api/live-resource';
import { receiveFile } from '../../api/transfers';

export type SiussCheck = OutputOf<'siuss.verify'>;
export type SiussBatches = OutputOf<'siuss.batches'>;

/** What a check reads: a change to any of them can fix (or break) a record. */
const SOURCE_TABLES = ['persons', 'isee', 'cases', 'case_status_history', 'interventions', 'deliveries', 'siuss_state', 'siuss_batches'];

/** The check on screen, read again when the case files change (so a fix clears its line). */
export const check = liveResource<SiussCheck, string>({
  read: (periodo) => api.call('siuss.verify', { periodo }),
  keyOf: (d) => d.periodo,
  keyString: (p) => p,
  tables: SOURCE_TABLES,
});

export const batches = liveResource<SiussBatches & { key: 'all' }, 'all'>({
  read: async () => ({ ...(await api.call('siuss.batches', {})), key: 'all' }),
  keyOf: () => 'all',
  keyString: () => 'all',
  tables: ['siuss_batches'],
});

/** The batch's file, saved by the browser (its name says the quarter and the batch, no one's name). */
export async function exportSiuss(periodo: string, formato: 'csv' | 'xlsx'): Promise<OutputOf<'siuss.export'>['batch']> {
  const meta = await api.call('siuss.export', { periodo, formato });
  downloadBytes(await receiveFile(meta.downloadId, meta.dimensione), meta.mime, meta.nome);
  return meta.batch;
}

/** 'aaaa-Tn' of today's quarter moved by `by` quarters. */
export function quarterFromNow(by: number, today: string = todayInRome()): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const total = y * 4 + Math.floor((m - 1) / 3) + by;
  return `${Math.floor(total / 4)}-T${(total % 4) + 1}`;
}

export function resetSiuss(): void {
  check.reset();
  batches.reset();
}
