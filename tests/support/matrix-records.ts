import type { InputOf } from '../../shared/contracts';
import type { Side } from './matrix-fixture';

/**
 * The rows of the records channels (audit export, art. 30 record, conservazione e scarto) and
 * their payloads. The scarto is the coordinator's alone: it exports whole case files, and the
 * administrator sees no one's personal data. The payloads never empty a file: the fixture's cases
 * are open, so an allowed export meets the retention rule (VALIDATION), and execute names no scarto.
 */
export const RECORDS_MATRIX = {
  'audit.export': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'records.get': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'records.save': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'records.print': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'retention.candidates': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:-',
  'retention.export': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:-',
  'retention.execute': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:-',
  'retention.open': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:-',
  'retention.saveCopy': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:-',
} as const;

export const RECORDS_NAMES_NO_ONE = [
  'audit.export',
  'records.get',
  'records.save',
  'records.print',
  'retention.candidates',
  'retention.execute',
  'retention.open',
  'retention.saveCopy',
] as const;

export const RECORDS_ACCEPTED_ERRORS: Record<'retention.export' | 'retention.execute' | 'retention.open' | 'retention.saveCopy', string[]> = {
  'retention.export': ['VALIDATION'],
  'retention.execute': ['NOT_FOUND'],
  'retention.open': ['NOT_FOUND'],
  'retention.saveCopy': ['NOT_FOUND'],
};

const REGISTRO: InputOf<'records.save'>['fields'] = {
  titolare: 'Comune di Narni (capofila)',
  titolareContatti: '',
  dpo: 'DPO della matrice',
  dpoContatti: 'dpo@example.it',
  finalita: 'Servizio sociale',
  basiGiuridiche: 'Art. 6 e 9 GDPR',
  categorieInteressati: 'Utenti del servizio',
  categorieDati: 'Anagrafici, salute',
  destinatari: 'Operatori autorizzati',
  trasferimenti: '',
  misureAggiuntive: '',
};

export function recordsPayloads(h: { caseId: (side: Side) => string; newId: () => string }) {
  return {
    'audit.export': () => ({ log: 'data' as const, formato: 'csv' as const, dal: null, al: null }),
    'records.get': () => ({}),
    'records.save': () => ({ fields: REGISTRO, conservazioneAnni: 10 }),
    'records.print': () => ({}),
    'retention.candidates': () => ({}),
    'retention.export': (side: Side) => ({
      caseIds: [h.caseId(side)],
      autorizzazione: { ente: 'Soprintendenza archivistica', numero: '1/2026', data: '2026-01-10' },
      note: '',
      passphrase: 'frase lunga della matrice',
    }),
    'retention.execute': () => ({ scartoId: h.newId(), sha256: '0'.repeat(64), confirm: true as const }),
    'retention.open': () => ({ scartoId: h.newId(), passphrase: 'frase lunga della matrice' }),
    'retention.saveCopy': () => ({ scartoId: h.newId() }),
  };
}
