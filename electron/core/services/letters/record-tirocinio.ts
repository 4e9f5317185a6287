import { formatItalianDate, italianMonthName, todayInRome } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { formatDecimal } from '../../../../shared/domain/money';
import { monthGrid } from '../../../../shared/domain/sal/presenze';
import { ESITO_LABELS, GIORNI, GIORNO_LABELS, REGIME_LABELS, type Orario } from '../../../../shared/domain/sal/regimi';
import type { PlaceNames } from '../persons/place-names';
import { holidaysOfMonth, planOf } from '../sal/sal-plan';
import type { WorkContext } from '../work-context';
import type { GroupValues } from './scope';

export interface TirocinioRead {
  values: GroupValues;
  personId: string;
  caseId: string;
}

function orarioText(orario: Orario): string {
  return GIORNI.filter((g) => (orario[g] ?? 0) > 0)
    .map((g) => `${GIORNO_LABELS[g]} ${formatDecimal(orario[g])} ore`)
    .join(', ');
}

/**
 * A tirocinio with its host company, tutors, convenzione and, for the registro presenze, the
 * month's grid (`month` 'YYYY-MM', this month when not given).
 */
export function tirocinioGroup(ctx: WorkContext, places: PlaceNames, id: string, month: string | null): TirocinioRead {
  const { store } = ctx;
  const t = store.sal.tirocinio(id);
  if (!t) throw new AppError('NOT_FOUND', 'Tirocinio non trovato.');
  const beneficiario = store.sal.beneficiario(t.beneficiario_id);
  if (!beneficiario) throw new AppError('NOT_FOUND', 'Beneficiario non trovato.');
  const azienda = store.sal.azienda(t.azienda_id);
  const convenzione = store.sal.convenzione(t.convenzione_id);
  const tutorAziendale = t.tutor_aziendale_id ? store.sal.tutor(t.tutor_aziendale_id) : null;
  const promotore = t.tutor_promotore_id ? store.users.byId(t.tutor_promotore_id) : null;
  const mese = month ?? todayInRome(new Date(ctx.now())).slice(0, 7);
  const plan = planOf(ctx, t);
  const recorded = new Map(store.sal.presenze(t.id, mese).map((p) => [p.data, p]));
  const grid = monthGrid(plan, mese, holidaysOfMonth(ctx, mese, azienda?.comune_istat ?? ''));
  let oreMese = 0;
  const giorni = grid.map((d) => {
    const p = recorded.get(d.date);
    oreMese += p?.ore ?? 0;
    return {
      data: formatItalianDate(d.date),
      giorno: GIORNO_LABELS[d.giorno],
      ore: p && p.ore > 0 ? formatDecimal(p.ore) : '',
      assenza: p?.assenza ?? '',
      festivo: d.kind === 'festivo' ? (d.festa ?? 'festivo') : d.kind === 'fuori' ? 'fuori periodo' : d.kind === 'sospeso' ? 'sospeso' : '',
    };
  });
  const [anno, m] = mese.split('-').map(Number) as [number, number];
  return {
    values: {
      azienda: t.azienda,
      azienda_codice: azienda?.codice ?? null,
      azienda_indirizzo: azienda?.indirizzo ?? null,
      azienda_comune: azienda ? places.byIstat(azienda.comune_istat) : null,
      azienda_referente: azienda?.referente ?? null,
      mansione: t.mansione,
      obiettivi: t.obiettivi,
      sede_svolgimento: t.sede_svolgimento,
      inizio: t.inizio,
      fine: plan.fine,
      ore_settimanali: formatDecimal(t.ore_settimanali),
      orario: orarioText(plan.orario),
      tutor_aziendale: tutorAziendale?.nome ?? null,
      tutor_promotore: promotore?.fullName ?? null,
      regime: REGIME_LABELS[t.regime],
      pagato_da: t.pagato_da,
      inail: t.inail,
      rc: t.rc,
      convenzione_numero: convenzione?.numero ?? null,
      convenzione_data: convenzione?.data ?? null,
      convenzione_scadenza: convenzione?.scadenza ?? null,
      esito: t.esito ? ESITO_LABELS[t.esito] : null,
      esito_data: t.esito_data,
      mese: `${italianMonthName(m)} ${anno}`,
      giorni,
      ore_mese: formatDecimal(oreMese),
      ore_totali: formatDecimal(store.documents.presenzeTotal(t.id)),
    },
    personId: beneficiario.person_id,
    caseId: beneficiario.case_id,
  };
}
