/**
 * Words of the cartella sociale (the office's own terms): areas, states and their transitions, diary entry
 * types, kinship, ISEE types, PAI terms and outcomes. Codes are stable; labels are Italian.
 */
export const AREE = {
  famiglia_minori: { label: 'Famiglia e minori', siuss: 1 },
  disabilita: { label: 'Disabilità e non autosufficienza', siuss: 2 },
  poverta: { label: 'Povertà ed esclusione sociale', siuss: 3 },
  anziani: { label: 'Anziani', siuss: 2 },
  immigrati: { label: 'Immigrati', siuss: 3 },
  dipendenze: { label: 'Dipendenze', siuss: 3 },
} as const;
export type Area = keyof typeof AREE;
export const AREA_CODES = Object.keys(AREE) as Area[];

export const STATI = {
  aperto: 'Aperto',
  in_carico: 'In carico',
  sospeso: 'Sospeso',
  chiuso: 'Chiuso',
} as const;
export type StatoCartella = keyof typeof STATI;
export const STATO_CODES = Object.keys(STATI) as StatoCartella[];

/** Which state may follow which. A closed case file is reopened, never deleted. */
export const TRANSIZIONI: Record<StatoCartella, StatoCartella[]> = {
  aperto: ['in_carico', 'sospeso', 'chiuso'],
  in_carico: ['sospeso', 'chiuso'],
  sospeso: ['in_carico', 'chiuso'],
  chiuso: ['aperto'],
};

export function canMoveTo(from: StatoCartella, to: StatoCartella): boolean {
  return TRANSIZIONI[from].includes(to);
}

/** Moving to these states needs a stated reason. */
export const STATI_CON_MOTIVO: readonly StatoCartella[] = ['sospeso', 'chiuso', 'aperto'];

export const PROBLEMATICHE = {
  economica: 'Difficoltà economiche',
  abitativa: 'Problemi abitativi',
  lavoro: 'Mancanza di lavoro',
  salute: 'Problemi di salute',
  disabilita: 'Disabilità',
  non_autosufficienza: 'Non autosufficienza',
  familiare: 'Conflittualità familiare',
  genitorialita: 'Difficoltà genitoriali',
  tutela_minori: 'Tutela dei minori',
  violenza: 'Violenza di genere o domestica',
  dipendenza: 'Dipendenze',
  isolamento: 'Solitudine e isolamento',
  migrazione: 'Percorso migratorio',
  giudiziaria: 'Procedimenti giudiziari',
} as const;
export type Problematica = keyof typeof PROBLEMATICHE;
export const PROBLEMATICA_CODES = Object.keys(PROBLEMATICHE) as Problematica[];

export const DIARY_TYPES = {
  colloquio: 'Colloquio',
  visita_domiciliare: 'Visita domiciliare',
  telefonata: 'Telefonata',
  riunione_equipe: "Riunione d'équipe",
  relazione: 'Relazione',
  altro: 'Altro',
} as const;
export type DiaryType = keyof typeof DIARY_TYPES;
export const DIARY_TYPE_CODES = Object.keys(DIARY_TYPES) as DiaryType[];

export const PARENTELE = {
  intestatario: 'Intestatario della scheda',
  coniuge: 'Coniuge',
  convivente: 'Convivente',
  figlio: 'Figlio/a',
  genitore: 'Genitore',
  fratello: 'Fratello/sorella',
  nonno: 'Nonno/a',
  nipote: 'Nipote',
  suocero: 'Suocero/a',
  altro_parente: 'Altro parente',
  non_parente: 'Non parente',
} as const;
export type Parentela = keyof typeof PARENTELE;
export const PARENTELA_CODES = Object.keys(PARENTELE) as Parentela[];

export const ISEE_TIPI = {
  ordinario: 'Ordinario',
  sociosanitario: 'Socio-sanitario',
  minorenni: 'Prestazioni per minorenni',
  universitario: 'Università',
  corrente: 'Corrente',
} as const;
export type IseeTipo = keyof typeof ISEE_TIPI;
export const ISEE_TIPO_CODES = Object.keys(ISEE_TIPI) as IseeTipo[];
/** An ISEE shows as due this many days before it expires. */
export const ISEE_ALERT_DAYS = 30;

export const TERMINI = { breve: 'Breve termine', medio: 'Medio termine', lungo: 'Lungo termine' } as const;
export type Termine = keyof typeof TERMINI;
export const TERMINE_CODES = Object.keys(TERMINI) as Termine[];

export const ESITI_OBIETTIVO = {
  in_corso: 'In corso',
  raggiunto: 'Raggiunto',
  parziale: 'Parzialmente raggiunto',
  non_raggiunto: 'Non raggiunto',
} as const;
export type EsitoObiettivo = keyof typeof ESITI_OBIETTIVO;
export const ESITO_OBIETTIVO_CODES = Object.keys(ESITI_OBIETTIVO) as EsitoObiettivo[];

export const ESITI_ACCESSO = {
  informazione: 'Informazione e orientamento',
  invio: 'Invio ad altro servizio',
  presa_in_carico: 'Proposta di presa in carico',
  non_pertinente: 'Non di competenza',
} as const;
export type EsitoAccesso = keyof typeof ESITI_ACCESSO;
export const ESITO_ACCESSO_CODES = Object.keys(ESITI_ACCESSO) as EsitoAccesso[];

export const RUOLI_OPERATORE = { responsabile: 'Operatore responsabile', co_operatore: 'Co-operatore' } as const;
export type RuoloOperatore = keyof typeof RUOLI_OPERATORE;

/** Case file number: year, sede letter, 4-digit yearly sequence per sede, e.g. 2026/N-0042. */
export function formatCaseNumber(year: number, lettera: string, seq: number): string {
  return `${year}/${lettera}-${String(seq).padStart(4, '0')}`;
}

/** INPS/SIUSS prestazione codes look like A1.05.01. */
export const PRESTAZIONE_RE = /^[A-Z]\d\.\d{2}\.\d{2}$/;
