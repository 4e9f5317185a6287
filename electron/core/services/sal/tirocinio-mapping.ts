import type { z } from 'zod';
import type { TirocinioDetail, TirocinioSummary } from '../../../../shared/contracts/sal';
import { effectiveEnd } from '../../../../shared/domain/sal/tirocinio-rules';
import type { TirocinioRow } from '../../db/repositories/sal.repo';
import type { WorkContext } from '../work-context';
import { parametriById, planOf } from './sal-plan';

/** One model of a tirocinio for every screen: the real end always computed the same way. */
export function tirocinioSummary(ctx: WorkContext, t: TirocinioRow): z.output<typeof TirocinioSummary> {
  return {
    id: t.id,
    beneficiarioId: t.beneficiario_id,
    beneficiario: t.beneficiario,
    aziendaId: t.azienda_id,
    azienda: t.azienda,
    regime: t.regime,
    inizio: t.inizio,
    fine: t.fine,
    fineEffettiva: effectiveEnd(planOf(ctx, t)),
    oreSettimanali: t.ore_settimanali,
    stato: t.stato,
    esito: t.esito,
  };
}

export function tirocinioDetail(ctx: WorkContext, t: TirocinioRow): z.output<typeof TirocinioDetail> {
  const plan = planOf(ctx, t);
  const params = parametriById(ctx, t.parametri_id);
  return {
    ...tirocinioSummary(ctx, t),
    convenzioneId: t.convenzione_id,
    obiettivi: t.obiettivi,
    mansione: t.mansione,
    sedeSvolgimento: t.sede_svolgimento,
    tutorPromotoreId: t.tutor_promotore_id,
    tutorAziendaleId: t.tutor_aziendale_id,
    orario: plan.orario,
    pagatoDa: t.pagato_da,
    inail: t.inail,
    rc: t.rc,
    comunicazioneData: t.comunicazione_data,
    sospensioni: ctx.store.sal.sospensioni(t.id).map((s) => ({ id: s.id, dal: s.dal, al: s.al, motivo: s.motivo })),
    proroghe: ctx.store.sal.proroghe(t.id).map((p) => ({ finePrima: p.fine_prima, fineDopo: p.fine_dopo, motivo: p.motivo, at: p.at })),
    cessazioneData: t.cessazione_data,
    cessazioneMotivo: t.cessazione_motivo,
    esitoData: t.esito_data,
    esitoContratto: t.esito_contratto,
    deroga: t.deroga_regola ? { regola: t.deroga_regola, motivo: t.deroga_motivo } : null,
    parametri: { validoDal: params.validoDal, fonte: params.fonte },
  };
}
