/** Dates and times as the office reads them: dd/MM/yyyy, wall time in Europe/Rome. */
const ZONE = 'Europe/Rome';

const dateFmt = new Intl.DateTimeFormat('it-IT', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('it-IT', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const shortTimeFmt = new Intl.DateTimeFormat('it-IT', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const hourFmt = new Intl.DateTimeFormat('it-IT', { timeZone: ZONE, hour: 'numeric', hourCycle: 'h23' });
const longDateFmt = new Intl.DateTimeFormat('it-IT', { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

function toDate(value: string | Date): Date | null {
  if (value instanceof Date) return value;
  // A bare YYYY-MM-DD is a calendar date, not an instant: never shift it through a time zone.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: string | Date): string {
  if (typeof value === 'string') {
    const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  }
  const date = toDate(value);
  return date ? dateFmt.format(date) : String(value);
}

export function formatDateTime(value: string | Date): string {
  const date = toDate(value);
  return date ? `${dateFmt.format(date)} ${timeFmt.format(date)}` : String(value);
}

/** "26/11/2026 alle 14:05": for sentences. */
export function formatDateAtTime(value: string | Date): string {
  const date = toDate(value);
  return date ? `${dateFmt.format(date)} alle ${shortTimeFmt.format(date)}` : String(value);
}

/** "giovedì 26 novembre 2026" */
export function formatLongDate(value: Date): string {
  return longDateFmt.format(value).replace(/,/g, '');
}

/** The hour of the day (0-23) on the office's clock, e.g. to choose between "Buongiorno" and "Buonasera". */
export function romeHour(value: Date): number {
  return Number(hourFmt.format(value));
}
