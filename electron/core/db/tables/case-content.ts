import type { Termine } from '../../../../shared/domain/cartella';
import { flag, int, real, table, text } from './columns';

const diaryFields = {
  tipo: text(),
  data: text(),
  ora: text(),
  luogo: text(),
  partecipanti: text(),
  testo: text(),
  riservato: flag(),
  autore_id: text(),
};

/** What a case file holds: diary, PAI, interventions and deliveries, attachments (migration 0002). */
export const caseContentTables = {
  diary_entries: table({ case_id: text(), ...diaryFields, versione: int(), created_at: text() }),
  /** Every earlier version of an edited entry, kept whole. */
  diary_versions: table({ entry_id: text(), versione: int(), ...diaryFields, sostituita_il: text() }),
  diary_named_users: table({ entry_id: text(), user_id: text() }),
  pai: table({
    case_id: text(),
    data_avvio: text(),
    revisione_mesi: int(),
    prossima_revisione: text(),
    stato: text<'attivo' | 'chiuso'>(),
    chiuso_il: text().null(),
    note: text(),
    created_at: text(),
  }),
  pai_objectives: table({ pai_id: text(), termine: text<Termine>(), descrizione: text(), esito: text(), esito_note: text(), ordine: int() }),
  interventions: table({
    case_id: text(),
    prestazione_codice: text(),
    descrizione: text(),
    data_inizio: text(),
    data_fine: text().null(),
    importo_cents: int().null(),
    quota_ente_cents: int().null(),
    quota_utente_cents: int().null(),
    ore_mensili: real().null(),
    stato: text<'previsto' | 'attivo' | 'concluso' | 'annullato'>(),
    created_at: text(),
  }),
  deliveries: table({
    intervention_id: text(),
    data: text(),
    importo_cents: int().null(),
    quota_ente_cents: int().null(),
    quota_utente_cents: int().null(),
    ore: real().null(),
    note: text(),
    created_at: text(),
  }),
  attachments: table({
    case_id: text(),
    /** Sanitised display name. */
    nome: text(),
    /** Detected from the content: pdf, png, jpeg, docx, odt, txt. */
    tipo: text(),
    dimensione: int(),
    sha256: text(),
    /** App-generated name inside allegati/. */
    file: text(),
    descrizione: text(),
    autore_id: text(),
    created_at: text(),
    /** 1: a PDF with active content, found at upload; NULL: filed before the check was stored (migration 0006). */
    contenuto_attivo: flag().null(),
  }),
};
