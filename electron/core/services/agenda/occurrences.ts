import type { OccurrenceData } from '../../../../shared/contracts/agenda';
import { APPOINTMENT_TIPO_LABELS } from '../../../../shared/domain/agenda';
import type { Holiday } from '../../../../shared/domain/holidays';
import { expand, wallDate } from '../../../../shared/domain/recurrence';
import type { AppointmentListing, OperatorLink } from '../../db/repositories/agenda.repo';
import type { AgendaLookups } from './agenda-lookups';

/**
 * The one model of an appointment as a user sees it: each occurrence in [from, to) of single
 * appointments and series, with names; a person the user may not see is shown as "riservato".
 * `inCase`: the listing of one case file the user opened, which names its own person even when
 * restricted; every other listing leaves a restricted person unnamed (AgendaLookups.canList).
 */
export function toOccurrences(
  lookups: AgendaLookups,
  rows: readonly AppointmentListing[],
  ops: Map<string, OperatorLink[]>,
  from: string,
  to: string,
  festivi: Holiday[],
  inCase = false,
): OccurrenceData[] {
  const names = lookups.names();
  const out: OccurrenceData[] = [];
  const holidayOn = (date: string, comune: string | null) => festivi.find((h) => h.date === date && (h.kind === 'nazionale' || h.comuneIstat === comune))?.name ?? null;
  for (const r of rows) {
    const shown = r.person_id === null || (inCase ? lookups.canSee(r.person_id) : lookups.canList(r.person_id));
    const comune = lookups.comuneOf(r);
    // A single appointment is the common case: one object, no spread (the week view builds hundreds).
    if (!r.rrule) {
      const date = wallDate(r.inizio);
      if (date >= from && date < to) out.push(occurrence(r, shown, names, ops, r.id, r.original_date, r.inizio, r.fine, holidayOn(date, comune)));
      continue;
    }
    for (const o of expand({ start: r.inizio, end: r.fine, rule: r.rrule, exdates: JSON.parse(r.exdates) as string[] }, from, to)) {
      out.push(occurrence(r, shown, names, ops, `${r.id}:${o.date}`, o.date, o.start, o.end, holidayOn(o.date, comune)));
    }
  }
  // Plain code-unit comparison: wall times sort as strings, and localeCompare is ten times slower.
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function occurrence(
  r: AppointmentListing,
  shown: boolean,
  names: ReturnType<AgendaLookups['names']>,
  ops: Map<string, OperatorLink[]>,
  key: string,
  occurrenceDate: string | null,
  start: string,
  end: string,
  festivo: string | null,
): OccurrenceData {
  const personName = r.person_id && shown ? `${r.person_cognome ?? ''} ${r.person_nome ?? ''}`.trim() : null;
  const tipoLabel = APPOINTMENT_TIPO_LABELS[r.tipo];
  return {
    key,
    occurrenceDate,
    start,
    end,
    festivo,
    appointmentId: r.id,
    seriesId: r.series_id,
    rrule: r.rrule,
    tipo: r.tipo,
    title: personName ? `${tipoLabel}: ${personName}` : r.person_id ? `${tipoLabel} (riservato)` : tipoLabel,
    sedeId: r.sede_id,
    sedeNome: r.sede_id ? (names.sedi.get(r.sede_id)?.nome ?? null) : null,
    roomId: r.room_id,
    roomNome: r.room_id ? (names.rooms.get(r.room_id)?.nome ?? null) : null,
    comuneIstat: r.comune_istat,
    comuneNome: r.comune_istat ? (names.comuni.get(r.comune_istat) ?? null) : null,
    indirizzo: shown ? r.indirizzo : '',
    operators: (ops.get(r.id) ?? []).map((o) => ({ id: o.user_id, fullName: o.full_name })),
    personId: shown ? r.person_id : null,
    personName,
    caseId: shown ? r.case_id : null,
    caseNumero: shown ? r.case_numero : null,
    riservato: !shown,
    stato: r.stato,
    motivo: r.motivo,
    note: shown ? r.note : '',
    conflittoConfermato: r.conflitto_confermato === 1,
    inConflitto: false,
  };
}

/** Flags overlapping bookings of one operator or room within the listing (sorted by start). */
export function markConflicts(occurrences: OccurrenceData[]): void {
  for (let i = 0; i < occurrences.length; i++) {
    const a = occurrences[i] as OccurrenceData;
    if (a.stato === 'annullato') continue;
    for (let j = i + 1; j < occurrences.length && (occurrences[j] as OccurrenceData).start < a.end; j++) {
      const b = occurrences[j] as OccurrenceData;
      if (b.stato === 'annullato' || b.appointmentId === a.appointmentId) continue;
      const shared = (a.roomId !== null && a.roomId === b.roomId) || a.operators.some((op) => b.operators.some((x) => x.id === op.id));
      if (shared) {
        a.inConflitto = true;
        b.inConflitto = true;
      }
    }
  }
}
