/** The kinds of tirocinio the SAL promotes, each with its own limits (Umbria DGR 202/2019). */
export const REGIMI = ['ordinario', 'disabili_svantaggiati', 'inclusione_sociale'] as const;
export type Regime = (typeof REGIMI)[number];

export const REGIME_LABELS: Record<Regime, string> = {
  ordinario: 'Tirocinio extracurricolare ordinario',
  disabili_svantaggiati: 'Tirocinio per persone con disabilità (L.68/99) o svantaggiate',
  inclusione_sociale: 'Tirocinio di inclusione sociale (TIS)',
};

/** Reasons that suspend a tirocinio; each has its own minimum length to count as a sospensione. */
export const MOTIVI_SOSPENSIONE = ['maternita', 'malattia', 'infortunio', 'chiusura_aziendale'] as const;
export type MotivoSospensione = (typeof MOTIVI_SOSPENSIONE)[number];

export const MOTIVO_SOSPENSIONE_LABELS: Record<MotivoSospensione, string> = {
  maternita: 'maternità',
  malattia: 'malattia',
  infortunio: 'infortunio',
  chiusura_aziendale: 'chiusura aziendale',
};

/** Weekdays of a timetable, Monday first (ISO order). */
export const GIORNI = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'] as const;
export type Giorno = (typeof GIORNI)[number];
export type Orario = Record<Giorno, number>;

export const GIORNO_LABELS: Record<Giorno, string> = {
  lun: 'lunedì',
  mar: 'martedì',
  mer: 'mercoledì',
  gio: 'giovedì',
  ven: 'venerdì',
  sab: 'sabato',
  dom: 'domenica',
};

export const ESITI = ['assunzione', 'nuovo_tirocinio', 'rinuncia', 'interruzione', 'conclusione'] as const;
export type Esito = (typeof ESITI)[number];

export const ESITO_LABELS: Record<Esito, string> = {
  assunzione: 'Assunzione',
  nuovo_tirocinio: 'Nuovo tirocinio',
  rinuncia: 'Rinuncia',
  interruzione: 'Interruzione',
  conclusione: 'Conclusione senza assunzione',
};

export const STATO_TIROCINIO_LABELS = { in_corso: 'In corso', cessato: 'Cessato', concluso: 'Concluso' } as const;
