/** The phases of a work-mediation path, as the regional record (SISO) names them, in order. */
export const FASI = ['preliminare', 'orientamento', 'progettazione', 'attivazione', 'accompagnamento', 'monitoraggio', 'valutazione_finale'] as const;
export type Fase = (typeof FASI)[number];

export const FASE_LABELS: Record<Fase, string> = {
  preliminare: 'Fase preliminare',
  orientamento: 'Orientamento',
  progettazione: 'Progettazione',
  attivazione: 'Attivazione strumenti',
  accompagnamento: 'Accompagnamento',
  monitoraggio: 'Monitoraggio',
  valutazione_finale: 'Valutazione finale',
};

/** What the mediatore records about the path; some phases cannot start without one of them. */
export const ATTIVITA = [
  'colloquio_accoglienza',
  'valutazione_inviante',
  'bilancio_competenze',
  'orientamento',
  'ricerca_azienda',
  'incontro_azienda',
  'visita_monitoraggio',
  'verifica_inviante',
  'altro',
] as const;
export type Attivita = (typeof ATTIVITA)[number];

export const ATTIVITA_LABELS: Record<Attivita, string> = {
  colloquio_accoglienza: 'Colloquio di accoglienza',
  valutazione_inviante: 'Valutazione con il servizio inviante',
  bilancio_competenze: 'Bilancio delle competenze',
  orientamento: 'Colloquio di orientamento',
  ricerca_azienda: 'Ricerca dell’azienda',
  incontro_azienda: 'Incontro con l’azienda',
  visita_monitoraggio: 'Visita di monitoraggio',
  verifica_inviante: 'Verifica con il servizio inviante',
  altro: 'Altra attività',
};

/** Activities that must be on record before a phase may start. */
export const REQUIRED_BEFORE: Partial<Record<Fase, readonly Attivita[]>> = {
  orientamento: ['colloquio_accoglienza'],
  progettazione: ['valutazione_inviante'],
  valutazione_finale: ['verifica_inviante'],
};

/**
 * Why `fase` cannot start yet, or null: phases follow one another (one may be skipped only
 * forward), and some need an activity on record first.
 */
export function phaseProblem(current: Fase | null, next: Fase, recorded: readonly Attivita[]): string | null {
  if (current !== null && FASI.indexOf(next) <= FASI.indexOf(current)) {
    return `Il percorso è già nella fase «${FASE_LABELS[current]}»: si può solo passare a una fase successiva.`;
  }
  const missing = (REQUIRED_BEFORE[next] ?? []).filter((a) => !recorded.includes(a));
  if (missing.length === 0) return null;
  const names = missing.map((a) => `«${ATTIVITA_LABELS[a]}»`).join(', ');
  return `Per passare a «${FASE_LABELS[next]}» registra prima l’attività ${names}.`;
}
