import type { AppointmentStato, AppointmentTipo } from '../../../../shared/domain/agenda';
import { flag, int, table, text } from './columns';

/** Appointments, their operators, office hours and patron days (migration 0003). */
export const agendaTables = {
  appointments: table({
    tipo: text<AppointmentTipo>(),
    sede_id: text().null(),
    room_id: text().null(),
    comune_istat: text().null(),
    indirizzo: text(),
    person_id: text().null(),
    case_id: text().null(),
    /** Europe/Rome wall time 'YYYY-MM-DDTHH:mm'. */
    inizio: text(),
    fine: text(),
    tz: text(),
    rrule: text(),
    /** Last date a series can reach ('9999-12-31' when open-ended). */
    series_until: text().null(),
    /** JSON array of dates. */
    exdates: text(),
    series_id: text().null(),
    original_date: text().null(),
    stato: text<AppointmentStato>(),
    motivo: text(),
    note: text(),
    conflitto_confermato: flag(),
    created_by: text().null(),
    created_at: text(),
  }),
  appointment_operators: table({ appointment_id: text(), user_id: text(), inizio: text(), attivo: flag() }),
  /** Weekday 1 = lunedì … 7 = domenica; '' means closed. */
  sede_orari: table({ sede_id: text(), giorno: int(), mattina_da: text(), mattina_a: text(), pomeriggio_da: text(), pomeriggio_a: text() }),
  /** Patron day 'MM-DD'; '' when none is set. */
  comuni_patroni: table({ comune_istat: text(), giorno: text(), santo: text() }),
};
