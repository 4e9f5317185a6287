import type { AppointmentStato, AppointmentTipo } from '../../../shared/domain/agenda';
import { findClashes, type Booking } from '../../../shared/domain/conflicts';
import { addDays } from '../../../shared/domain/dates';
import { holidaysBetween, type PatronDay } from '../../../shared/domain/holidays';
import { expand, fromWallMinutes, isoWeekday, seriesLastDate, wallMinutes, WEEKDAY_CODES } from '../../../shared/domain/recurrence';
import type { RowValues } from '../db/schema';
import { uuidv7 } from '../ids';
import { OPEN_END } from '../services/agenda/appointment-columns';
import { sedeForComune, type Batch, type CaseLink } from './generate';
import { Rng } from './rng';

export interface AgendaSeedInput {
  seed: number;
  today: string;
  sedi: { id: string; lettera: string; comuneIstat: string; rooms: { id: string; nome: string; attiva: boolean }[] }[];
  comuni: { istat: string; nome: string }[];
  /** Operators who work on cases, with their sede. */
  operators: { id: string; sedeId: string | null; profile: string }[];
  caseLinks: ReadonlyMap<string, readonly CaseLink[]>;
  /** The sedi's office hours as set in the zone (none set: a usual office week). */
  orari: readonly { sedeId: string; giorno: number; mattinaDa: string; mattinaA: string; pomeriggioDa: string; pomeriggioA: string }[];
  patrons: readonly PatronDay[];
  createdBy: string;
  createdAt: string;
}

/** How far back and ahead the agenda is filled, in days. */
const SPAN_DAYS = 28;
/** How long the équipe series runs after today. */
const SERIES_DAYS = 26 * 7;
const DEFAULT_HOURS: [string, string][] = [
  ['09:00', '13:00'],
  ['15:00', '17:30'],
];
const EQUIPE_WEEKDAYS = [2, 4, 3, 5, 1];
const CANCEL_REASONS = [
  'Rinviato su richiesta della persona',
  'La persona ha disdetto per telefono',
  'Operatore impegnato in un’urgenza',
  'Operatore in malattia',
  'Sovrapposizione con un’udienza in tribunale',
];
const NOTES = ['', '', '', 'Portare l’ISEE aggiornato', 'Verifica degli impegni del PAI', 'Primo colloquio dopo la segnalazione', 'Con il mediatore linguistico'];

type Span = [string, string];

/**
 * A living agenda for the demo zone: the weekly équipe meeting of each sede (a series), colloqui
 * and home visits over the past and next four weeks for every operator with cases, weekly
 * outreach desks in the small comuni. Never on Sundays, national holidays or the patron day of
 * the comune where it happens, inside office hours, and no operator or room booked twice: each
 * candidate is checked with the agenda's own clash rule before it is kept.
 */
