import type { ParsedInputOf } from '../../../../shared/contracts';
import type { CaseDetailData } from '../../../../shared/contracts/cases';
import { AppError } from '../../../../shared/domain/errors';
import { uuidv7 } from '../../ids';
import { nowIso, type WorkContext } from '../work-context';
import { mustGetCase } from './case-access';
import { CasesService } from './cases.service';

/** The amounts an intervention and a delivery share. */
type Money = Pick<ParsedInputOf<'interventions.addDelivery'>, 'importoCents' | 'quotaEnteCents' | 'quotaUtenteCents'>;

/** Planned services and each delivery, with what a SIUSS flow needs (INPS code, amounts, hours). */
export class InterventionsService {
  constructor(private readonly ctx: WorkContext) {}

  save(input: ParsedInputOf<'interventions.save'>): CaseDetailData {
    const { store } = this.ctx;
    const row = mustGetCase(this.ctx, input.caseId);
    if (input.dataFine && input.dataFine < input.dataInizio) throw new AppError('VALIDATION', 'La fine non può precedere l’inizio.', 'dataFine');
    checkShares(input);
    const values = {
      case_id: row.id,
      prestazione_codice: input.prestazioneCodice,
      descrizione: input.descrizione,
      data_inizio: input.dataInizio,
      data_fine: input.dataFine,
      importo_cents: input.importoCents,
      quota_ente_cents: input.quotaEnteCents,
      quota_utente_cents: input.quotaUtenteCents,
      ore_mensili: input.oreMensili,
      stato: input.stato,
    };
    const entry = {
      log: 'data' as const,
      action: 'interventions.save',
      subjectType: 'persona',
      subjectId: row.person_id,
      subjectLabel: row.numero,
      detail: `${input.prestazioneCodice} ${input.descrizione}`,
    };
    if (input.id) {
      const before = store.content.intervention(input.id);
      if (!before || before.case_id !== row.id) throw new AppError('NOT_FOUND', 'Intervento non trovato.');
      store.writer.update(this.ctx.actor, 'interventions', input.id, values, entry);
    } else {
      store.writer.insert(this.ctx.actor, 'interventions', uuidv7(), { ...values, created_at: nowIso(this.ctx) }, entry);
    }
    return new CasesService(this.ctx).reload(row.id);
  }

  addDelivery(input: ParsedInputOf<'interventions.addDelivery'>): CaseDetailData {
    const { store } = this.ctx;
    const intervention = store.content.intervention(input.interventionId);
    if (!intervention) throw new AppError('NOT_FOUND', 'Intervento non trovato.');
    const row = mustGetCase(this.ctx, intervention.case_id);
    if (intervention.stato === 'annullato') throw new AppError('VALIDATION', 'L’intervento è annullato: non si registrano erogazioni.');
    if (input.data < intervention.data_inizio) throw new AppError('VALIDATION', 'L’erogazione non può precedere l’inizio dell’intervento.', 'data');
    checkShares(input);
    store.writer.insert(
      this.ctx.actor,
      'deliveries',
      uuidv7(),
      {
        intervention_id: intervention.id,
        data: input.data,
        importo_cents: input.importoCents,
        quota_ente_cents: input.quotaEnteCents,
        quota_utente_cents: input.quotaUtenteCents,
        ore: input.ore,
        note: input.note,
        created_at: nowIso(this.ctx),
      },
      { log: 'data', action: 'interventions.addDelivery', subjectType: 'persona', subjectId: row.person_id, subjectLabel: row.numero, detail: intervention.prestazione_codice },
    );
    return new CasesService(this.ctx).reload(row.id);
  }
}

/** Quota ente + quota utente must make up the amount, to the cent, when all three are given. */
function checkShares(m: Money): void {
  if (m.importoCents === null || m.quotaEnteCents === null || m.quotaUtenteCents === null) return;
  if (m.quotaEnteCents + m.quotaUtenteCents !== m.importoCents) {
    throw new AppError('VALIDATION', 'Quota ente più quota utente devono dare l’importo totale.', 'quotaUtenteCents');
  }
}
