import type { ParsedInputOf } from '../../../../shared/contracts';
import type { ConflictData } from '../../../../shared/contracts/agenda';
import { APPOINTMENT_TIPO_LABELS } from '../../../../shared/domain/agenda';
import { findClashes, type Booking } from '../../../../shared/domain/conflicts';
import { addDays, formatItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { holidaysBetween, type Holiday } from '../../../../shared/domain/holidays';
import { expand, isoWeekday, ruleProblem, wallDate, wallTime } from '../../../../shared/domain/recurrence';
import type { AppointmentListing, AppointmentView } from '../../db/repositories/agenda.repo';
import type { WorkContext } from '../work-context';
import type { AgendaLookups } from './agenda-lookups';

/** How far ahead a new or edited series is checked for double bookings. */
export const SERIES_CHECK_DAYS = 366;

type AppointmentInput = ParsedInputOf<'agenda.save'>;

interface Assessment {
  conflicts: ConflictData[];
  festivi: Holiday[];
  fuoriOrario: boolean;
}

/** Refuses what cannot be saved: unknown sede, room, comune, operator, person or case, a bad rule. */
export function validateAppointment(ctx: WorkContext, lookups: AgendaLookups, input: AppointmentInput, existing: AppointmentView | null): void {
  const { store } = ctx;
  const names = lookups.names();
  if (input.sedeId && !names.sedi.has(input.sedeId)) throw new AppError('VALIDATION', 'Sede non trovata.', 'sedeId');
  if (input.roomId) {
    const room = names.rooms.get(input.roomId);
    if (!room) throw new AppError('VALIDATION', 'Stanza non trovata.', 'roomId');
    if (room.sedeId !== input.sedeId) {
      throw new AppError('VALIDATION', `La stanza «${room.nome}» è della sede di ${names.sedi.get(room.sedeId)?.nome ?? '?'}, non di quella scelta.`, 'roomId');
    }
    if (!room.attiva && existing?.room_id !== input.roomId) throw new AppError('VALIDATION', `La stanza «${room.nome}» non è disponibile.`, 'roomId');
  }
  if (input.comuneIstat && !names.comuni.has(input.comuneIstat)) throw new AppError('VALIDATION', 'Il comune non è tra quelli della zona.', 'comuneIstat');
  const staff = new Set(store.agenda.activeUsers().map((u) => u.id));
  for (const op of input.operatorIds) if (!staff.has(op)) throw new AppError('VALIDATION', 'Un operatore indicato non esiste o è disattivato.', 'operatorIds');
  if (input.rrule) {
    const problem = ruleProblem(input.rrule);
    if (problem) throw new AppError('VALIDATION', problem, 'rrule');
  }
  if (input.personId) {
    if (!store.persons.byId(input.personId)) throw new AppError('VALIDATION', 'Persona non trovata.', 'personId');
  }
  if (input.caseId) {
    const c = store.cases.byId(input.caseId);
    if (!c) throw new AppError('VALIDATION', 'Cartella non trovata.', 'caseId');
    if (input.personId && c.person_id !== input.personId) throw new AppError('VALIDATION', `La cartella ${c.numero} è di un’altra persona.`, 'caseId');
  }
  if (existing && input.scope === 'occorrenza' && !existing.rrule) throw new AppError('VALIDATION', 'Questo appuntamento non si ripete.', 'scope');
}

/** Double bookings, holidays and closed hours the appointment would meet. */
export function assessAppointment(ctx: WorkContext, lookups: AgendaLookups, input: AppointmentInput, existing: AppointmentView | null): Assessment {
  const { store } = ctx;
  const rule = existing?.rrule && input.scope === 'occorrenza' ? '' : input.rrule;
  const firstDate = wallDate(input.start);
  const candidates = rule
    ? expand({ start: input.start, end: input.end, rule, exdates: existing ? (JSON.parse(existing.exdates) as string[]) : [] }, firstDate, addDays(firstDate, SERIES_CHECK_DAYS))
    : [{ date: firstDate, start: input.start, end: input.end }];
  if (candidates.length === 0) return { conflicts: [], festivi: [], fuoriOrario: false };
  const from = candidates[0]!.date;
  const to = addDays(candidates.at(-1)!.date, 1);
  const selfId = existing?.id ?? 'nuovo';
  // Operators and the room are looked for across both sedi: the filter is the people and the room, not the sede.
  const rows = new Map<string, AppointmentListing>();
  for (const r of store.agenda.window(from, to, { userIds: input.operatorIds, sedeId: null, roomId: null })) rows.set(r.id, r);
  if (input.roomId) for (const r of store.agenda.window(from, to, { userIds: [], sedeId: null, roomId: input.roomId })) rows.set(r.id, r);
  const all = [...rows.values()];
  const ops = lookups.operatorsByAppointment(all.map((r) => r.id));
  const existingBookings: Booking[] = [];
  for (const r of all) {
    if (r.id === selfId) continue;
    const operatorIds = (ops.get(r.id) ?? []).map((o) => o.user_id);
    const base = { appointmentId: r.id, operatorIds, roomId: r.room_id, stato: r.stato };
    if (!r.rrule) existingBookings.push({ ...base, key: r.id, start: r.inizio, end: r.fine });
    else {
      for (const o of expand({ start: r.inizio, end: r.fine, rule: r.rrule, exdates: JSON.parse(r.exdates) as string[] }, from, to)) {
        // Editing one occurrence of a series: the series' own slot that day is the one being moved.
        if (existing && r.id === existing.id) continue;
        existingBookings.push({ ...base, key: `${r.id}:${o.date}`, start: o.start, end: o.end });
      }
    }
  }
  const clashes = findClashes(
    candidates.map((c) => ({ key: c.date, appointmentId: selfId, start: c.start, end: c.end, operatorIds: input.operatorIds, roomId: input.roomId })),
    existingBookings,
  );
  const names = lookups.names();
  const userNames = new Map(store.agenda.activeUsers().map((u) => [u.id, u.full_name]));
  const conflicts: ConflictData[] = clashes.map((c) => {
    const other = rows.get(c.with.appointmentId) as AppointmentListing;
    const where = other.sede_id
      ? `${names.sedi.get(other.sede_id)?.nome ?? ''}${other.room_id ? `, ${names.rooms.get(other.room_id)?.nome ?? ''}` : ''}`
      : (names.comuni.get(other.comune_istat ?? '') ?? '');
    const when = `${formatItalianDate(wallDate(c.with.start))} ${wallTime(c.with.start)}-${wallTime(c.with.end)}`;
    const what = `${APPOINTMENT_TIPO_LABELS[other.tipo]} del ${when} (${where})`;
    const message =
      c.kind === 'operatore'
        ? `${userNames.get(c.who) ?? 'Un operatore'} è già impegnato/a: ${what}.`
        : `La stanza «${names.rooms.get(c.who)?.nome ?? ''}» è già occupata: ${what}.`;
    return { kind: c.kind, message, appointmentId: other.id, start: c.with.start, end: c.with.end };
  });
  const comune = lookups.comuneOf({ sede_id: input.sedeId, comune_istat: input.comuneIstat });
  const dates = new Set(candidates.map((c) => c.date));
  const festivi = holidaysBetween(from, to, lookups.patrons()).filter((h) => dates.has(h.date) && (h.kind === 'nazionale' || h.comuneIstat === comune));
  return { conflicts, festivi, fuoriOrario: outsideHours(ctx, input.sedeId, candidates) };
}

function outsideHours(ctx: WorkContext, sedeId: string | null, occ: { date: string; start: string; end: string }[]): boolean {
  if (!sedeId) return false;
  const hours = new Map(
    ctx.store.agenda
      .orari()
      .filter((o) => o.sede_id === sedeId)
      .map((o) => [o.giorno, o]),
  );
  if (hours.size === 0) return false;
  return occ.some((o) => {
    const h = hours.get(isoWeekday(o.date));
    if (!h) return true;
    const s = wallTime(o.start);
    const e = wallTime(o.end);
    const within = (da: string, a: string) => da !== '' && s >= da && e <= a;
    return !within(h.mattina_da, h.mattina_a) && !within(h.pomeriggio_da, h.pomeriggio_a);
  });
}
