import type { SubjectKind } from '../../../../shared/domain/letters';

/** How a value prints: text as is, a date or time through the Italian filters, a list to loop over. */
export type FieldType = 'testo' | 'data' | 'ora' | 'elenco';

export interface FieldDef {
  campo: string;
  label: string;
  gruppo: string;
  tipo: FieldType;
  /** Health, invalidità, diagnosis, riservato notes, ISEE, residence permit: never in an `esterno` letter. */
  sensibile: boolean;
  esempio: string;
}

/** The records that provide each group of fields (through the person, the case, the appointment, the tirocinio). */
export const GROUP_SOURCES: Record<string, readonly SubjectKind[]> = {
  persona: ['persona', 'cartella', 'appuntamento', 'tirocinio'],
  cartella: ['cartella', 'appuntamento', 'tirocinio', 'persona'],
  pai: ['cartella', 'appuntamento', 'tirocinio', 'persona'],
  isee: ['persona', 'cartella', 'appuntamento', 'tirocinio'],
  appuntamento: ['appuntamento'],
  tirocinio: ['tirocinio'],
  zona: ['persona', 'cartella', 'appuntamento', 'tirocinio'],
  operatore: ['persona', 'cartella', 'appuntamento', 'tirocinio'],
  documento: ['persona', 'cartella', 'appuntamento', 'tirocinio'],
};

export const GROUP_LABELS: Record<string, string> = {
  persona: 'Persona',
  cartella: 'Cartella sociale',
  pai: 'PAI',
  isee: 'ISEE',
  appuntamento: 'Appuntamento',
  tirocinio: 'Tirocinio',
  zona: 'Zona e intestazione',
  operatore: 'Operatore che stampa',
  documento: 'Documento',
};

type Row = [key: string, label: string, tipo: FieldType, sensibile: boolean, esempio: string];

