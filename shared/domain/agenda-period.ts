import { addDays, addMonths } from './dates';
import { isoWeekday } from './recurrence';

/** The agenda's views, as FullCalendar names them. */
export type AgendaView = 'timeGridDay' | 'timeGridWeek' | 'dayGridMonth' | 'listWeek';

const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const WEEKDAYS = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'];

const monthName = (date: string) => MONTHS[Number(date.slice(5, 7)) - 1] as string;
const day = (date: string) => String(Number(date.slice(8, 10)));

/** The Monday of the week a date falls in (the office's weeks start on Monday). */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * The shown period in words: "martedì 1 dicembre 2026", "settimana dal 30 novembre al 6 dicembre
 * 2026", "dicembre 2026". The year is said once, unless the week spans two.
 */
export function periodTitle(view: AgendaView, date: string): string {
  if (view === 'timeGridDay') return `${WEEKDAYS[isoWeekday(date) - 1]} ${day(date)} ${monthName(date)} ${date.slice(0, 4)}`;
  if (view === 'dayGridMonth') return `${monthName(date)} ${date.slice(0, 4)}`;
  const from = weekStart(date);
  const to = addDays(from, 6);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `settimana dal ${day(from)} ${monthName(from)} ${from.slice(0, 4)} al ${day(to)} ${monthName(to)} ${to.slice(0, 4)}`;
  if (from.slice(5, 7) !== to.slice(5, 7)) return `settimana dal ${day(from)} ${monthName(from)} al ${day(to)} ${monthName(to)} ${to.slice(0, 4)}`;
  return `settimana dal ${day(from)} al ${day(to)} ${monthName(to)} ${to.slice(0, 4)}`;
}

/** The date one period before (-1) or after (+1): a day, a week or a month. */
export function shiftPeriod(view: AgendaView, date: string, step: -1 | 1): string {
  if (view === 'timeGridDay') return addDays(date, step);
  if (view === 'dayGridMonth') return addMonths(`${date.slice(0, 8)}01`, step);
  return addDays(weekStart(date), 7 * step);
}

const DEFAULT_FIRST = 7 * 60;
const DEFAULT_LAST = 20 * 60;
const hhmmss = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;

/**
 * The hours the day and week grids show: 07:00-20:00, widened to whole hours so that the
 * earliest and latest appointment in view are on screen (a 06:30 visit, a 21:00 meeting).
 */
export function slotWindow(occurrences: readonly { start: string; end: string }[]): { slotMinTime: string; slotMaxTime: string } {
  let first = DEFAULT_FIRST;
  let last = DEFAULT_LAST;
  for (const o of occurrences) {
    const s = Number(o.start.slice(11, 13)) * 60 + Number(o.start.slice(14, 16));
    // An end on another day (never saved, but safe) keeps the grid to the end of the day.
    const e = o.end.slice(0, 10) === o.start.slice(0, 10) ? Number(o.end.slice(11, 13)) * 60 + Number(o.end.slice(14, 16)) : 24 * 60;
    first = Math.min(first, Math.floor(s / 60) * 60);
    last = Math.max(last, Math.ceil(e / 60) * 60);
  }
  return { slotMinTime: hhmmss(first), slotMaxTime: hhmmss(last) };
}