export function seedAgenda(input: AgendaSeedInput): Required<Pick<Batch, 'appointments' | 'appointment_operators'>> {
  const rng = new Rng((input.seed ^ 0x5eed_a6e7) >>> 0);
  const out: Required<Pick<Batch, 'appointments' | 'appointment_operators'>> = { appointments: [], appointment_operators: [] };
  const from = addDays(input.today, -SPAN_DAYS);
  const to = addDays(input.today, SPAN_DAYS + 1);
  const national = new Set(holidaysBetween(from, addDays(input.today, SERIES_DAYS + 1)).map((h) => h.date));
  const patronDays = new Map(input.patrons.filter((p) => /^\d{2}-\d{2}$/.test(p.giorno)).map((p) => [p.comuneIstat, p.giorno]));
  const closedFor = (date: string, comune: string): boolean => isoWeekday(date) === 7 || national.has(date) || patronDays.get(comune) === date.slice(5);
  const sedeComune = new Map(input.sedi.map((s) => [s.id, s.comuneIstat]));
  const bookings = new Map<string, Booking[]>();

  const hoursOf = (sedeId: string, date: string): Span[] => {
    const set = input.orari.filter((o) => o.sedeId === sedeId);
    if (set.length === 0) return isoWeekday(date) <= 5 ? DEFAULT_HOURS : [];
    const day = set.find((o) => o.giorno === isoWeekday(date));
    if (!day) return [];
    return (
      [
        [day.mattinaDa, day.mattinaA],
        [day.pomeriggioDa, day.pomeriggioA],
      ] as Span[]
    ).filter(([da, a]) => da !== '' && a > da);
  };
  const free = (b: Booking): boolean => findClashes([b], bookings.get(b.start.slice(0, 10)) ?? []).length === 0;
  const book = (b: Booking): void => {
    const day = b.start.slice(0, 10);
    bookings.set(day, [...(bookings.get(day) ?? []), b]);
  };
  const stateFor = (date: string, tipo: AppointmentTipo): { stato: AppointmentStato; motivo: string } => {
    if (date >= input.today) return { stato: 'programmato', motivo: '' };
    const r = rng.next();
    if (r < 0.1) return { stato: 'annullato', motivo: rng.pick(CANCEL_REASONS) };
    if (r < 0.2 && tipo !== 'sportello') return { stato: 'assente', motivo: '' };
    return { stato: 'svolto', motivo: '' };
  };
  const add = (values: RowValues<'appointments'>, operatorIds: readonly string[]): string => {
    const id = uuidv7();
    out.appointments.push({ id, values: { tz: 'Europe/Rome', exdates: '[]', conflitto_confermato: 0, created_by: input.createdBy, created_at: input.createdAt, ...values } });
    for (const userId of operatorIds) out.appointment_operators.push({ id: uuidv7(), values: { appointment_id: id, user_id: userId, inizio: values.inizio, attivo: 1 } });
    return id;
  };
  const activeRooms = (sedeId: string) => input.sedi.find((s) => s.id === sedeId)?.rooms.filter((r) => r.attiva) ?? [];

  // The équipe meeting: each sede on its own weekday, two hours in its meeting room.
  input.sedi.forEach((sede, i) => {
    const team = input.operators
      .filter((o) => o.sedeId === sede.id)
      .map((o) => o.id)
      .slice(0, 10);
    if (team.length === 0) return;
    const weekdays = [EQUIPE_WEEKDAYS[i % EQUIPE_WEEKDAYS.length] as number, ...EQUIPE_WEEKDAYS];
    for (const weekday of weekdays) {
      let first = from;
      while (isoWeekday(first) !== weekday) first = addDays(first, 1);
      const span = hoursOf(sede.id, first).find(([da, a]) => wallMinutes(`${first}T${a}`) - wallMinutes(`${first}T${da}`) >= 120);
      if (!span) continue;
      const startMin = wallMinutes(`${first}T${span[0]}`) + (wallMinutes(`${first}T${span[1]}`) - wallMinutes(`${first}T${span[0]}`) >= 150 ? 30 : 0);
      const start = fromWallMinutes(startMin);
      const end = fromWallMinutes(startMin + 120);
      const until = addDays(input.today, SERIES_DAYS);
      const rule = `FREQ=WEEKLY;BYDAY=${WEEKDAY_CODES[weekday - 1] as string};UNTIL=${until.replaceAll('-', '')}`;
      const all = expand({ start, end, rule }, first, addDays(until, 1));
      const exdates = all.filter((o) => closedFor(o.date, sede.comuneIstat)).map((o) => o.date);
      const room = activeRooms(sede.id).find((r) => /riunion/i.test(r.nome)) ?? activeRooms(sede.id)[0] ?? null;
      const id = add(
        {
          tipo: 'riunione_equipe',
          sede_id: sede.id,
          room_id: room?.id ?? null,
          comune_istat: null,
          indirizzo: '',
          person_id: null,
          case_id: null,
          inizio: start,
          fine: end,
          rrule: rule,
          series_until: seriesLastDate(start, rule) ?? OPEN_END,
          exdates: JSON.stringify(exdates),
          stato: 'programmato',
          motivo: '',
          note: 'Riunione settimanale dell’équipe: casi nuovi, PAI in revisione, urgenze',
        },
        team,
      );
      for (const o of expand({ start, end, rule, exdates }, from, to))
        book({ key: `${id}:${o.date}`, appointmentId: id, start: o.start, end: o.end, operatorIds: team, roomId: room?.id ?? null });
      break;
    }
  });

  const days: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) days.push(d);
  const sediComuni = new Set(input.sedi.map((s) => s.comuneIstat));

  // The outreach desk: each assistente sociale one morning a week in a small comune of the sede's side.
  input.operators
    .filter((o) => o.profile === 'assistente_sociale')
    .forEach((op, i) => {
      const sedeId = op.sedeId ?? input.sedi[0]?.id;
      if (!sedeId) return;
      const small = input.comuni.filter((c) => !sediComuni.has(c.istat) && sedeForComune(input.sedi, c.istat)?.id === sedeId);
      if (small.length === 0) return;
      const weekday = [3, 5, 1, 2, 4][i % 5] as number;
      let week = 0;
      for (const date of days.filter((d) => isoWeekday(d) === weekday)) {
        const comune = small[week++ % small.length] as (typeof small)[number];
        if (closedFor(date, comune.istat)) continue;
        const morning = hoursOf(sedeId, date)[0];
        if (!morning) continue;
        const startMin = wallMinutes(`${date}T${morning[0]}`);
        const endMin = Math.min(startMin + 180, wallMinutes(`${date}T${morning[1]}`));
        const b: Booking = {
          key: '',
          appointmentId: `sportello:${op.id}:${date}`,
          start: fromWallMinutes(startMin),
          end: fromWallMinutes(endMin),
          operatorIds: [op.id],
          roomId: null,
        };
        if (endMin - startMin < 60 || !free(b)) continue;
        const { stato, motivo } = stateFor(date, 'sportello');
        const id = add(
          {
            tipo: 'sportello',
            sede_id: sedeId,
            room_id: null,
            comune_istat: comune.istat,
            indirizzo: `Municipio di ${comune.nome}`,
            person_id: null,
            case_id: null,
            inizio: b.start,
            fine: b.end,
            rrule: '',
            series_until: null,
            stato,
            motivo,
            note: 'Sportello di cittadinanza: accesso libero',
          },
          [op.id],
        );
        book({ ...b, appointmentId: id, stato });
      }
    });

  // Colloqui in a room of the case's sede, visits at the person's home; sometimes with a colleague of the case.
  for (const op of input.operators) {
    const links = input.caseLinks.get(op.id) ?? [];
    if (links.length === 0) continue;
    const visitShare = op.profile === 'educatore' ? 0.6 : 0.35;
    for (const date of days) {
      const wanted = rng.pick([0, 1, 1, 2, 2, 2, 3]);
      for (let n = 0; n < wanted; n++) {
        const link = rng.pick(links);
        const visit = rng.chance(visitShare);
        const where = visit ? link.comuneIstat : (sedeComune.get(link.sedeId) ?? link.comuneIstat);
        if (closedFor(date, where)) break;
        const spans = hoursOf(link.sedeId, date);
        if (spans.length === 0) break;
        const minutes = visit ? rng.pick([60, 90]) : rng.pick([45, 60, 60]);
        const colleague = link.team.find((u) => u !== op.id);
        const operatorIds = colleague && rng.chance(0.2) ? [op.id, colleague] : [op.id];
        const rooms = visit ? [] : activeRooms(link.sedeId).filter((r) => !/riunion/i.test(r.nome));
        for (let attempt = 0; attempt < 6; attempt++) {
          const [da, a] = rng.pick(spans);
          const lo = wallMinutes(`${date}T${da}`);
          const slots = Math.floor((wallMinutes(`${date}T${a}`) - minutes - lo) / 15);
          if (slots < 0) continue;
          const startMin = lo + 15 * rng.int(0, slots);
          const room = rooms.length > 0 ? rng.pick(rooms) : null;
          const b: Booking = {
            key: '',
            appointmentId: `new:${out.appointments.length}`,
            start: fromWallMinutes(startMin),
            end: fromWallMinutes(startMin + minutes),
            operatorIds,
            roomId: room?.id ?? null,
          };
          if (!free(b)) continue;
          const tipo: AppointmentTipo = visit ? 'visita_domiciliare' : 'colloquio';
          const { stato, motivo } = stateFor(date, tipo);
          const id = add(
            {
              tipo,
              sede_id: link.sedeId,
              room_id: b.roomId,
              comune_istat: visit ? link.comuneIstat : null,
              indirizzo: visit ? link.indirizzo : '',
              person_id: link.personId,
              case_id: link.caseId,
              inizio: b.start,
              fine: b.end,
              rrule: '',
              series_until: null,
              stato,
              motivo,
              note: rng.pick(NOTES),
            },
            operatorIds,
          );
          book({ ...b, appointmentId: id, stato });
          break;
        }
      }
    }
  }
  return out;
}
