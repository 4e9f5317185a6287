/**
 * The fields a person recognises, in the words of the forms that edit them. A column not listed
 * is named from its own words (underscores as spaces), which is still Italian: the schema is.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  cognome: 'Cognome',
  nome: 'Nome',
  codice_fiscale: 'Codice fiscale',
  sesso: 'Sesso',
  data_nascita: 'Data di nascita',
  luogo_nascita: 'Luogo di nascita',
  cittadinanza: 'Cittadinanza',
  cittadinanza2: 'Seconda cittadinanza',
  residenza_comune_istat: 'Comune di residenza',
  residenza_indirizzo: 'Indirizzo di residenza',
  domicilio: 'Domicilio',
  telefono: 'Telefono',
  email: 'Email',
  titolo_studio: 'Titolo di studio',
  condizione_lavorativa: 'Condizione lavorativa',
  permesso_soggiorno: 'Permesso di soggiorno',
  invalidita: 'Invalidità',
  legge_104: 'Legge 104/92',
  tutore: 'Tutore / amministratore di sostegno',
  testo: 'Testo',
  tipo: 'Tipo',
  data: 'Data',
  ora: 'Ora',
  luogo: 'Luogo',
  partecipanti: 'Partecipanti',
  riservato: 'Riservata',
  note: 'Note',
  descrizione: 'Descrizione',
  esito: 'Esito',
  esito_note: 'Note sull’esito',
  stato: 'Stato',
  inizio: 'Inizio',
  fine: 'Fine',
  motivo: 'Motivo',
  indirizzo: 'Indirizzo',
  data_inizio: 'Data di inizio',
  data_fine: 'Data di fine',
  importo_cents: 'Importo',
  ore_mensili: 'Ore mensili',
  revisione_mesi: 'Revisione ogni (mesi)',
  prossima_revisione: 'Prossima revisione',
  problematiche: 'Problematiche',
  area: 'Area di utenza',
  sede_id: 'Sede',
  room_id: 'Stanza',
};

export function fieldLabel(col: string): string {
  const known = FIELD_LABELS[col];
  if (known) return known;
  const words = col.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A cell's JSON as a person reads it: text as it is, a number as a number, nothing as ''. */
export function displayValue(json: string): string {
  const v = JSON.parse(json) as string | number | null;
  if (v === null) return '';
  return typeof v === 'string' ? v : String(v);
}
