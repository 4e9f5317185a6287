import type { SedeHoursData } from '../../../../shared/contracts/agenda';
import type { PatronDay } from '../../../../shared/domain/holidays';
import type { AppointmentListing, OperatorLink } from '../../db/repositories/agenda.repo';
import { personVisible } from '../cases/case-access';
import { hiddenPersons } from '../rights/hidden-persons';
import type { WorkContext } from '../work-context';
import { AgendaSettingsService } from './agenda-settings.service';
import { zoneSnapshot, type Names, type ZoneSnapshot } from './zone-snapshot';

/**
 * What the agenda looks up while it builds a listing or checks a booking: names of sedi, rooms,
 * comuni and users, each appointment's operators, and whether the user may see a person. The
 * zone's parts come from the store's snapshot (zone-snapshot.ts); what the user may see is asked
 * once per call and kept: the week view asks for the same few hundred times.
 */
export class AgendaLookups {
  private snapshotTaken: ZoneSnapshot | null = null;
  private readonly visible = new Map<string, boolean>();
  private hidden: ReadonlySet<string> | null = null;

  constructor(private readonly ctx: WorkContext) {}

  /** One snapshot for the whole call, even if a commit drops it meanwhile. */
  private get snapshot(): ZoneSnapshot {
    return (this.snapshotTaken ??= zoneSnapshot(this.ctx.store));
  }

  names(): Names {
    if (this.snapshot.names) return this.snapshot.names;
    const zone = this.ctx.store.zone.get();
    const names: Names = { sedi: new Map(), rooms: new Map(), comuni: new Map() };
    for (const s of zone.sedi) {
      names.sedi.set(s.id, { nome: s.nome, comuneIstat: s.comuneIstat });
      for (const r of s.rooms) names.rooms.set(r.id, { nome: r.nome, sedeId: s.id, attiva: r.attiva });
    }
    for (const c of zone.comuni) names.comuni.set(c.istat, c.nome);
    this.snapshot.names = names;
    return names;
  }

  patrons(): readonly PatronDay[] {
    return (this.snapshot.patrons ??= new AgendaSettingsService(this.ctx).patrons(this.names().comuni));
  }

  orari(): readonly SedeHoursData[] {
    return (this.snapshot.orari ??= new AgendaSettingsService(this.ctx).orari());
  }

  /** The comune an appointment takes place in: its own for outreach, else its sede's. */
  comuneOf(r: { sede_id: string | null; comune_istat: string | null }): string | null {
    return r.comune_istat ?? (r.sede_id ? (this.names().sedi.get(r.sede_id)?.comuneIstat ?? null) : null);
  }

  canSee(personId: string): boolean {
    let v = this.visible.get(personId);
    if (v === undefined) {
      v = personVisible(this.ctx, personId);
      this.visible.set(personId, v);
    }
    return v;
  }

  /**
   * Whether a listing (week, day, print, the convocazioni batch, one slot opened from them) may
   * name the person: one the user may see and, but for the coordinator, whose processing is not
   * restricted (art. 18). The slot stays, «riservato», so that no one books over it.
   */
  canList(personId: string): boolean {
    this.hidden ??= hiddenPersons(this.ctx);
    return !this.hidden.has(personId) && this.canSee(personId);
  }

  /** Operators from the ids read with each row: the week view needs no second query. */
  operatorsOfRows(rows: readonly AppointmentListing[]): Map<string, OperatorLink[]> {
    const names = (this.snapshot.userNames ??= this.ctx.store.agenda.userNames());
    const map = new Map<string, OperatorLink[]>();
    for (const r of rows) {
      if (!r.operator_ids) continue;
      const links = r.operator_ids
        .split(',')
        .map((userId) => ({ id: '', appointment_id: r.id, user_id: userId, inizio: r.inizio, attivo: 1 as const, full_name: names.get(userId) ?? '' }));
      map.set(
        r.id,
        links.sort((a, b) => (a.full_name < b.full_name ? -1 : a.full_name > b.full_name ? 1 : 0)),
      );
    }
    return map;
  }

  operatorsByAppointment(ids: readonly string[]): Map<string, OperatorLink[]> {
    const map = new Map<string, OperatorLink[]>();
    for (const o of this.ctx.store.agenda.operators(ids)) {
      const list = map.get(o.appointment_id);
      if (list) list.push(o);
      else map.set(o.appointment_id, [o]);
    }
    return map;
  }
}
