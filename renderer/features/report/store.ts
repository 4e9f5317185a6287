import type { InputOf, OutputOf } from '../../../shared/contracts';
import { api } from '../../api/client';
import { downloadBytes } from '../../api/file-data';
import { liveResource } from '../../api/live-resource';
import { receiveFile } from '../../api/transfers';

export type Report = OutputOf<'reports.quarter'>;
export type Period = InputOf<'reports.quarter'>;

/** What the report counts: a committed change to any of these re-reads the quarter on screen. */
const REPORT_TABLES = [
  'cases',
  'case_operators',
  'persons',
  'accessi',
  'interventions',
  'deliveries',
  'appointments',
  'appointment_operators',
  'sal_tirocini',
  'sal_beneficiari',
  'zone',
  'comuni',
  'sedi',
  'users',
];

const keyOf = (p: Period) => `${p.anno}-${p.trimestre}`;

export const quarter = liveResource<Report, Period>({
  read: (p) => api.call('reports.quarter', p),
  keyOf: (r) => keyOf(r),
  keyString: keyOf,
  tables: REPORT_TABLES,
});

export const settings = liveResource<OutputOf<'reports.settings'>, 'soglia'>({
  read: () => api.call('reports.settings', {}),
  keyOf: () => 'soglia',
  keyString: () => 'soglia',
  tables: ['zone'],
});

/** The quarter as a file the browser saves; its name says the period only. */
export async function exportReport(period: Period, formato: 'csv' | 'xlsx'): Promise<string> {
  const meta = await api.call('reports.export', { ...period, formato });
  downloadBytes(await receiveFile(meta.downloadId, meta.dimensione), meta.mime, meta.nome);
  return meta.nome;
}

export async function printReport(period: Period): Promise<string> {
  const meta = await api.call('reports.print', period);
  downloadBytes(await receiveFile(meta.downloadId, meta.dimensione), meta.mime, meta.nome);
  return meta.nome;
}

export const saveThreshold = (soglia: number) => api.call('reports.saveSoglia', { soglia });

export function resetReport(): void {
  quarter.reset();
  settings.reset();
}
