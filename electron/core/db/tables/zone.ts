import { flag, int, table, text } from './columns';

/** The zone's settings, its comuni, sedi and rooms (migrations 0001, 0004). */
export const zoneTables = {
  zone: table({
    nome: text(),
    ente: text(),
    lh_intestazione: text(),
    lh_sottotitolo: text(),
    lh_indirizzo: text(),
    lh_contatti: text(),
    idle_timeout_min: int(),
    /** JSON array of profile codes. */
    responsabili_profili: text(),
    ex_operatore_legge_propri: flag(),
    /** Envelope window preset for letters (migration 0010). */
    finestra_busta: text<'destra_it' | 'din5008b'>(),
    /** The letterhead's logo as a data URL, or null (migration 0011). */
    logo: text().null(),
    /** Years a closed case file is kept before review for scarto (migration 0016). */
    conservazione_anni: int(),
    /** JSON: the editable fields of the registro dei trattamenti, art. 30 GDPR (migration 0016). */
    registro_trattamenti: text(),
    /** The report's small-count threshold, 3..20 (migration 0017). */
    report_soglia: int(),
  }),
  comuni: table({ istat: text(), catastale: text(), nome: text(), provincia: text() }),
  sedi: table({ nome: text(), lettera: text(), comune_istat: text(), indirizzo: text(), telefono: text() }),
  rooms: table({ sede_id: text(), nome: text(), attiva: flag() }),
};
