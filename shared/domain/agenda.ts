/** Appointment types and states, with their Italian labels (the office's words for the agenda). */
export const APPOINTMENT_TIPO_LABELS = {
  colloquio: 'Colloquio',
  visita_domiciliare: 'Visita domiciliare',
  riunione_equipe: 'Riunione d’équipe',
  sportello: 'Sportello',
  altro: 'Altro',
} as const;
export type AppointmentTipo = keyof typeof APPOINTMENT_TIPO_LABELS;
export const APPOINTMENT_TIPI = Object.keys(APPOINTMENT_TIPO_LABELS) as [AppointmentTipo, ...AppointmentTipo[]];

export const APPOINTMENT_STATO_LABELS = {
  programmato: 'Programmato',
  svolto: 'Svolto',
  annullato: 'Annullato',
  assente: 'Assente',
} as const;
export type AppointmentStato = keyof typeof APPOINTMENT_STATO_LABELS;
export const APPOINTMENT_STATI = Object.keys(APPOINTMENT_STATO_LABELS) as [AppointmentStato, ...AppointmentStato[]];
