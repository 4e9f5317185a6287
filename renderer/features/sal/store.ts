import type { InputOf, OutputOf } from '../../../shared/contracts';
import { api } from '../../api/client';
import { downloadBytes } from '../../api/file-data';
import { liveResource } from '../../api/live-resource';
import { receiveFile, sendFile } from '../../api/transfers';

/** The SAL register's tables: any committed change to one of them re-reads what is on screen. */
const SAL_TABLES = [
  'sal_parametri',
  'sal_beneficiari',
  'sal_fasi',
  'sal_attivita',
  'sal_consensi',
  'sal_aziende',
  'sal_tutor',
  'sal_convenzioni',
  'sal_tirocini',
  'sal_sospensioni',
  'sal_proroghe',
  'sal_presenze',
];

export type Cruscotto = OutputOf<'salTirocini.cruscotto'>;
export type BeneficiarioDetail = OutputOf<'salBeneficiari.get'>;
export type AziendaDetail = OutputOf<'salAziende.get'>;
export type TirocinioDetail = OutputOf<'salTirocini.get'>;
export type PresenzeMonth = OutputOf<'salPresenze.month'>;
export type Payments = OutputOf<'salPagamenti.month'>;

export const cruscotto = liveResource<Cruscotto, 'cruscotto'>({
  read: () => api.call('salTirocini.cruscotto', {}),
  keyOf: () => 'cruscotto',
  keyString: () => 'cruscotto',
  tables: SAL_TABLES,
});

type BeneficiariFilter = InputOf<'salBeneficiari.list'>;
export const beneficiari = liveResource<OutputOf<'salBeneficiari.list'> & { key: string }, BeneficiariFilter>({
  read: async (f) => ({ ...(await api.call('salBeneficiari.list', f)), key: JSON.stringify(f) }),
  keyOf: (d) => d.key,
  keyString: (f) => JSON.stringify(f),
  tables: [...SAL_TABLES, 'persons'],
});

export const beneficiario = liveResource<BeneficiarioDetail, string>({
  read: (id) => api.call('salBeneficiari.get', { id }),
  keyOf: (d) => d.id,
  keyString: (id) => id,
  tables: [...SAL_TABLES, 'persons'],
});

type AziendeFilter = InputOf<'salAziende.list'>;
export const aziende = liveResource<OutputOf<'salAziende.list'> & { key: string }, AziendeFilter>({
  read: async (f) => ({ ...(await api.call('salAziende.list', f)), key: JSON.stringify(f) }),
  keyOf: (d) => d.key,
  keyString: (f) => JSON.stringify(f),
  tables: SAL_TABLES,
});

export const azienda = liveResource<AziendaDetail, string>({
  read: (id) => api.call('salAziende.get', { id }),
  keyOf: (d) => d.id,
  keyString: (id) => id,
  tables: SAL_TABLES,
});

export const tirocini = liveResource<OutputOf<'salTirocini.list'> & { key: string }, InputOf<'salTirocini.list'>['stato']>({
  read: async (stato) => ({ ...(await api.call('salTirocini.list', { stato })), key: stato }),
  keyOf: (d) => d.key,
  keyString: (s) => s,
  tables: SAL_TABLES,
});

export const tirocinio = liveResource<TirocinioDetail, string>({
  read: (id) => api.call('salTirocini.get', { id }),
  keyOf: (d) => d.id,
  keyString: (id) => id,
  tables: SAL_TABLES,
});

export const presenze = liveResource<PresenzeMonth & { key: string }, { tirocinioId: string; month: string }>({
  read: async (k) => ({ ...(await api.call('salPresenze.month', k)), key: `${k.tirocinioId}/${k.month}` }),
  keyOf: (d) => d.key,
  keyString: (k) => `${k.tirocinioId}/${k.month}`,
  tables: ['sal_presenze', 'sal_tirocini', 'sal_sospensioni', 'sal_proroghe', 'sal_parametri', 'comuni_patroni'],
});

