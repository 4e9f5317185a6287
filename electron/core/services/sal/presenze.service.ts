import type { ParsedInputOf } from '../../../../shared/contracts';
import { AppError } from '../../../../shared/domain/errors';
import { monthIndennita, type MonthIndennita } from '../../../../shared/domain/sal/indennita';
import { checkPresenze, monthGrid, type GridDay, type Presenza } from '../../../../shared/domain/sal/presenze';
import type { TirocinioRow } from '../../db/repositories/sal.repo';
import { uuidv7 } from '../../ids';
import type { WorkContext } from '../work-context';
import { holidaysOfMonth, parametriById, planOf } from './sal-plan';

/** Monthly attendance of a tirocinio and the indennità it earns. */
export class PresenzeService {
  constructor(private readonly ctx: WorkContext) {}

  private get store() {
    return this.ctx.store;
  }

  private mustRow(id: string): TirocinioRow {
    const row = this.store.sal.tirocinio(id);
    if (!row) throw new AppError('NOT_FOUND', 'Tirocinio non trovato.');
    return row;
  }

  private compute(row: TirocinioRow, month: string, presenze: readonly Presenza[]): { grid: GridDay[]; indennita: MonthIndennita } {
    const plan = planOf(this.ctx, row);
    const comune = this.store.sal.azienda(row.azienda_id)?.comune_istat ?? '';
    const holidays = holidaysOfMonth(this.ctx, month, comune);
    return { grid: monthGrid(plan, month, holidays), indennita: monthIndennita(plan, parametriById(this.ctx, row.parametri_id), month, holidays, presenze) };
  }

  private stored(row: TirocinioRow, month: string): Presenza[] {
    return this.store.sal
      .presenze(row.id, month)
      .filter((p) => p.ore > 0 || p.assenza !== '')
      .map((p) => ({ date: p.data, ore: p.ore, assenza: p.assenza }));
  }

  month(input: ParsedInputOf<'salPresenze.month'>) {
    const row = this.mustRow(input.tirocinioId);
    const presenze = this.stored(row, input.month);
    this.store.writer.record(this.ctx.actor, { log: 'data', action: 'salPresenze.month', subjectType: 'persona', subjectId: row.person_id, detail: `Presenze di ${input.month}` });
    const { grid, indennita } = this.compute(row, input.month, presenze);
    return { grid, presenze: presenze.map((p) => ({ date: p.date, ore: p.ore, assenza: p.assenza ?? '' })), indennita };
  }

  /**
   * The month's whole grid as the user left it: every day given is written (a cleared day keeps
   * its row with no hours), every problem refused at once with its day named, nothing stored.
   */
  save(input: ParsedInputOf<'salPresenze.save'>): { indennita: MonthIndennita } {
    const row = this.mustRow(input.tirocinioId);
    const dates = new Set<string>();
    for (const p of input.presenze) {
      if (dates.has(p.date)) throw new AppError('VALIDATION', `Il giorno ${p.date} compare due volte.`);
      dates.add(p.date);
    }
    const plan = planOf(this.ctx, row);
    const { grid } = this.compute(row, input.month, []);
    const problems = checkPresenze(grid, input.presenze, plan, parametriById(this.ctx, row.parametri_id));
    if (problems.length > 0) {
      throw new AppError(
        'VALIDATION',
        problems.join(' '),
        'presenze',
        problems.map((message) => ({ field: 'presenze', message })),
      );
    }
    const current = new Map(this.store.sal.presenze(row.id, input.month).map((p) => [p.data, p]));
    const entry = { log: 'data' as const, action: 'salPresenze.save', subjectType: 'persona', subjectId: row.person_id, detail: `Presenze di ${input.month}` };
    // One audit row for the month, however many days changed.
    this.store.writer.writeRows(this.ctx.actor, entry, (rows) => {
      for (const p of input.presenze) {
        const existing = current.get(p.date);
        const values = { ore: p.ore, assenza: p.assenza };
        if (existing) rows.update('sal_presenze', existing.id, values);
        else if (p.ore > 0 || p.assenza) rows.insert('sal_presenze', uuidv7(), { tirocinio_id: row.id, data: p.date, ...values });
      }
    });
    return { indennita: this.compute(row, input.month, this.stored(row, input.month)).indennita };
  }
}
