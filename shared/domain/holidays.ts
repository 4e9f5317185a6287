import { addDays } from './dates';

/**
 * Italian public holidays, computed rather than looked up, so the core and the renderer agree
 * offline and for any year. Easter by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Holiday {
  date: string;
  name: string;
  kind: 'nazionale' | 'patrono';
  /** For a patron day: the comune's ISTAT code. */
  comuneIstat?: string;
}

const FIXED: [string, string][] = [
  ['01-01', 'Capodanno'],
  ['01-06', 'Epifania'],
  ['04-25', 'Festa della Liberazione'],
  ['05-01', 'Festa del Lavoro'],
  ['06-02', 'Festa della Repubblica'],
  ['08-15', 'Ferragosto'],
  ['11-01', 'Ognissanti'],
  ['12-08', 'Immacolata Concezione'],
  ['12-25', 'Natale'],
  ['12-26', 'Santo Stefano'],
];

/** National holidays of one year, in date order. */
export function nationalHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = FIXED.map(([md, name]) => ({ date: `${year}-${md}`, name, kind: 'nazionale' as const }));
  list.push({ date: easter, name: 'Pasqua', kind: 'nazionale' }, { date: addDays(easter, 1), name: 'Lunedì dell’Angelo (Pasquetta)', kind: 'nazionale' });
  // Legge 151/2025: 4 ottobre (San Francesco d'Assisi) is again a national holiday from 2026.
  if (year >= 2026) list.push({ date: `${year}-10-04`, name: 'San Francesco d’Assisi, patrono d’Italia', kind: 'nazionale' });
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/** A comune's patron day, 'MM-DD', as configured in the zone settings. */
export interface PatronDay {
  comuneIstat: string;
  comuneNome: string;
  giorno: string;
  santo: string;
}

/**
 * Holidays in [from, to) (dates): national ones plus the patron days of the given comuni. An
 * appointment is warned about the patron day of the comune where it takes place.
 */
export function holidaysBetween(from: string, to: string, patrons: readonly PatronDay[] = []): Holiday[] {
  const out: Holiday[] = [];
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    for (const h of nationalHolidays(y)) if (h.date >= from && h.date < to) out.push(h);
    for (const p of patrons) {
      const date = `${y}-${p.giorno}`;
      if (date >= from && date < to && /^\d{2}-\d{2}$/.test(p.giorno)) {
        out.push({ date, name: `Patrono di ${p.comuneNome}${p.santo ? ` (${p.santo})` : ''}`, kind: 'patrono', comuneIstat: p.comuneIstat });
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** Patron days the zone starts with; every comune's can be set or changed in the settings. */
export const DEFAULT_PATRONS: Record<string, { giorno: string; santo: string }> = {
  '055022': { giorno: '05-03', santo: 'San Giovenale' },
  '055004': { giorno: '11-24', santo: 'Santa Firmina' },
};

export const PATRON_DAY_RE = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