/** The catalogue by group: `persona` + `cognome` is the placeholder `persona.cognome`. */
const ROWS: Record<string, Row[]> = {
  persona: [
    ['cognome', 'Cognome', 'testo', false, 'D’Annunzio-Colò'],
    ['nome', 'Nome', 'testo', false, 'Nicolò'],
    ['nome_completo', 'Nome e cognome', 'testo', false, 'Nicolò D’Annunzio-Colò'],
    ['codice_fiscale', 'Codice fiscale', 'testo', false, 'DNNNCL80A01F844X'],
    ['data_nascita', 'Data di nascita', 'data', false, '1980-01-01'],
    ['luogo_nascita', 'Luogo di nascita', 'testo', false, 'Narni'],
    ['nato', '«nato» o «nata»', 'testo', false, 'nato'],
    ['saluto', 'Saluto («Gentile signora», «Gentile signor»)', 'testo', false, 'Gentile signor'],
    ['cittadinanza', 'Cittadinanza', 'testo', false, 'Italia'],
    ['indirizzo', 'Indirizzo di residenza', 'testo', false, 'Via Roma 1'],
    ['comune', 'Comune di residenza', 'testo', false, 'Narni'],
    ['provincia', 'Provincia di residenza', 'testo', false, 'TR'],
    ['domicilio', 'Domicilio (se diverso dalla residenza)', 'testo', false, ''],
    ['telefono', 'Telefono', 'testo', false, '0744 000000'],
    ['email', 'Email', 'testo', false, 'nome@example.it'],
    ['titolo_studio', 'Titolo di studio', 'testo', false, 'Diploma'],
    ['condizione_lavorativa', 'Condizione lavorativa', 'testo', false, 'Disoccupato'],
    ['tutore', 'Tutore o amministratore di sostegno', 'testo', false, ''],
    ['permesso_soggiorno', 'Permesso di soggiorno', 'testo', true, ''],
    ['invalidita', 'Invalidità civile', 'testo', true, '67%'],
    ['legge_104', 'Legge 104/92', 'testo', true, 'Sì'],
  ],
  cartella: [
    ['numero', 'Numero della cartella', 'testo', false, '2026/N-0042'],
    ['stato', 'Stato della cartella', 'testo', false, 'In carico'],
    ['aperta_il', 'Data di apertura', 'data', false, '2026-03-03'],
    ['chiusa_il', 'Data di chiusura', 'data', false, '2026-06-30'],
    ['motivo_chiusura', 'Motivo della chiusura', 'testo', true, 'Obiettivi raggiunti'],
    ['area', 'Area di utenza', 'testo', true, 'Povertà ed esclusione sociale'],
    ['problematiche', 'Problematiche', 'testo', true, 'Disagio abitativo'],
    ['operatore', 'Operatore responsabile', 'testo', false, 'Maria Rossi'],
    ['operatore_profilo', 'Profilo dell’operatore responsabile', 'testo', false, 'Assistente sociale'],
    ['sede', 'Sede della cartella', 'testo', false, 'Narni'],
    ['sede_indirizzo', 'Indirizzo della sede', 'testo', false, 'Piazza dei Priori 1, Narni'],
    ['sede_telefono', 'Telefono della sede', 'testo', false, '0744 000000'],
  ],
  pai: [
    ['data_avvio', 'Avvio del PAI', 'data', false, '2026-03-03'],
    ['revisione_mesi', 'Revisione ogni (mesi)', 'testo', false, '6'],
    ['prossima_revisione', 'Prossima revisione', 'data', false, '2026-09-03'],
    ['note', 'Note del PAI', 'testo', true, ''],
    ['obiettivi', 'Obiettivi (elenco: termine, descrizione, esito)', 'elenco', true, ''],
  ],
  isee: [
    ['valore', 'Valore ISEE', 'testo', true, '€ 5.000,00'],
    ['anno', 'Anno dell’ISEE', 'testo', true, '2026'],
    ['scadenza', 'Scadenza dell’ISEE', 'data', true, '2026-12-31'],
  ],
  appuntamento: [
    ['data', 'Data dell’appuntamento', 'data', false, '2026-03-03'],
    ['ora', 'Ora di inizio', 'ora', false, '09:30'],
    ['ora_fine', 'Ora di fine', 'ora', false, '10:30'],
    ['tipo', 'Tipo di appuntamento', 'testo', false, 'Colloquio'],
    ['sede', 'Sede', 'testo', false, 'Amelia'],
    ['sede_indirizzo', 'Indirizzo della sede', 'testo', false, 'Piazza Matteotti 1, Amelia'],
    ['sede_telefono', 'Telefono della sede', 'testo', false, '0744 000000'],
    ['stanza', 'Stanza', 'testo', false, 'Stanza 2'],
    ['luogo', 'Luogo (sede e stanza, o indirizzo della visita)', 'testo', false, 'Sede di Amelia, Stanza 2'],
    ['operatore', 'Operatore o operatori', 'testo', false, 'Maria Rossi'],
  ],
  tirocinio: [
    ['azienda', 'Azienda ospitante', 'testo', false, 'Cooperativa Sociale Esempio'],
    ['azienda_codice', 'Partita IVA o codice fiscale dell’azienda', 'testo', false, '01234567890'],
    ['azienda_indirizzo', 'Sede dell’azienda', 'testo', false, 'Via dell’Industria 5'],
    ['azienda_comune', 'Comune dell’azienda', 'testo', false, 'Narni'],
    ['azienda_referente', 'Referente dell’azienda', 'testo', false, 'Luca Bianchi'],
    ['mansione', 'Mansione', 'testo', false, 'Addetto al magazzino'],
    ['obiettivi', 'Obiettivi formativi', 'testo', false, 'Acquisire autonomia nella gestione del magazzino'],
    ['sede_svolgimento', 'Sede di svolgimento', 'testo', false, 'Magazzino di Narni Scalo'],
    ['inizio', 'Inizio', 'data', false, '2026-03-02'],
    ['fine', 'Fine prevista', 'data', false, '2026-08-31'],
    ['ore_settimanali', 'Ore settimanali', 'testo', false, '20'],
    ['orario', 'Orario settimanale', 'testo', false, 'lunedì 4 ore, martedì 4 ore'],
    ['tutor_aziendale', 'Tutor aziendale', 'testo', false, 'Luca Bianchi'],
    ['tutor_promotore', 'Tutor del soggetto promotore', 'testo', false, 'Maria Rossi'],
    ['regime', 'Regime del tirocinio (rivela una disabilità o uno svantaggio)', 'testo', true, 'Tirocinio extracurricolare ordinario'],
    ['pagato_da', 'Chi paga l’indennità', 'testo', false, 'Zona Sociale 11'],
    ['inail', 'Posizione INAIL', 'testo', false, 'PAT 123456'],
    ['rc', 'Polizza di responsabilità civile', 'testo', false, 'Polizza n. 987'],
    ['convenzione_numero', 'Numero della convenzione', 'testo', false, '12/2026'],
    ['convenzione_data', 'Data della convenzione', 'data', false, '2026-02-15'],
    ['convenzione_scadenza', 'Scadenza della convenzione', 'data', false, '2027-02-14'],
    ['esito', 'Esito', 'testo', false, 'Conclusione'],
    ['esito_data', 'Data dell’esito', 'data', false, '2026-08-31'],
    ['mese', 'Mese del registro presenze', 'testo', false, 'marzo 2026'],
    ['giorni', 'Giorni del mese (elenco: data, giorno, ore, assenza)', 'elenco', false, ''],
    ['ore_mese', 'Ore svolte nel mese', 'testo', false, '80'],
    ['ore_totali', 'Ore svolte in tutto', 'testo', false, '480'],
  ],
  zona: [
    ['nome', 'Nome della zona', 'testo', false, 'Zona Sociale 11'],
    ['ente', 'Ente', 'testo', false, 'Comune di Narni (capofila)'],
    ['intestazione', 'Intestazione', 'testo', false, 'Zona Sociale 11 - Ufficio della Cittadinanza'],
    ['sottotitolo', 'Sottotitolo dell’intestazione', 'testo', false, ''],
    ['indirizzo', 'Indirizzo dell’intestazione', 'testo', false, ''],
    ['contatti', 'Contatti dell’intestazione', 'testo', false, ''],
  ],
  operatore: [
    ['nome', 'Nome dell’operatore che stampa', 'testo', false, 'Maria Rossi'],
    ['profilo', 'Profilo dell’operatore che stampa', 'testo', false, 'Assistente sociale'],
  ],
  documento: [
    ['data', 'Data del documento (oggi)', 'data', false, '2026-03-03'],
    ['luogo', 'Luogo del documento', 'testo', false, 'Narni'],
    ['protocollo', 'Protocollo (numero e data, o lo spazio per scriverli)', 'testo', false, 'n. 0012345 del 03/03/2026'],
  ],
};

export const FIELDS: readonly FieldDef[] = Object.entries(ROWS).flatMap(([gruppo, rows]) =>
  rows.map(([key, label, tipo, sensibile, esempio]) => ({ campo: `${gruppo}.${key}`, label, gruppo, tipo, sensibile, esempio })),
);

export const FIELD_BY_KEY: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.campo, f]));

/** Fields of the items of each list field, by group (`{% for o in pai.obiettivi %}{{ o.descrizione }}`). */
export const LIST_ITEM_KEYS: Record<string, Record<string, readonly string[]>> = {
  pai: { obiettivi: ['termine', 'descrizione', 'esito'] },
  tirocinio: { giorni: ['data', 'giorno', 'ore', 'assenza', 'festivo'] },
};
