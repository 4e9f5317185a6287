import { addDays, addMonths, toDayNumber, formatItalianDate } from '../dates';
import { hostLimit, type RegimeParameters } from './parameters';
import { GIORNI, GIORNO_LABELS, MOTIVO_SOSPENSIONE_LABELS, type MotivoSospensione, type Orario } from './regimi';

/** Both days included. */
export interface Sospensione {
  dal: string;
  al: string;
  motivo: MotivoSospensione;
}

/** What the rules look at: the dates (end as planned, proroghe included, suspensions excluded) and the hours. */
export interface TirocinioPlan {
  inizio: string;
  fine: string;
  oreSettimanali: number;
  orario: Orario;
  sospensioni: readonly Sospensione[];
}

export type RuleCode = 'date' | 'convenzione' | 'durata_minima' | 'durata_massima' | 'ore_giorno' | 'ore_settimana' | 'sospensione' | 'limite_ospitante';

/**
 * One rule a tirocinio breaks, named in Italian. `deroga` is the exception the rules allow for it
 * (to be recorded with a reason), or null when the breach is simply refused.
 */
export interface RuleBreach {
  rule: RuleCode;
  message: string;
  deroga: string | null;
}

function days(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from) + 1;
}

export function suspendedDays(sospensioni: readonly Sospensione[]): number {
  return sospensioni.reduce((sum, s) => sum + Math.max(0, days(s.dal, s.al)), 0);
}

/** The real last day: suspended days do not count towards the duration and move the end. */
export function effectiveEnd(plan: Pick<TirocinioPlan, 'fine' | 'sospensioni'>): string {
  return addDays(plan.fine, suspendedDays(plan.sospensioni));
}

/** "6 mesi", "2 mesi e 3 giorni", "20 giorni" from `inizio` to `fine` (both included). */
export function durationLabel(inizio: string, fine: string): string {
  let months = 0;
  while (addDays(addMonths(inizio, months + 1), -1) <= fine) months++;
  const rest = months === 0 ? days(inizio, fine) : toDayNumber(fine) - toDayNumber(addDays(addMonths(inizio, months), -1));
  const m = months === 1 ? '1 mese' : `${months} mesi`;
  const d = rest === 1 ? '1 giorno' : `${rest} giorni`;
  if (months === 0) return d;
  return rest === 0 ? m : `${m} e ${d}`;
}

/** Duration between the regime's minimum and maximum (suspensions excluded, proroghe included). */
export function checkDuration(plan: Pick<TirocinioPlan, 'inizio' | 'fine'>, params: RegimeParameters): RuleBreach[] {
  if (plan.fine < plan.inizio) return [{ rule: 'date', message: 'La data di fine è precedente alla data di inizio.', deroga: null }];
  const lastMin = addDays(addMonths(plan.inizio, params.durataMinMesi), -1);
  const lastMax = addDays(addMonths(plan.inizio, params.durataMaxMesi), -1);
  const durata = durationLabel(plan.inizio, plan.fine);
  if (plan.fine < lastMin) {
    return [
      {
        rule: 'durata_minima',
        message: `Durata minima ${params.durataMinMesi} mesi: questo tirocinio dura ${durata} (fine almeno il ${formatItalianDate(lastMin)}).`,
        deroga: null,
      },
    ];
  }
  if (plan.fine > lastMax) {
    return [
      {
        rule: 'durata_massima',
        message: `Durata massima ${params.durataMaxMesi} mesi per questo regime, proroghe comprese: questo tirocinio dura ${durata} (fine al più tardi il ${formatItalianDate(lastMax)}).`,
        deroga: params.rinnovabileOltreMax ? 'Rinnovo oltre la durata massima con attestazione del servizio' : null,
      },
    ];
  }
  return [];
}

/** A proroga moves the planned end later, within the regime's maximum. */
export function checkProroga(plan: Pick<TirocinioPlan, 'inizio' | 'fine'>, nuovaFine: string, params: RegimeParameters): RuleBreach[] {
  if (nuovaFine <= plan.fine) return [{ rule: 'date', message: `La proroga deve spostare la fine dopo il ${formatItalianDate(plan.fine)}.`, deroga: null }];
  return checkDuration({ inizio: plan.inizio, fine: nuovaFine }, params);
}

