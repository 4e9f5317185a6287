import { createHash } from 'node:crypto';
import type { SiussBatchData, SiussCheckData } from '../../../../shared/contracts/siuss';
import { AppError } from '../../../../shared/domain/errors';
import { conteggio } from '../../../../shared/domain/italian';
import { quarterLabel } from '../../../../shared/domain/siuss';
import type { SiussBatchRow } from '../../db/repositories/siuss.repo';
import { toCsv, toXlsx } from '../../files/spreadsheet';
import { uuidv7 } from '../../ids';
import { nowIso, type WorkContext } from '../work-context';
import { planOf } from './siuss-plan';
import { siussSheet } from './siuss-sheet';

export const SIUSS_MIME = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

function batchOf(b: SiussBatchRow): SiussBatchData {
  return {
    id: b.id,
    numero: b.numero,
    periodo: b.periodo,
    at: b.created_at,
    utente: b.utente,
    formato: b.formato,
    nome: b.nome_file,
    sha256: b.sha256,
    inserimenti: b.inserimenti,
    cancellazioni: b.cancellazioni,
  };
}

/** The SIUSS flow: check a quarter, write it as a batch, list the batches sent. */
export class SiussService {
  constructor(private readonly ctx: WorkContext) {}

  verify(periodo: string): SiussCheckData {
    const plan = planOf(this.ctx.store, periodo);
    this.ctx.store.writer.recordBatched(this.ctx.actor, {
      log: 'data',
      action: 'siuss.verify',
      subjectType: 'flusso_siuss',
      detail: `Verifica del ${quarterLabel(periodo)}: ${plan.lines.length} righe, ${plan.errori.length} erogazioni da correggere`,
    });
    return {
      periodo,
      fine: plan.fine,
      inserimenti: plan.lines.filter((l) => l.tipo === 'I').length,
      cancellazioni: plan.lines.filter((l) => l.tipo === 'C').length,
      arretrati: plan.arretrati,
      errori: plan.errori,
    };
  }

  /**
   * The batch's file and its record, in one transaction: the batch, each line sent and what
   * INPS holds afterwards. Refused while any erogazione fails a rule, so none is left out unseen.
   */
  export(periodo: string, formato: 'csv' | 'xlsx', progress: (done: number, total: number) => void): { batch: SiussBatchData; bytes: Buffer } {
    const plan = planOf(this.ctx.store, periodo);
    if (plan.errori.length > 0) {
      throw new AppError(
        'VALIDATION',
        `${conteggio(plan.errori.length, 'erogazione va corretta', 'erogazioni vanno corrette')} prima dell’esportazione: premi «Verifica» per l’elenco.`,
      );
    }
    if (plan.lines.length === 0) throw new AppError('VALIDATION', `Nulla da inviare per il ${quarterLabel(periodo)}: ogni erogazione è già stata esportata.`);
    const bytes = formato === 'csv' ? toCsv(siussSheet(periodo, plan.lines)) : toXlsx(siussSheet(periodo, plan.lines));
    const store = this.ctx.store;
    const id = uuidv7(this.ctx.now());
    const numero = store.siuss.nextNumero();
    const nome = `siuss-${periodo}-invio-${numero}.${formato}`;
    const inserimenti = plan.lines.filter((l) => l.tipo === 'I').length;
    const cancellazioni = plan.lines.length - inserimenti;
    const states = store.siuss.states();
    store.writer.writeRows(
      this.ctx.actor,
      { log: 'data', action: 'siuss.export', subjectType: 'flusso_siuss', subjectId: id, detail: `${nome}: ${inserimenti} inserimenti (I), ${cancellazioni} cancellazioni (C)` },
      (rows) => {
        rows.insert('siuss_batches', id, {
          numero,
          periodo,
          formato,
          nome_file: nome,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          inserimenti,
          cancellazioni,
          user_id: this.ctx.userId,
          created_at: nowIso(this.ctx),
        });
        plan.lines.forEach((line, ordine) => {
          const dati = JSON.stringify(line.record);
          rows.insert('siuss_records', uuidv7(this.ctx.now()), { batch_id: id, delivery_id: line.deliveryId, tipo: line.tipo, ordine, dati });
          // A C then an I of the same erogazione (a correction) leaves the I standing.
          const after = { batch_id: id, dati, attivo: line.tipo === 'I' ? 1 : 0 } as const;
          if (states.has(line.deliveryId)) rows.update('siuss_state', line.deliveryId, after);
          else rows.insert('siuss_state', line.deliveryId, after);
          states.set(line.deliveryId, { id: line.deliveryId, ...after });
          if (ordine % 200 === 199) progress(ordine + 1, plan.lines.length);
        });
      },
    );
    progress(plan.lines.length, plan.lines.length);
    // The file names each person: one audit row per person exported, written with the batch.
    for (const personId of new Set(plan.lines.map((l) => l.personId))) {
      store.writer.recordBatched(this.ctx.actor, { log: 'data', action: 'siuss.export', subjectType: 'persona', subjectId: personId, detail: `Nel flusso SIUSS ${nome}` });
    }
    const made = store.siuss.batches().find((b) => b.id === id);
    if (!made) throw new AppError('INTERNAL');
    return { batch: batchOf(made), bytes };
  }

  batches(): { batches: SiussBatchData[] } {
    return { batches: this.ctx.store.siuss.batches().map(batchOf) };
  }
}
