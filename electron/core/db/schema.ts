/**
 * Tables written through the write path, with the columns a change may touch. The write path
 * builds its SQL from these names only, never from caller input.
 */
export const WRITABLE = {
  zone: ['nome', 'ente', 'lh_intestazione', 'lh_sottotitolo', 'lh_indirizzo', 'lh_contatti', 'idle_timeout_min', 'responsabili_profili', 'ex_operatore_legge_propri'],
  comuni: ['istat', 'catastale', 'nome', 'provincia'],
  sedi: ['nome', 'lettera', 'comune_istat', 'indirizzo', 'telefono'],
  rooms: ['sede_id', 'nome', 'attiva'],
  users: ['username', 'full_name', 'profile', 'sede_id', 'disabled', 'must_change_password', 'created_at'],
  persons: [
    'cognome', 'nome', 'codice_fiscale', 'cf_root', 'sesso', 'data_nascita', 'luogo_nascita', 'cittadinanza', 'cittadinanza2',
    'residenza_comune_istat', 'residenza_indirizzo', 'domicilio', 'telefono', 'email', 'titolo_studio', 'condizione_lavorativa',
    'permesso_soggiorno', 'invalidita', 'legge_104', 'tutore', 'created_at',
  ],
  households: ['created_at'],
  household_members: ['household_id', 'person_id', 'parentela', 'convivente', 'attivo', 'dal', 'al'],
  isee: ['person_id', 'anno', 'tipo', 'ise_cents', 'isee_cents', 'dsu_protocollo', 'dsu_data', 'scadenza', 'created_at'],
  accessi: ['person_id', 'data', 'sede_id', 'inviato_da', 'motivo', 'esito', 'note', 'operatore_id', 'case_id', 'created_at'],
  cases: ['numero', 'anno', 'sede_id', 'progressivo', 'person_id', 'area', 'problematiche', 'stato', 'aperta_il', 'chiusa_il', 'archiviata', 'created_at'],
  case_status_history: ['case_id', 'stato', 'data', 'motivo', 'user_id', 'at'],
  case_operators: ['case_id', 'user_id', 'ruolo', 'dal', 'al', 'motivo'],
  diary_entries: ['case_id', 'tipo', 'data', 'ora', 'luogo', 'partecipanti', 'testo', 'riservato', 'autore_id', 'versione', 'created_at'],
  diary_versions: ['entry_id', 'versione', 'tipo', 'data', 'ora', 'luogo', 'partecipanti', 'testo', 'riservato', 'autore_id', 'sostituita_il'],
  diary_named_users: ['entry_id', 'user_id'],
  pai: ['case_id', 'data_avvio', 'revisione_mesi', 'prossima_revisione', 'stato', 'chiuso_il', 'note', 'created_at'],
  pai_objectives: ['pai_id', 'termine', 'descrizione', 'esito', 'esito_note', 'ordine'],
  interventions: [
    'case_id', 'prestazione_codice', 'descrizione', 'data_inizio', 'data_fine', 'importo_cents', 'quota_ente_cents', 'quota_utente_cents',
    'ore_mensili', 'stato', 'created_at',
  ],
  deliveries: ['intervention_id', 'data', 'importo_cents', 'quota_ente_cents', 'quota_utente_cents', 'ore', 'note', 'created_at'],
  attachments: ['case_id', 'nome', 'tipo', 'dimensione', 'sha256', 'file', 'descrizione', 'autore_id', 'created_at', 'contenuto_attivo'],
  emergency_accesses: ['case_id', 'user_id', 'motivo', 'at', 'scade_il', 'visto_da', 'visto_il'],
  appointments: [
    'tipo', 'sede_id', 'room_id', 'comune_istat', 'indirizzo', 'person_id', 'case_id', 'inizio', 'fine', 'tz', 'rrule', 'series_until', 'exdates',
    'series_id', 'original_date', 'stato', 'motivo', 'note', 'conflitto_confermato', 'created_by', 'created_at',
  ],
  appointment_operators: ['appointment_id', 'user_id', 'inizio', 'attivo'],
  sede_orari: ['sede_id', 'giorno', 'mattina_da', 'mattina_a', 'pomeriggio_da', 'pomeriggio_a'],
  comuni_patroni: ['comune_istat', 'giorno', 'santo'],
  account_notices: [
    'user_id', 'tipo', 'dettaglio', 'autore_id', 'at', 'stato', 'azione', 'unico_admin', 'confermato_da', 'confermato_il', 'visto_il', 'rivisto_da',
    'rivisto_il',
  ],
} as const;

export type WritableTable = keyof typeof WRITABLE;
export type ColumnOf<T extends WritableTable> = (typeof WRITABLE)[T][number];
export type CellValue = string | number | null;
export type RowValues<T extends WritableTable> = { [C in ColumnOf<T>]?: CellValue };
