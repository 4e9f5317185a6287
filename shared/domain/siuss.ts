/**
 * The SIUSS "Prestazioni sociali" record the office sends INPS, built from one erogazione of an
 * intervento, and the rules it must pass before it is written. Pure: the core feeds it rows, the
 * tests feed it literals. The official tracciato (XSD) is not public here, so the record carries
 * the fields the flow asks for under documented column names (README, "Flusso SIUSS").
 */
import { AREE, PRESTAZIONE_RE, type Area } from './cartella';
import { validateCf } from './codice-fiscale';
import { daysInMonth, formatItalianDate, isValidIsoDate } from './dates';
import { formatEuroCents } from './money';

export const QUARTER_RE = /^(20\d{2})-T([1-4])$/;

/** A quarter 'aaaa-Tn' → its first and last day. */
export function quarterRange(periodo: string): { inizio: string; fine: string } {
  const m = QUARTER_RE.exec(periodo);
  if (!m) throw new Error(`Trimestre non valido: ${periodo}`);
  const year = Number(m[1]);
  const first = (Number(m[2]) - 1) * 3 + 1;
  const last = first + 2;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { inizio: `${year}-${pad(first)}-01`, fine: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` };
}

/** 'aaaa-Tn' → "1º trimestre 2026". */
export function quarterLabel(periodo: string): string {
  const m = QUARTER_RE.exec(periodo);
  return m ? `${m[2]}º trimestre ${m[1]}` : periodo;
}

/** One erogazione with what the flow needs from its intervento, case file and person. */
export interface SiussSource {
  deliveryId: string;
  interventionId: string;
  caseId: string;
  caseNumero: string;
  descrizione: string;
  prestazioneCodice: string;
  dataInizio: string;
  dataFine: string | null;
  dataErogazione: string;
  /** The erogazione's own amounts; the intervento's planned ones stand in where it has none. */
  importoCents: number | null;
  quotaEnteCents: number | null;
  quotaUtenteCents: number | null;
  /** The intervento's monthly hours (home care, educativa…); null when it is not counted in hours. */
  oreMensili: number | null;
  codiceFiscale: string | null;
  cognome: string;
  nome: string;
  area: string;
  presaInCarico: boolean;
  dsuProtocollo: string | null;
}

/** The record as written to the file (amounts in cents; the sheet writes euro). */
export interface SiussRecord {
  idErogazione: string;
  codiceFiscale: string;
  cognome: string;
  nome: string;
  codicePrestazione: string;
  descrizione: string;
  dataInizio: string;
  dataFine: string | null;
  dataErogazione: string;
  importoCents: number;
  quotaEnteCents: number;
  quotaUtenteCents: number;
  /** Absent in records sent before the column existed (see `sameAsSent`). */
  oreMensili?: number | null;
  protocolloDsu: string;
  presaInCarico: 'S' | 'N';
  areaUtenza: 1 | 2 | 3;
  numeroCartella: string;
}

export interface SiussProblem {
  campo: string;
  messaggio: string;
}

/** Where a problem is, in the words of the case screen: case number, intervento, erogazione. */
export function whereOf(s: SiussSource): string {
  return `Cartella ${s.caseNumero}, intervento «${s.descrizione || s.prestazioneCodice}» (${s.prestazioneCodice || 'senza codice'}), erogazione del ${formatItalianDate(s.dataErogazione)}`;
}

/**
 * The record, or every problem that keeps it out of the file (all at once, so one pass over the
 * case screen fixes them all). Nothing is skipped: the caller lists each problem.
 */
export function buildRecord(s: SiussSource): { ok: true; record: SiussRecord } | { ok: false; problems: SiussProblem[] } {
  const problems: SiussProblem[] = [];
  const cf = s.codiceFiscale ? validateCf(s.codiceFiscale) : null;
  if (!s.codiceFiscale) problems.push({ campo: 'codiceFiscale', messaggio: 'manca il codice fiscale della persona: inseriscilo nell’anagrafica.' });
  else if (cf && !cf.ok) problems.push({ campo: 'codiceFiscale', messaggio: `codice fiscale della persona non valido (${cf.message})` });
  if (!PRESTAZIONE_RE.test(s.prestazioneCodice))
    problems.push({ campo: 'codicePrestazione', messaggio: 'manca il codice prestazione INPS (es. A1.05.01): indicalo nell’intervento.' });
  if (!isValidIsoDate(s.dataInizio)) problems.push({ campo: 'dataInizio', messaggio: 'manca la data di inizio dell’intervento.' });
  else if (s.dataFine && s.dataFine < s.dataInizio) problems.push({ campo: 'dataFine', messaggio: 'la data di fine dell’intervento precede quella di inizio.' });
  if (isValidIsoDate(s.dataInizio) && s.dataErogazione < s.dataInizio) {
    problems.push({ campo: 'dataErogazione', messaggio: `l’erogazione è anteriore all’inizio dell’intervento (${formatItalianDate(s.dataInizio)}).` });
  }
  if (s.importoCents === null) problems.push({ campo: 'importo', messaggio: 'manca l’importo: indicalo nell’erogazione o nell’intervento.' });
  if (s.quotaEnteCents === null) problems.push({ campo: 'quotaEnte', messaggio: 'manca la quota a carico dell’ente: indicala nell’erogazione o nell’intervento.' });
  const utente = s.quotaUtenteCents ?? 0;
  if (s.importoCents !== null && s.quotaEnteCents !== null && s.quotaEnteCents + utente !== s.importoCents) {
    problems.push({
      campo: 'quote',
      messaggio: `quota ente (${formatEuroCents(s.quotaEnteCents)}) più quota utente (${formatEuroCents(utente)}) non fanno l’importo (${formatEuroCents(s.importoCents)}).`,
    });
  }
  const area = Object.hasOwn(AREE, s.area) ? AREE[s.area as Area].siuss : null;
  if (area === null) problems.push({ campo: 'areaUtenza', messaggio: 'l’area di utenza della cartella non è indicata: sceglila nel riepilogo della cartella.' });
  if (problems.length > 0 || !s.codiceFiscale || s.importoCents === null || s.quotaEnteCents === null || area === null) return { ok: false, problems };
  return {
    ok: true,
    record: {
      idErogazione: s.deliveryId,
      codiceFiscale: cf?.ok ? cf.cf : s.codiceFiscale,
      cognome: s.cognome,
      nome: s.nome,
      codicePrestazione: s.prestazioneCodice,
      descrizione: s.descrizione,
      dataInizio: s.dataInizio,
      dataFine: s.dataFine,
      dataErogazione: s.dataErogazione,
      importoCents: s.importoCents,
      quotaEnteCents: s.quotaEnteCents,
      quotaUtenteCents: utente,
      oreMensili: s.oreMensili,
      protocolloDsu: s.dsuProtocollo ?? '',
      presaInCarico: s.presaInCarico ? 'S' : 'N',
      areaUtenza: area,
      numeroCartella: s.caseNumero,
    },
  };
}

/** The file's columns, in order (the same in CSV and XLSX). */
export const SIUSS_COLUMNS = [
  'TipoOperazione',
  'IdErogazione',
  'CodiceFiscaleBeneficiario',
  'Cognome',
  'Nome',
  'CodicePrestazione',
  'DescrizionePrestazione',
  'DataInizio',
  'DataFine',
  'DataErogazione',
  'Importo',
  'QuotaEnte',
  'QuotaUtente',
  'OreMensili',
  'ProtocolloDSU',
  'PresaInCarico',
  'AreaUtenza',
  'NumeroCartella',
] as const;

/**
 * Whether the record INPS holds still says what the data says now. Only the fields the sent
 * record carries are compared: a column added later (OreMensili) does not resend, as a
 * correction, everything sent before it existed.
 */
export function sameAsSent(sent: SiussRecord, now: SiussRecord): boolean {
  const a = sent as unknown as Record<string, unknown>;
  const b = now as unknown as Record<string, unknown>;
  return Object.keys(a).every((k) => a[k] === b[k]);
}
