import * as rrulePackage from 'rrule';
import { addDays, daysInMonth, formatItalianDate, isValidIsoDate, toDayNumber } from './dates';

// rrule ships CommonJS for Node and ESM for bundlers; plain Node ESM (the CLI under tsx) sees
// only a default export, bundlers and vitest see the named one. Reflect.get keeps bundlers from
// warning that `default` does not exist in the ESM build (they would, on a plain `.default`).
const RRule: typeof rrulePackage.RRule = rrulePackage.RRule ?? (Reflect.get(rrulePackage, 'default') as typeof rrulePackage).RRule;

/**
 * Appointments are Europe/Rome wall times, 'YYYY-MM-DDTHH:mm'. Recurrences are expanded in
 * "floating" time: the wall time is carried in the UTC fields of a Date, where there is no
 * daylight saving, so a 09:00 meeting stays at 09:00 across the last Sundays of March and
 * October. Converting to an instant happens only at the edges (display, print), never here.
 */
export const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidWallTime(s: string): boolean {
  const m = WALL_RE.exec(s);
  return m !== null && isValidIsoDate(s.slice(0, 10));
}

/** The last Sunday of a month, as a date: where the EU moves its clocks. */
function lastSunday(year: number, month: number): string {
  const last = `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
  return addDays(last, -(isoWeekday(last) % 7));
}

/**
 * Why a well-formed wall time does not exist in Europe/Rome, or null. On the last Sunday of March
 * (EU rule, since 1981) clocks jump from 02:00 to 03:00: 02:00–02:59 never happens that night.
 * By arithmetic, not Intl, so the core and the renderer agree whatever time-zone data they carry.
 */
export function wallTimeGap(wall: string): string | null {
  if (!isValidWallTime(wall)) return null;
  const year = Number(wall.slice(0, 4));
  if (year < 1981 || wall.slice(11, 13) !== '02' || wallDate(wall) !== lastSunday(year, 3)) return null;
  return `L’ora ${wallTime(wall)} del ${formatItalianDate(wallDate(wall))} non esiste: quella notte gli orologi passano dalle 02:00 alle 03:00.`;
}

export function wallDate(wall: string): string {
  return wall.slice(0, 10);
}

export function wallTime(wall: string): string {
  return wall.slice(11, 16);
}

/** Minutes from 1970-01-01T00:00 in wall time: differences are wall-clock minutes. */
export function wallMinutes(wall: string): number {
  return toDayNumber(wall.slice(0, 10)) * 1440 + Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16));
}

export function fromWallMinutes(total: number): string {
  const days = Math.floor(total / 1440);
  const rest = total - days * 1440;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return `${addDays('1970-01-01', days)}T${hh}:${mm}`;
}

function toFloating(wall: string): Date {
  return new Date(Date.UTC(Number(wall.slice(0, 4)), Number(wall.slice(5, 7)) - 1, Number(wall.slice(8, 10)), Number(wall.slice(11, 13)), Number(wall.slice(14, 16))));
}

function fromFloating(d: Date): string {
  return d.toISOString().slice(0, 16);
}

/** The RRULE properties the office uses; others are refused so nothing is silently ignored. */
const ALLOWED_KEYS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST', 'BYSETPOS']);
const RULE_RE = /^[A-Z]+=[A-Z0-9,+-]+(;[A-Z]+=[A-Z0-9,+-]+)*$/;

/** Why a rule is unusable, in Italian, or null when it is fine. */
export function ruleProblem(rule: string): string | null {
  if (rule.length > 200 || !RULE_RE.test(rule)) return 'Ricorrenza non valida.';
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  for (const k of parts.keys()) if (!ALLOWED_KEYS.has(k)) return `Ricorrenza: la regola ${k} non è gestita.`;
  if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(parts.get('FREQ') ?? '')) return 'Ricorrenza: indica la frequenza (giornaliera, settimanale, mensile).';
  const interval = parts.get('INTERVAL');
  if (interval !== undefined && !(/^\d{1,2}$/.test(interval) && Number(interval) >= 1)) return 'Ricorrenza: intervallo non valido.';
  const count = parts.get('COUNT');
  if (count !== undefined && !(/^\d{1,3}$/.test(count) && Number(count) >= 1)) return 'Ricorrenza: numero di ripetizioni non valido (1-999).';
  const until = parts.get('UNTIL');
  if (until !== undefined && !/^\d{8}(T\d{6}Z?)?$/.test(until)) return 'Ricorrenza: data di fine non valida.';
  try {
    RRule.parseString(rule);
  } catch {
    return 'Ricorrenza non valida.';
  }
  return null;
}

/** The last date a series can reach, or null when it runs without end (for indexing). */
export function seriesLastDate(start: string, rule: string): string | null {
  const opts = RRule.parseString(rule);
  if (opts.until) return opts.until.toISOString().slice(0, 10);
  if (opts.count) {
    const all = new RRule({ ...opts, dtstart: toFloating(start) }).all();
    const last = all.at(-1);
    return last ? fromFloating(last).slice(0, 10) : wallDate(start);
  }
  return null;
}

export interface Occurrence {
  /** The date the rule produced: identifies the occurrence even after it is moved. */
  date: string;
  start: string;
  end: string;
}

/**
 * Occurrences of a series whose start falls in [from, to) (dates, wall time), skipping the
 * exception dates. Duration is kept in wall minutes, so 09:00-10:00 stays so on DST days.
 */
export function expand(series: { start: string; end: string; rule: string; exdates?: readonly string[] }, from: string, to: string): Occurrence[] {
  const duration = wallMinutes(series.end) - wallMinutes(series.start);
  const opts = RRule.parseString(series.rule);
  if (opts.until) {
    // UNTIL as a date means "through that day" in the office's wall time.
    const u = opts.until;
    opts.until = new Date(Date.UTC(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), 23, 59, 59));
  }
  const rule = new RRule({ ...opts, dtstart: toFloating(series.start), tzid: null });
  const lo = toFloating(`${from}T00:00`);
  const hi = new Date(toFloating(`${to}T00:00`).getTime() - 1);
  if (hi < lo) return [];
  const skip = new Set(series.exdates ?? []);
  const out: Occurrence[] = [];
  for (const d of rule.between(lo, hi, true)) {
    const start = fromFloating(d);
    const date = start.slice(0, 10);
    if (skip.has(date)) continue;
    out.push({ date, start, end: fromWallMinutes(wallMinutes(start) + duration) });
  }
  return out;
}

export type Frequency = 'none' | 'daily' | 'weekly' | 'monthly_nth' | 'monthly_day';
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const WEEKDAY_NAMES = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'];
const ORDINALS: Record<string, string> = { '1': 'primo', '2': 'secondo', '3': 'terzo', '4': 'quarto', '-1': 'ultimo' };

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Which "nth weekday of the month" a date is: 1-4, or -1 when it is the last (the 5th). */
export function nthOfMonth(date: string): number {
  const n = Math.floor((Number(date.slice(8, 10)) - 1) / 7) + 1;
  return n >= 5 ? -1 : n;
}

/** Build the RRULE for the choices a form offers, from the first occurrence's date. */
export function buildRule(freq: Frequency, start: string, opts: { interval?: number; until?: string | null; count?: number | null; weekdays?: number[] } = {}): string {
  if (freq === 'none') return '';
  const date = wallDate(start);
  const parts: string[] = [];
  const wd = WEEKDAY_CODES[isoWeekday(date) - 1] as string;
  if (freq === 'daily') parts.push('FREQ=DAILY');
  if (freq === 'weekly') {
    const days = opts.weekdays && opts.weekdays.length > 0 ? opts.weekdays.map((d) => WEEKDAY_CODES[d - 1]).join(',') : wd;
    parts.push('FREQ=WEEKLY', `BYDAY=${days}`);
  }
  if (freq === 'monthly_nth') parts.push('FREQ=MONTHLY', `BYDAY=${nthOfMonth(date)}${wd}`);
  if (freq === 'monthly_day') parts.push('FREQ=MONTHLY', `BYMONTHDAY=${Number(date.slice(8, 10))}`);
  if (opts.interval && opts.interval > 1) parts.push(`INTERVAL=${opts.interval}`);
  if (opts.until) parts.push(`UNTIL=${opts.until.replaceAll('-', '')}`);
  else if (opts.count) parts.push(`COUNT=${opts.count}`);
  return parts.join(';');
}

/** How a series ends: never, after a number of occurrences (COUNT), or on a date (UNTIL, inclusive). */
export type SeriesEnd = { kind: 'mai' } | { kind: 'dopo'; count: number } | { kind: 'il'; until: string };

export function ruleEnd(rule: string): SeriesEnd {
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const until = parts.get('UNTIL');
  if (until && /^\d{8}/.test(until)) return { kind: 'il', until: `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` };
  const count = Number(parts.get('COUNT') ?? '');
  if (Number.isInteger(count) && count >= 1) return { kind: 'dopo', count };
  return { kind: 'mai' };
}

/** The same rule with its end replaced; an empty rule stays empty (nothing repeats). */
export function withEnd(rule: string, end: SeriesEnd): string {
  if (!rule) return '';
  const kept = rule.split(';').filter((p) => !p.startsWith('COUNT=') && !p.startsWith('UNTIL='));
  if (end.kind === 'dopo') kept.push(`COUNT=${end.count}`);
  if (end.kind === 'il') kept.push(`UNTIL=${end.until.replaceAll('-', '')}`);
  return kept.join(';');
}

/** The rule in plain Italian: "ogni martedì", "il primo lunedì del mese". */
export function describeRule(rule: string): string {
  if (!rule) return 'Non si ripete';
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const byday = parts.get('BYDAY');
  let text: string;
  switch (parts.get('FREQ')) {
    case 'DAILY':
      text = interval > 1 ? `ogni ${interval} giorni` : 'ogni giorno';
      break;
    case 'WEEKLY': {
      const days = (byday ?? '')
        .split(',')
        .filter(Boolean)
        .map((c) => WEEKDAY_NAMES[WEEKDAY_CODES.indexOf(c as (typeof WEEKDAY_CODES)[number])] ?? c);
      text = `${interval > 1 ? `ogni ${interval} settimane` : 'ogni settimana'}${days.length ? `, il ${days.join(' e il ')}` : ''}`;
      if (interval === 1 && days.length === 1) text = `ogni ${days[0]}`;
      break;
    }
    case 'MONTHLY': {
      const m = /^(-?\d)([A-Z]{2})$/.exec(byday ?? '');
      const every = interval > 1 ? `ogni ${interval} mesi` : 'del mese';
      if (m) text = `il ${ORDINALS[m[1] as string] ?? m[1]} ${WEEKDAY_NAMES[WEEKDAY_CODES.indexOf(m[2] as (typeof WEEKDAY_CODES)[number])] ?? ''} ${every}`;
      else text = `il giorno ${parts.get('BYMONTHDAY') ?? ''} ${interval > 1 ? `ogni ${interval} mesi` : 'di ogni mese'}`;
      break;
    }
    default:
      text = 'ogni anno';
  }
  const until = parts.get('UNTIL');
  if (until) text += `, fino al ${until.slice(6, 8)}/${until.slice(4, 6)}/${until.slice(0, 4)}`;
  const count = parts.get('COUNT');
  if (count) text += `, ${count} volte`;
  return text;
}
