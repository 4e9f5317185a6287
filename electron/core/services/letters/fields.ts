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

type Row = [campo: string, label: string, tipo: FieldType, sensibile: boolean, esempio: string];

const ROWS: Row[] = [
  ['persona.cognome', 'Cognome', 'testo', false, 'D’Annunzio-Colò'],
  ['persona.nome', 'Nome', 'testo', false, 'Nicolò'],
  ['persona.nome_completo', 'Nome e cognome', 'testo', false, 'Nicolò D’Annunzio-Colò'],
  ['persona.codice_fiscale', 'Codice fiscale', 'testo', false, 'DNNNCL80A01F844X'],
  ['persona.data_nascita', 'Data di nascita', 'data', false, '1980-01-01'],
  ['persona.luogo_nascita', 'Luogo di nascita', 'testo', false, 'Narni'],
  ['persona.nato', '«nato» o «nata»', 'testo', false, 'nato'],
  ['persona.saluto', 'Saluto («Gentile signora», «Gentile signore»)', 'testo', false, 'Gentile signore'],
  ['persona.cittadinanza', 'Cittadinanza', 'testo', false, 'Italia'],
  ['persona.indirizzo', 'Indirizzo di residenza', 'testo', false, 'Via Roma 1'],
  ['persona.comune', 'Comune di residenza', 'testo', false, 'Narni'],
  ['persona.provincia', 'Provincia di residenza', 'testo', false, 'TR'],
  ['persona.domicilio', 'Domicilio (se diverso dalla residenza)', 'testo', false, ''],
  ['persona.telefono', 'Telefono', 'testo', false, '0744 000000'],
  ['persona.email', 'Email', 'testo', false, 'nome@example.it'],
  ['persona.titolo_studio', 'Titolo di studio', 'testo', false, 'Diploma'],
  ['persona.condizione_lavorativa', 'Condizione lavorativa', 'testo', false, 'Disoccupato'],
  ['persona.tutore', 'Tutore o amministratore di sostegno', 'testo', false, ''],
  ['persona.permesso_soggiorno', 'Permesso di soggiorno', 'testo', true, ''],
  ['persona.invalidita', 'Invalidità civile', 'testo', true, '67%'],
  ['persona.legge_104', 'Legge 104/92', 'testo', true, 'Sì'],
  ['cartella.numero', 'Numero della cartella', 'testo', false, '2026/N-0042'],
  ['cartella.stato', 'Stato della cartella', 'testo', false, 'In carico'],
  ['cartella.aperta_il', 'Data di apertura', 'data', false, '2026-03-03'],
  ['cartella.chiusa_il', 'Data di chiusura', 'data', false, '2026-06-30'],
  ['cartella.motivo_chiusura', 'Motivo della chiusura', 'testo', true, 'Obiettivi raggiunti'],
  ['cartella.area', 'Area di utenza', 'testo', true, 'Povertà ed esclusione sociale'],
  ['cartella.problematiche', 'Problematiche', 'testo', true, 'Disagio abitativo'],
  ['cartella.operatore', 'Operatore responsabile', 'testo', false, 'Maria Rossi'],
  ['cartella.operatore_profilo', 'Profilo dell’operatore responsabile', 'testo', false, 'Assistente sociale'],
  ['cartella.sede', 'Sede della cartella', 'testo', false, 'Narni'],
  ['cartella.sede_indirizzo', 'Indirizzo della sede', 'testo', false, 'Piazza dei Priori 1, Narni'],
  ['cartella.sede_telefono', 'Telefono della sede', 'testo', false, '0744 000000'],
  ['pai.data_avvio', 'Avvio del PAI', 'data', false, '2026-03-03'],
  ['pai.revisione_mesi', 'Revisione ogni (mesi)', 'testo', false, '6'],
  ['pai.prossima_revisione', 'Prossima revisione', 'data', false, '2026-09-03'],
  ['pai.note', 'Note del PAI', 'testo', true, ''],
  ['pai.obiettivi', 'Obiettivi (elenco: termine, descrizione, esito)', 'elenco', true, ''],
  ['isee.valore', 'Valore ISEE', 'testo', true, '€ 5.000,00'],
  ['isee.anno', 'Anno dell’ISEE', 'testo', true, '2026'],
  ['isee.scadenza', 'Scadenza dell’ISEE', 'data', true, '2026-12-31'],
  ['appuntamento.data', 'Data dell’appuntamento', 'data', false, '2026-03-03'],
  ['appuntamento.ora', 'Ora di inizio', 'ora', false, '09:30'],
  ['appuntamento.ora_fine', 'Ora di fine', 'ora', false, '10:30'],
  ['appuntamento.tipo', 'Tipo di appuntamento', 'testo', false, 'Colloquio'],
  ['appuntamento.sede', 'Sede', 'testo', false, 'Amelia'],
  ['appuntamento.sede_indirizzo', 'Indirizzo della sede', 'testo', false, 'Piazza Matteotti 1, Amelia'],
  ['appuntamento.sede_telefono', 'Telefono della sede', 'testo', false, '0744 000000'],
  ['appuntamento.stanza', 'Stanza', 'testo', false, 'Stanza 2'],
  ['appuntamento.luogo', 'Luogo (sede e stanza, o indirizzo della visita)', 'testo', false, 'Sede di Amelia, Stanza 2'],
  ['appuntamento.operatore', 'Operatore o operatori', 'testo', false, 'Maria Rossi'],
  ['tirocinio.azienda', 'Azienda ospitante', 'testo', false, 'Cooperativa Sociale Esempio'],
  ['tirocinio.azienda_codice', 'Partita IVA o codice fiscale dell’azienda', 'testo', false, '01234567890'],
  ['tirocinio.azienda_indirizzo', 'Sede dell’azienda', 'testo', false, 'Via dell’Industria 5'],
  ['tirocinio.azienda_comune', 'Comune dell’azienda', 'testo', false, 'Narni'],
  ['tirocinio.azienda_referente', 'Referente dell’azienda', 'testo', false, 'Luca Bianchi'],
  ['tirocinio.mansione', 'Mansione', 'testo', false, 'Addetto al magazzino'],
  ['tirocinio.obiettivi', 'Obiettivi formativi', 'testo', false, 'Acquisire autonomia nella gestione del magazzino'],
  ['tirocinio.sede_svolgimento', 'Sede di svolgimento', 'testo', false, 'Magazzino di Narni Scalo'],
  ['tirocinio.inizio', 'Inizio', 'data', false, '2026-03-02'],
  ['tirocinio.fine', 'Fine prevista', 'data', false, '2026-08-31'],
  ['tirocinio.ore_settimanali', 'Ore settimanali', 'testo', false, '20'],
  ['tirocinio.orario', 'Orario settimanale', 'testo', false, 'lunedì 4 ore, martedì 4 ore'],
  ['tirocinio.tutor_aziendale', 'Tutor aziendale', 'testo', false, 'Luca Bianchi'],
  ['tirocinio.tutor_promotore', 'Tutor del soggetto promotore', 'testo', false, 'Maria Rossi'],
  ['tirocinio.regime', 'Regime del tirocinio (rivela una disabilità o uno svantaggio)', 'testo', true, 'Tirocinio extracurricolare ordinario'],
  ['tirocinio.pagato_da', 'Chi paga l’indennità', 'testo', false, 'Zona Sociale 11'],
  ['tirocinio.inail', 'Posizione INAIL', 'testo', false, 'PAT 123456'],
  ['tirocinio.rc', 'Polizza di responsabilità civile', 'testo', false, 'Polizza n. 987'],
  ['tirocinio.convenzione_numero', 'Numero della convenzione', 'testo', false, '12/2026'],
  ['tirocinio.convenzione_data', 'Data della convenzione', 'data', false, '2026-02-15'],
  ['tirocinio.convenzione_scadenza', 'Scadenza della convenzione', 'data', false, '2027-02-14'],
  ['tirocinio.esito', 'Esito', 'testo', false, 'Conclusione'],
  ['tirocinio.esito_data', 'Data dell’esito', 'data', false, '2026-08-31'],
  ['tirocinio.mese', 'Mese del registro presenze', 'testo', false, 'marzo 2026'],
  ['tirocinio.giorni', 'Giorni del mese (elenco: data, giorno, ore, assenza)', 'elenco', false, ''],
  ['tirocinio.ore_mese', 'Ore svolte nel mese', 'testo', false, '80'],
  ['tirocinio.ore_totali', 'Ore svolte in tutto', 'testo', false, '480'],
  ['zona.nome', 'Nome della zona', 'testo', false, 'Zona Sociale 11'],
  ['zona.ente', 'Ente', 'testo', false, 'Comune di Narni (capofila)'],
  ['zona.intestazione', 'Intestazione', 'testo', false, 'Zona Sociale 11 - Ufficio della Cittadinanza'],
  ['zona.sottotitolo', 'Sottotitolo dell’intestazione', 'testo', false, ''],
  ['zona.indirizzo', 'Indirizzo dell’intestazione', 'testo', false, ''],
  ['zona.contatti', 'Contatti dell’intestazione', 'testo', false, ''],
  ['operatore.nome', 'Nome dell’operatore che stampa', 'testo', false, 'Maria Rossi'],
  ['operatore.profilo', 'Profilo dell’operatore che stampa', 'testo', false, 'Assistente sociale'],
  ['documento.data', 'Data del documento (oggi)', 'data', false, '2026-03-03'],
  ['documento.luogo', 'Luogo del documento', 'testo', false, 'Narni'],
  ['documento.protocollo', 'Protocollo (numero e data, o lo spazio per scriverli)', 'testo', false, 'n. 0012345 del 03/03/2026'],
];

export const FIELDS: readonly FieldDef[] = ROWS.map(([campo, label, tipo, sensibile, esempio]) => ({ campo, label, gruppo: campo.split('.')[0] as string, tipo, sensibile, esempio }));

export const FIELD_BY_KEY: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.campo, f]));

/** Fields of the items of a list field (`{% for o in pai.obiettivi %}{{ o.descrizione }}`). */
export const LIST_ITEM_KEYS: Record<string, readonly string[]> = {
  'pai.obiettivi': ['termine', 'descrizione', 'esito'],
  'tirocinio.giorni': ['data', 'giorno', 'ore', 'assenza', 'festivo'],
};
