import type { ParsedInputOf } from '../../../../shared/contracts';
import { seriesLastDate } from '../../../../shared/domain/recurrence';
import type { AppointmentRow } from '../../db/repositories/agenda.repo';
import type { RowValues } from '../../db/schema';

/** A series without an end runs to this date in the index, so window queries stay simple. */
export const OPEN_END = '9999-12-31';

/** The row an appointment form becomes. */
export function appointmentColumns(input: ParsedInputOf<'agenda.save'>, confirmed: 0 | 1): RowValues<'appointments'> {
  const series = input.rrule !== '' && input.scope === 'serie';
  return {
    tipo: input.tipo,
    sede_id: input.sedeId,
    room_id: input.roomId,
    comune_istat: input.comuneIstat,
    indirizzo: input.indirizzo,
    person_id: input.personId,
    case_id: input.caseId,
    inizio: input.start,
    fine: input.end,
    tz: 'Europe/Rome',
    rrule: series ? input.rrule : '',
    series_until: series ? (seriesLastDate(input.start, input.rrule) ?? OPEN_END) : null,
    note: input.note,
    conflitto_confermato: confirmed,
  };
}

/** A single occurrence detached from its series: the series' data, without the rule. */
export function copyOfAppointment(r: AppointmentRow): RowValues<'appointments'> {
  return {
    tipo: r.tipo,
    sede_id: r.sede_id,
    room_id: r.room_id,
    comune_istat: r.comune_istat,
    indirizzo: r.indirizzo,
    person_id: r.person_id,
    case_id: r.case_id,
    inizio: r.inizio,
    fine: r.fine,
    tz: r.tz,
    rrule: '',
    series_until: null,
    exdates: '[]',
    stato: r.stato,
    motivo: r.motivo,
    note: r.note,
    conflitto_confermato: r.conflitto_confermato,
  };
}
