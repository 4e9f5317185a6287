import type { ParsedInputOf } from '../../../../shared/contracts';
import type { CaseDetailData } from '../../../../shared/contracts/cases';
import { addMonths } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { uuidv7 } from '../../ids';
import { nowIso, type WorkContext } from '../work-context';
import { mustGetCase } from './case-access';
import { CasesService } from './cases.service';

/** The personalised plan: objectives by term, outcomes, a review every N months. */
export class PaiService {
  constructor(private readonly ctx: WorkContext) {}

  save(input: ParsedInputOf<'pai.save'>): CaseDetailData {
    const { store } = this.ctx;
    const row = mustGetCase(this.ctx, input.caseId);
    if (row.stato === 'chiuso') throw new AppError('VALIDATION', 'La cartella è chiusa: riaprila per aggiornare il PAI.');
    const entry = { log: 'data' as const, action: 'pai.save', subjectType: 'persona', subjectId: row.person_id, subjectLabel: row.numero };
    const values = {
      case_id: row.id,
      data_avvio: input.dataAvvio,
      revisione_mesi: input.revisioneMesi,
      prossima_revisione: addMonths(input.dataAvvio, input.revisioneMesi),
      note: input.note,
    };
    store.writer.transaction(() => {
      let paiId = input.id;
      if (paiId) {
        const before = store.content.paiById(paiId);
        if (!before || before.case_id !== row.id) throw new AppError('NOT_FOUND', 'PAI non trovato.');
        if (before.stato === 'chiuso') throw new AppError('VALIDATION', 'Questo PAI è chiuso: per nuovi obiettivi avviane uno nuovo.');
        // The next review counts from the last one: an update does not postpone a late review.
        const next = before.prossima_revisione < values.prossima_revisione && before.revisione_mesi === input.revisioneMesi ? before.prossima_revisione : values.prossima_revisione;
        store.writer.update(this.ctx.actor, 'pai', paiId, { ...values, prossima_revisione: next }, entry);
        const kept = new Set(input.obiettivi.map((o) => o.id).filter(Boolean));
        const existing = store.content.objectives([paiId]);
        if (existing.some((o) => !kept.has(o.id))) {
          throw new AppError('VALIDATION', 'Un obiettivo non si cancella: indicane l’esito (ad esempio «Non raggiunto»).', 'obiettivi');
        }
      } else {
        if (store.content.pai(row.id).some((p) => p.stato === 'attivo')) {
          throw new AppError('CONFLICT', 'Questa cartella ha già un PAI attivo: aggiornalo o chiudilo prima di avviarne un altro.');
        }
        paiId = uuidv7();
        store.writer.insert(this.ctx.actor, 'pai', paiId, { ...values, stato: 'attivo', chiuso_il: null, created_at: nowIso(this.ctx) }, entry);
      }
      const existing = new Map(store.content.objectives([paiId]).map((o) => [o.id, o]));
      input.obiettivi.forEach((o, ordine) => {
        const cols = { pai_id: paiId, termine: o.termine, descrizione: o.descrizione, esito: o.esito, esito_note: o.esitoNote, ordine };
        if (o.id) {
          if (!existing.has(o.id)) throw new AppError('NOT_FOUND', 'Obiettivo non trovato.');
          store.writer.update(this.ctx.actor, 'pai_objectives', o.id, cols, { ...entry, detail: `Obiettivo ${ordine + 1}` });
        } else {
          store.writer.insert(this.ctx.actor, 'pai_objectives', uuidv7(), cols, { ...entry, detail: `Nuovo obiettivo ${ordine + 1}` });
        }
      });
    });
    return new CasesService(this.ctx).reload(row.id);
  }

  close({ id, data, note }: ParsedInputOf<'pai.close'>): CaseDetailData {
    const { store } = this.ctx;
    const pai = store.content.paiById(id);
    if (!pai) throw new AppError('NOT_FOUND', 'PAI non trovato.');
    const row = mustGetCase(this.ctx, pai.case_id);
    if (pai.stato === 'chiuso') throw new AppError('VALIDATION', 'Il PAI è già chiuso.');
    if (data < pai.data_avvio) throw new AppError('VALIDATION', 'La chiusura non può precedere l’avvio del PAI.', 'data');
    store.writer.update(
      this.ctx.actor,
      'pai',
      id,
      { stato: 'chiuso', chiuso_il: data, note: note || pai.note },
      {
        log: 'data',
        action: 'pai.close',
        subjectType: 'persona',
        subjectId: row.person_id,
        subjectLabel: row.numero,
      },
    );
    return new CasesService(this.ctx).reload(row.id);
  }
}
