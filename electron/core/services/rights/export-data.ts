import { actionLabel, profileLabel } from '../../../../shared/domain/audit-labels';
import type { PlainRow } from '../../db/repositories/rights.repo';
import type { Store } from '../../store';

/** One part of the export: a CSV file in the bundle, a table in the PDF. */
export interface ExportSection {
  /** File name in the bundle (`<key>.csv`) and key of the JSON. */
  key: string;
  titolo: string;
  /** Said above the table in the PDF: what was left out and why. */
  nota: string | null;
  rows: PlainRow[];
  /** The columns printed, when not all: the access log is a table on paper, all of it in the files. */
  pdfColumns?: readonly string[];
}

/** Columns that are the program's machinery, not the person's data: never exported. */
const INTERNAL = new Set(['cf_root', 'file', 'sha256', 'exdates', 'series_id', 'original_date', 'series_until', 'tz', 'conflitto_confermato', 'parametri_id']);

/** A reserved note's fields that are withheld; its date, type and author stay. */
const RESERVED_WITHHELD = ['testo', 'partecipanti', 'luogo'] as const;

export const RESERVED_NOTE =
  'Nota riservata: il contenuto non è riportato. Per le regole dell’ufficio le note riservate le leggono solo gli psicologi e le persone indicate; la comunicazione all’interessato del loro contenuto la valuta il professionista che le ha scritte (art. 15, par. 4 GDPR).';

const clean = (rows: PlainRow[]): PlainRow[] => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !INTERNAL.has(k))));

function diary(rows: PlainRow[]): PlainRow[] {
  return rows.map((r) => {
    if (r['riservato'] !== 1) return r;
    const out: PlainRow = { ...r };
    for (const k of RESERVED_WITHHELD) out[k] = '';
    out['testo'] = RESERVED_NOTE;
    return out;
  });
}

function withProfileLabels(rows: PlainRow[], column: string): PlainRow[] {
  return rows.map((r) => ({ ...r, [column]: profileLabel(typeof r[column] === 'string' ? r[column] : null) }));
}

/** Who accessed the person's data and when, from the audit log, the actions in Italian. */
function accessLog(store: Store, personId: string): PlainRow[] {
  store.writer.flushAudit();
  return store.audit.bySubject('persona', personId).map((r) => ({
    data: r.at,
    utente: r.username,
    profilo: profileLabel(r.profile),
    azione: actionLabel(r.action),
    oggetto: r.subjectLabel,
    finalita: r.purpose,
    esito: r.outcome === 'ok' ? 'eseguita' : r.outcome === 'denied' ? 'negata' : 'errore',
    postazione: r.workstation,
  }));
}

/**
 * Everything the office holds about one person (GDPR art. 15), section by section. What
 * concerns someone else is left out by the queries (rights.repo.ts): of the household, the other
 * members' names and relation only; of their cases, the number only. Reserved notes of
 * psicologi keep their date, type and author, not their content (RESERVED_NOTE).
 */
export function gatherExport(store: Store, personId: string): ExportSection[] {
  const r = store.rights;
  const s = (key: string, titolo: string, rows: PlainRow[], nota: string | null = null): ExportSection => ({ key, titolo, nota, rows: clean(rows) });
  return [
    s('anagrafica', 'Anagrafica e contatti', r.person(personId)),
    s(
      'nucleo',
      'Nucleo familiare',
      r.household(personId),
      'Degli altri componenti sono riportati solo nome, cognome e rapporto di parentela registrati nella cartella dell’interessato.',
    ),
    s('isee', 'ISEE', r.isee(personId)),
    s('accessi_sportello', 'Accessi allo sportello', r.accessi(personId)),
    s('cartelle', 'Cartelle sociali', r.cases(personId)),
    s(
      'cartelle_nucleo',
      'Cartelle di altri componenti del nucleo',
      r.householdCases(personId),
      'Cartelle intestate ad altri componenti del nucleo: se ne riporta solo il numero; il contenuto riguarda altre persone e va valutato caso per caso (art. 15, par. 4 GDPR).',
    ),
    s('stati_cartella', 'Stati delle cartelle', r.caseHistory(personId)),
    s('operatori', 'Operatori delle cartelle', withProfileLabels(r.caseOperators(personId), 'profilo')),
    s('diario', 'Diario', withProfileLabels(diary(r.diary(personId)), 'autore_profilo'), RESERVED_NOTE),
    s('pai', 'PAI / progetto personalizzato', r.pai(personId)),
    s('pai_obiettivi', 'Obiettivi del PAI', r.paiObjectives(personId)),
    s('interventi', 'Interventi', r.interventions(personId)),
    s('erogazioni', 'Erogazioni', r.deliveries(personId)),
    s('appuntamenti', 'Appuntamenti', r.appointments(personId)),
    s('allegati', 'Allegati (elenco)', r.attachments(personId), 'Elenco dei file allegati alle cartelle; i file si consegnano a parte, se richiesti.'),
    s('documenti', 'Documenti e lettere (elenco)', r.documents(personId)),
    s('sal_beneficiario', 'SAL: scheda del beneficiario', r.salBeneficiari(personId)),
    s('sal_fasi', 'SAL: fasi', r.salFasi(personId)),
    s('sal_attivita', 'SAL: attività', r.salAttivita(personId)),
    s('consensi', 'Consensi', r.salConsensi(personId)),
    s('sal_tirocini', 'SAL: tirocini', r.salTirocini(personId)),
    s('sal_presenze', 'SAL: presenze', r.salPresenze(personId)),
    s('limitazioni', 'Limitazioni del trattamento (art. 18)', r.restrictions(personId)),
    {
      ...s('accessi_ai_dati', 'Chi ha consultato o trattato i dati, e quando', accessLog(store, personId)),
      pdfColumns: ['data', 'utente', 'profilo', 'azione', 'oggetto', 'esito'],
    },
  ];
}
