import { formatDecimal, formatEuroCents } from '../money';
import { monthlyAmountCents, type RegimeParameters } from './parameters';
import { daysInMonth } from '../dates';
import { monthGrid, type GridDay, type Presenza } from './presenze';
import { GIORNI } from './regimi';
import { effectiveEnd, type TirocinioPlan } from './tirocinio-rules';

export interface MonthIndennita {
  month: string;
  /** The regime's monthly amount for the PFI's weekly hours. */
  importoPienoCents: number;
  /** Hours the timetable plans in the whole month (holidays excepted), as if the tirocinio covered it. */
  previsteMeseIntero: number;
  /** Hours planned in the days of the month the tirocinio runs and is not suspended. */
  previste: number;
  svolte: number;
  /** Attended over planned, in percent (0 when nothing was planned). */
  percentuale: number;
  sogliaPercento: number;
  piena: boolean;
  importoCents: number;
  /** Every figure of the computation, in Italian, for the screen and the payment list. */
  spiegazione: string;
}

/** Hours as integer minutes, so that 70% of the planned hours is compared exactly. */
const minutes = (hours: number) => Math.round(hours * 60);

/**
 * A month's indennità: the regime's amount for the weekly hours, pro rata in a month the
 * tirocinio covers only in part (first and last month, suspensions: the share of the month's
 * planned hours it covers), paid in full at or above the attendance threshold and in proportion
 * to the hours attended below it.
 */
export function monthIndennita(plan: TirocinioPlan, params: RegimeParameters, month: string, holidays: ReadonlyMap<string, string>, presenze: readonly Presenza[]): MonthIndennita {
  const grid = monthGrid(plan, month, holidays);
  const counted = new Set(grid.filter((d) => d.kind !== 'fuori' && d.kind !== 'sospeso').map((d) => d.date));
  const doneMin = presenze.reduce((sum, p) => sum + (counted.has(p.date) && p.date.startsWith(month) ? minutesAttended(p.ore) : 0), 0);
  return indennitaOfGrid(plan, params, month, grid, doneMin);
}

/** A day's attended hours as they count: whole minutes, never negative. */
const minutesAttended = (ore: number) => minutes(Math.max(0, ore));

/**
 * The days of `month` whose hours count (inside the tirocinio, with its moved end), as a range;
 * the days of a sospensione inside it do not count either. Null when none of the month does.
 */
export function countedRange(plan: TirocinioPlan, month: string): { dal: string; al: string } | null {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  const dal = plan.inizio > first ? plan.inizio : first;
  const end = effectiveEnd(plan);
  const al = end < last ? end : last;
  return dal <= al ? { dal, al } : null;
}

/**
 * The same indennità from the minutes attended on the counted days (see `countedRange`), summed
 * elsewhere: the payment list adds them up in one query for every tirocinio of the month.
 */
export function monthIndennitaOfMinutes(plan: TirocinioPlan, params: RegimeParameters, month: string, holidays: ReadonlyMap<string, string>, doneMin: number): MonthIndennita {
  return indennitaOfGrid(plan, params, month, monthGrid(plan, month, holidays), doneMin);
}

function indennitaOfGrid(plan: TirocinioPlan, params: RegimeParameters, month: string, grid: readonly GridDay[], doneMin: number): MonthIndennita {
  const wholeMin = grid.reduce((sum, d) => sum + (d.festa === undefined ? minutes(plan.orario[d.giorno]) : 0), 0);
  const plannedMin = grid.reduce((sum, d) => sum + minutes(d.previste), 0);
  const full = monthlyAmountCents(params, plan.oreSettimanali);
  const soglia = params.sogliaPresenzaPercento;
  const piena = plannedMin > 0 && doneMin * 100 >= soglia * plannedMin;
  const quotaCents = wholeMin > 0 ? Math.round((full * plannedMin) / wholeMin) : 0;
  const importo = plannedMin === 0 ? 0 : piena ? quotaCents : Math.round((full * Math.min(doneMin, plannedMin)) / wholeMin);
  const pct = plannedMin > 0 ? Math.round((doneMin * 1000) / plannedMin) / 10 : 0;
  const h = (min: number) => formatDecimal(min / 60);

  let spiegazione: string;
  if (plannedMin === 0) spiegazione = 'nessuna ora prevista in questo mese (fuori periodo o sospensione): nessuna indennità';
  else {
    const parziale = plannedMin < wholeMin;
    const base = parziale
      ? `mese in parte: ore previste ${h(plannedMin)} su ${h(wholeMin)} del mese intero, quota ${formatEuroCents(quotaCents)} di ${formatEuroCents(full)}; `
      : '';
    const esito = piena
      ? `${formatDecimal(pct)}% ≥ ${soglia}%: indennità piena ${formatEuroCents(quotaCents)}`
      : `${formatDecimal(pct)}% < ${soglia}%: indennità in proporzione alle ore svolte (${h(Math.min(doneMin, plannedMin))} su ${h(wholeMin)} × ${formatEuroCents(full)}) ${formatEuroCents(importo)}`;
    spiegazione = `${base}ore previste ${h(plannedMin)}, svolte ${h(doneMin)} = ${esito}`;
  }
  return {
    month,
    importoPienoCents: full,
    previsteMeseIntero: wholeMin / 60,
    previste: plannedMin / 60,
    svolte: doneMin / 60,
    percentuale: pct,
    sogliaPercento: soglia,
    piena,
    importoCents: importo,
    spiegazione,
  };
}

/** The weekly hours of a timetable (for forms that fill the days first). */
export function weeklyHours(orario: TirocinioPlan['orario']): number {
  return GIORNI.reduce((sum, g) => sum + orario[g], 0);
}
