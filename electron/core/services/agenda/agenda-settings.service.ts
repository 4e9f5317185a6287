import type { ParsedInputOf } from '../../../../shared/contracts';
import type { SedeHoursData } from '../../../../shared/contracts/agenda';
import { AppError } from '../../../../shared/domain/errors';
import { DEFAULT_PATRONS, type PatronDay } from '../../../../shared/domain/holidays';
import { uuidv7 } from '../../ids';
import type { WorkContext } from '../work-context';

/** Working hours per sede and patron day per comune: the zone settings the agenda draws on. */
export class AgendaSettingsService {
  constructor(private readonly ctx: WorkContext) {}

  private get store() {
    return this.ctx.store;
  }

  settings() {
    return { orari: this.orari(), patroni: this.patrons() };
  }

  saveHours({ sedeId, giorni }: ParsedInputOf<'agenda.saveHours'>): SedeHoursData[] {
    const sede = this.store.zone.sede(sedeId);
    if (!sede) throw new AppError('NOT_FOUND', 'Sede non trovata.');
    const current = new Map(
      this.store.agenda
        .orari()
        .filter((o) => o.sede_id === sedeId)
        .map((o) => [o.giorno, o]),
    );
    const entry = { log: 'admin' as const, action: 'agenda.saveHours', subjectType: 'sede', subjectId: sedeId, subjectLabel: sede.nome };
    this.store.writer.transaction(() => {
      for (const g of giorni) {
        const values = { sede_id: sedeId, giorno: g.giorno, mattina_da: g.mattinaDa, mattina_a: g.mattinaA, pomeriggio_da: g.pomeriggioDa, pomeriggio_a: g.pomeriggioA };
        const row = current.get(g.giorno);
        if (row) this.store.writer.update(this.ctx.actor, 'sede_orari', row.id, values, entry);
        else this.store.writer.insert(this.ctx.actor, 'sede_orari', uuidv7(), values, entry);
      }
    });
    return this.orari().filter((o) => o.sedeId === sedeId);
  }

  savePatron({ comuneIstat, giorno, santo }: ParsedInputOf<'agenda.savePatron'>): PatronDay[] {
    const nome = this.comuni().get(comuneIstat);
    if (!nome) throw new AppError('VALIDATION', 'Il comune non è tra quelli della zona.', 'comuneIstat');
    const row = this.store.agenda.patroni().find((p) => p.comune_istat === comuneIstat);
    const entry = { log: 'admin' as const, action: 'agenda.savePatron', subjectType: 'comune', subjectId: comuneIstat, subjectLabel: nome };
    if (row) this.store.writer.update(this.ctx.actor, 'comuni_patroni', row.id, { giorno, santo }, entry);
    else this.store.writer.insert(this.ctx.actor, 'comuni_patroni', uuidv7(), { comune_istat: comuneIstat, giorno, santo }, entry);
    return this.patrons();
  }

  /** Each zone comune's patron day: the one set in the settings, else the known default. */
  patrons(comuni: Map<string, string> = this.comuni()): PatronDay[] {
    const stored = new Map(this.store.agenda.patroni().map((p) => [p.comune_istat, p]));
    return [...comuni].map(([istat, nome]) => {
      const own = stored.get(istat);
      const fallback = DEFAULT_PATRONS[istat];
      return { comuneIstat: istat, comuneNome: nome, giorno: own ? own.giorno : (fallback?.giorno ?? ''), santo: own ? own.santo : (fallback?.santo ?? '') };
    });
  }

  orari(): SedeHoursData[] {
    return this.store.agenda
      .orari()
      .map((o) => ({ sedeId: o.sede_id, giorno: o.giorno, mattinaDa: o.mattina_da, mattinaA: o.mattina_a, pomeriggioDa: o.pomeriggio_da, pomeriggioA: o.pomeriggio_a }));
  }

  private comuni(): Map<string, string> {
    return new Map(this.store.zone.get().comuni.map((c) => [c.istat, c.nome]));
  }
}