export const pagamenti = liveResource<Payments & { month: string }, string>({
  read: async (month) => ({ ...(await api.call('salPagamenti.month', { month })), month }),
  keyOf: (d) => d.month,
  keyString: (m) => m,
  tables: ['sal_presenze', 'sal_tirocini', 'sal_sospensioni', 'sal_beneficiari', 'sal_parametri'],
});

export const parametri = liveResource<OutputOf<'salParametri.list'>, 'all'>({
  read: () => api.call('salParametri.list', {}),
  keyOf: () => 'all',
  keyString: () => 'all',
  tables: ['sal_parametri'],
});

// Writes: each returns what the core answers; the screens refresh through the `changed` event.
export const enrol = (input: InputOf<'salBeneficiari.enrol'>) => api.call('salBeneficiari.enrol', input);
export const updateBeneficiario = (input: InputOf<'salBeneficiari.update'>) => api.call('salBeneficiari.update', input);
export const setPhase = (input: InputOf<'salBeneficiari.setPhase'>) => api.call('salBeneficiari.setPhase', input);
export const addActivity = (input: InputOf<'salBeneficiari.addActivity'>) => api.call('salBeneficiari.addActivity', input);
export const setConsent = (input: InputOf<'salBeneficiari.consent'>) => api.call('salBeneficiari.consent', input);
export const beneficiarioForCase = (caseId: string) => api.call('salBeneficiari.forCase', { caseId });
export const saveAzienda = (input: InputOf<'salAziende.save'>) => api.call('salAziende.save', input);
export const saveTutor = (input: InputOf<'salAziende.saveTutor'>) => api.call('salAziende.saveTutor', input);
export const checkTirocinio = (input: InputOf<'salTirocini.check'>) => api.call('salTirocini.check', input);
export const saveTirocinio = (input: InputOf<'salTirocini.save'>) => api.call('salTirocini.save', input);
export const proroga = (input: InputOf<'salTirocini.proroga'>) => api.call('salTirocini.proroga', input);
export const sospendi = (input: InputOf<'salTirocini.sospendi'>) => api.call('salTirocini.sospendi', input);
export const cessa = (input: InputOf<'salTirocini.cessa'>) => api.call('salTirocini.cessa', input);
export const esito = (input: InputOf<'salTirocini.esito'>) => api.call('salTirocini.esito', input);
export const savePresenze = (input: InputOf<'salPresenze.save'>) => api.call('salPresenze.save', input);
export const addParametri = (input: InputOf<'salParametri.add'>) => api.call('salParametri.add', input);

/** A convenzione, with its signed PDF sent first in chunks when there is one. */
export async function addConvenzione(input: Omit<InputOf<'salAziende.addConvenzione'>, 'uploadId'>, file: File | null) {
  const uploadId = file ? await sendFile(file) : null;
  return api.call('salAziende.addConvenzione', { ...input, uploadId });
}

/**
 * A convenzione's signed PDF (the core audits the read) saved by the browser; returns the core's
 * warning when the PDF holds active content ('' otherwise).
 */
export async function downloadConvenzione(id: string): Promise<string> {
  const meta = await api.call('salAziende.convenzionePdf', { id });
  downloadBytes(await receiveFile(meta.downloadId, meta.dimensione), meta.mime, meta.nome);
  return meta.avviso;
}

/** The month's payment list as a file the browser saves (its name says the month, no one's name). */
export async function exportPayments(month: string, formato: 'csv' | 'xlsx'): Promise<string> {
  const meta = await api.call('salPagamenti.export', { month, formato });
  downloadBytes(await receiveFile(meta.downloadId, meta.dimensione), meta.mime, meta.nome);
  return meta.nome;
}

export function resetSal(): void {
  for (const r of [cruscotto, beneficiari, beneficiario, aziende, azienda, tirocini, tirocinio, presenze, pagamenti, parametri]) r.reset();
}

/** For pickers: one read, no live refresh. */
export const listAziende = (input: InputOf<'salAziende.list'>) => api.call('salAziende.list', input);
export const getAzienda = (id: string) => api.call('salAziende.get', { id });