/** At most `oreMaxGiorno` a day, and the days' hours add up to the PFI's weekly hours. */
export function checkTimetable(plan: Pick<TirocinioPlan, 'oreSettimanali' | 'orario'>, params: RegimeParameters): RuleBreach[] {
  const out: RuleBreach[] = [];
  for (const g of GIORNI) {
    const ore = plan.orario[g];
    if (ore > params.oreMaxGiorno)
      out.push({ rule: 'ore_giorno', message: `Al massimo ${params.oreMaxGiorno} ore al giorno: ${GIORNO_LABELS[g]} ne prevede ${ore}.`, deroga: null });
  }
  const total = GIORNI.reduce((sum, g) => sum + plan.orario[g], 0);
  if (plan.oreSettimanali <= 0) out.push({ rule: 'ore_settimana', message: 'Indica le ore settimanali del progetto formativo.', deroga: null });
  else if (Math.abs(total - plan.oreSettimanali) > 1e-9) {
    out.push({ rule: 'ore_settimana', message: `L’orario dei giorni somma ${total} ore, ma il progetto formativo ne prevede ${plan.oreSettimanali} a settimana.`, deroga: null });
  }
  return out;
}

function minDays(motivo: MotivoSospensione, params: RegimeParameters): number {
  return motivo === 'chiusura_aziendale' ? params.sospensioneMinGiorniChiusura : params.sospensioneMinGiorniMalattia;
}

/** Each sospensione long enough for its reason, inside the tirocinio, not overlapping another. */
export function checkSuspensions(plan: TirocinioPlan, params: RegimeParameters): RuleBreach[] {
  const out: RuleBreach[] = [];
  const end = effectiveEnd(plan);
  const sorted = [...plan.sospensioni].sort((a, b) => a.dal.localeCompare(b.dal));
  sorted.forEach((s, i) => {
    const label = `Sospensione dal ${formatItalianDate(s.dal)} al ${formatItalianDate(s.al)}`;
    if (s.al < s.dal) return out.push({ rule: 'sospensione', message: `${label}: la fine è precedente all’inizio.`, deroga: null });
    const min = minDays(s.motivo, params);
    if (days(s.dal, s.al) < min) {
      out.push({ rule: 'sospensione', message: `${label}: per ${MOTIVO_SOSPENSIONE_LABELS[s.motivo]} la sospensione vale solo se dura almeno ${min} giorni.`, deroga: null });
    }
    if (s.dal < plan.inizio || s.al > end) out.push({ rule: 'sospensione', message: `${label}: è fuori dal periodo del tirocinio.`, deroga: null });
    const prev = sorted[i - 1];
    if (prev && s.dal <= prev.al) out.push({ rule: 'sospensione', message: `${label}: si sovrappone alla sospensione precedente.`, deroga: null });
    return undefined;
  });
  return out;
}

/**
 * The host's limit on tirocinanti at the same time. `others` counts the host's other tirocini
 * overlapping this one that count towards the limit.
 */
export function checkHostLimit(employees: number, others: number, params: RegimeParameters): RuleBreach[] {
  if (params.esclusoDaiLimiti) return [];
  const limit = hostLimit(params, employees);
  if (others + 1 <= limit) return [];
  const who = employees === 1 ? '1 dipendente a tempo indeterminato' : `${employees} dipendenti a tempo indeterminato`;
  const max = limit === 1 ? '1 tirocinante' : `${limit} tirocinanti`;
  const now = others === 1 ? '1 tirocinio' : `${others} tirocini`;
  return [{ rule: 'limite_ospitante', message: `Un ospitante con ${who} può avere al massimo ${max} alla volta: ne ha già ${now} nello stesso periodo.`, deroga: null }];
}

/** Every rule of the plan (duration, hours, suspensions); the host limit is checked with the host's data. */
export function checkPlan(plan: TirocinioPlan, params: RegimeParameters): RuleBreach[] {
  return [...checkDuration(plan, params), ...checkTimetable(plan, params), ...checkSuspensions(plan, params)];
}
