import { addDays, daysInMonth, formatItalianDate, toDayNumber } from '../dates';
import { formatDecimal } from '../money';
import type { RegimeParameters } from './parameters';
import { GIORNI, type Giorno } from './regimi';
import { effectiveEnd, type TirocinioPlan } from './tirocinio-rules';

/** What a day of the month's grid is for a tirocinio. */
export type DayKind = 'fuori' | 'sospeso' | 'festivo' | 'riposo' | 'previsto';

export interface GridDay {
  date: string;
  giorno: Giorno;
  kind: DayKind;
  /** Hours the timetable plans for this day (0 unless `previsto`). */
  previste: number;
  /** The holiday's name on a `festivo` day. */
  festa?: string;
}

/** 0 = Monday … 6 = Sunday; 1970-01-01 was a Thursday. */
function weekdayIndex(date: string): number {
  return (((toDayNumber(date) + 3) % 7) + 7) % 7;
}

function suspendedOn(plan: Pick<TirocinioPlan, 'sospensioni'>, date: string): boolean {
  return plan.sospensioni.some((s) => s.dal <= date && date <= s.al);
}

/** `month` is 'YYYY-MM'; `holidays` maps a date to its name (national holidays and the sede's patron). */
export function monthGrid(plan: TirocinioPlan, month: string, holidays: ReadonlyMap<string, string>): GridDay[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = effectiveEnd(plan);
  const out: GridDay[] = [];
  // The weekday of the 1st, then one step a day: the payment list builds hundreds of grids.
  const first = weekdayIndex(`${month}-01`);
  for (let d = 1; d <= daysInMonth(y, m); d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    const giorno = GIORNI[(first + d - 1) % 7]!;
    const festa = holidays.get(date);
    let kind: DayKind;
    if (date < plan.inizio || date > end) kind = 'fuori';
    else if (suspendedOn(plan, date)) kind = 'sospeso';
    else if (festa !== undefined) kind = 'festivo';
    else if (plan.orario[giorno] <= 0) kind = 'riposo';
    else kind = 'previsto';
    out.push({ date, giorno, kind, previste: kind === 'previsto' ? plan.orario[giorno] : 0, ...(festa !== undefined ? { festa } : {}) });
  }
  return out;
}

/** One day's attendance: hours, or an absence with its reason. */
export interface Presenza {
  date: string;
  ore: number;
  assenza?: string;
}

const KIND_REFUSAL: Partial<Record<DayKind, string>> = {
  fuori: 'è fuori dal periodo del tirocinio',
  sospeso: 'il tirocinio è sospeso',
};

/**
 * The problems of a month's presenze, each naming its day: none outside the tirocinio or in a
 * suspension, at most `oreMaxGiorno` a day, at most the PFI's weekly hours in a week. Holidays
 * and rest days may hold hours (a recovered day), within the same limits.
 */
export function checkPresenze(grid: readonly GridDay[], presenze: readonly Presenza[], plan: Pick<TirocinioPlan, 'oreSettimanali'>, params: RegimeParameters): string[] {
  const byDate = new Map(grid.map((d) => [d.date, d]));
  const problems: string[] = [];
  const weekTotals = new Map<number, { ore: number; from: string }>();
  for (const p of presenze) {
    const day = byDate.get(p.date);
    const label = formatItalianDate(p.date);
    if (!day) {
      problems.push(`${label}: non è un giorno di questo mese.`);
      continue;
    }
    if (!Number.isFinite(p.ore) || p.ore < 0) problems.push(`${label}: le ore non possono essere negative.`);
    const refusal = KIND_REFUSAL[day.kind];
    if (refusal && p.ore > 0) problems.push(`${label}: ${refusal}, non si possono registrare ore.`);
    if (p.ore > params.oreMaxGiorno) problems.push(`${label}: al massimo ${params.oreMaxGiorno} ore al giorno (qui ${formatDecimal(p.ore)}).`);
    if (p.ore > 0 && p.assenza) problems.push(`${label}: un’assenza non ha ore svolte.`);
    const week = Math.floor((toDayNumber(p.date) + 3) / 7);
    const total = weekTotals.get(week) ?? { ore: 0, from: addDays(p.date, -weekdayIndex(p.date)) };
    total.ore += Math.max(0, p.ore);
    weekTotals.set(week, total);
  }
  for (const { ore, from } of weekTotals.values()) {
    if (ore > plan.oreSettimanali + 1e-9) {
      problems.push(`Settimana dal ${formatItalianDate(from)}: ${formatDecimal(ore)} ore, oltre le ${formatDecimal(plan.oreSettimanali)} settimanali del progetto formativo.`);
    }
  }
  return problems;
}
