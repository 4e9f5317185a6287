import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import type { OccurrenceData, SaveResultData } from '../../../../shared/contracts/agenda';
import { addDays, formatItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { holidaysBetween } from '../../../../shared/domain/holidays';
import { can } from '../../../../shared/domain/permissions';
import { expand, wallDate } from '../../../../shared/domain/recurrence';
import type { AppointmentRow, AppointmentView } from '../../db/repositories/agenda.repo';
import type { RowValues } from '../../db/schema';
import { uuidv7 } from '../../ids';
import { mustGetCase } from '../cases/case-access';
import { nowIso, today, type WorkContext } from '../work-context';
import { AgendaLookups } from './agenda-lookups';
import { appointmentColumns, copyOfAppointment } from './appointment-columns';
import { SERIES_CHECK_DAYS, assessAppointment, validateAppointment } from './booking-checks';
import { markConflicts, toOccurrences } from './occurrences';

/** The agenda: appointments per operator, sede and room, recurring series, conflicts, holidays. */
export class AgendaService {
  private readonly lookups: AgendaLookups;

  constructor(private readonly ctx: WorkContext) {
    this.lookups = new AgendaLookups(ctx);
  }

  private get store() {
    return this.ctx.store;
  }

  // ---- reading ---------------------------------------------------------------------------

  list(input: ParsedInputOf<'agenda.list'>, action = 'agenda.list'): OutputOf<'agenda.list'> {
    const rows = this.store.agenda.window(input.from, input.to, input);
    const ops = this.lookups.operatorsOfRows(rows);
    const wanted = rows.filter((r) => {
      if (input.roomId && r.room_id !== input.roomId) return false;
      if (input.sedeId && r.sede_id !== input.sedeId) return false;
      return input.userIds.length === 0 || (ops.get(r.id) ?? []).some((o) => input.userIds.includes(o.user_id));
    });
    const festivi = holidaysBetween(input.from, input.to, this.lookups.patrons());
    const occurrences = toOccurrences(this.lookups, wanted, ops, input.from, input.to, festivi);
    markConflicts(occurrences);
    this.auditPersons(occurrences, action, 'batched', `Agenda dal ${formatItalianDate(input.from)} al ${formatItalianDate(addDays(input.to, -1))}`);
    return { occurrences, festivi, orari: [...this.lookups.orari()] };
  }

  get({ id, occurrenceDate }: ParsedInputOf<'agenda.get'>): OccurrenceData {
    const row = this.mustGet(id);
    const ops = this.lookups.operatorsByAppointment([id]);
    const from = occurrenceDate ?? wallDate(row.inizio);
    const occ = toOccurrences(this.lookups, [row], ops, from, addDays(from, 1), holidaysBetween(from, addDays(from, 1), this.lookups.patrons()))[0];
    if (!occ) throw new AppError('NOT_FOUND', 'Appuntamento non trovato in quella data.');
    this.auditPersons([occ], 'agenda.get', 'now', `Appuntamento del ${formatItalianDate(from)}`);
    return occ;
  }

  forCase({ caseId }: ParsedInputOf<'agenda.forCase'>): OutputOf<'agenda.forCase'> {
    const row = mustGetCase(this.ctx, caseId);
    const rows = this.store.agenda.forCase(caseId);
    const ops = this.lookups.operatorsByAppointment(rows.map((r) => r.id));
    const from = addDays(today(this.ctx), -SERIES_CHECK_DAYS);
    const to = addDays(today(this.ctx), SERIES_CHECK_DAYS);
    const singles = rows.filter((r) => !r.rrule);
    const occurrences = [
      ...toOccurrences(this.lookups, singles, ops, '1900-01-01', '9999-12-31', [], true),
      ...toOccurrences(
        this.lookups,
        rows.filter((r) => r.rrule),
        ops,
        from,
        to,
        [],
        true,
      ),
    ].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    this.store.writer.record(this.ctx.actor, { log: 'data', action: 'agenda.forCase', subjectType: 'persona', subjectId: row.person_id, subjectLabel: row.numero });
    return { occurrences, assenze: this.store.agenda.countAssenze(caseId) };
  }

  print({ data, userId, sedeId }: ParsedInputOf<'agenda.print'>): OutputOf<'agenda.print'> {
    if (!userId && !sedeId) throw new AppError('VALIDATION', 'Scegli l’operatore o la sede di cui stampare l’agenda.');
    let titolo: string;
    if (userId) {
      const user = this.store.users.byId(userId);
      if (!user) throw new AppError('NOT_FOUND', 'Operatore non trovato.');
      titolo = `Agenda di ${user.fullName}`;
    } else {
      const sede = this.lookups.names().sedi.get(sedeId as string);
      if (!sede) throw new AppError('NOT_FOUND', 'Sede non trovata.');
      titolo = `Agenda della sede di ${sede.nome}`;
    }
    const listed = this.list({ from: data, to: addDays(data, 1), userIds: userId ? [userId] : [], sedeId: userId ? null : sedeId, roomId: null }, 'agenda.print');
    this.store.writer.record(this.ctx.actor, {
      log: 'data',
      action: 'agenda.print',
      subjectType: 'agenda',
      subjectLabel: titolo,
      detail: `${formatItalianDate(data)}: ${listed.occurrences.length} appuntamenti`,
    });
    return { titolo, data, occurrences: listed.occurrences, festivi: listed.festivi };
  }

  staff(): OutputOf<'agenda.staff'> {
    return this.store.agenda
      .activeUsers()
      .filter((u) => can(u.profile, 'agenda.read'))
      .map((u) => ({ id: u.id, fullName: u.full_name, sedeId: u.sede_id }));
  }

  // ---- writing ---------------------------------------------------------------------------

  check(input: ParsedInputOf<'agenda.check'>): SaveResultData {
    const existing = input.id ? this.mustGet(input.id) : null;
    validateAppointment(this.ctx, this.lookups, input, existing);
    return { saved: false, appointmentId: existing?.id ?? null, ...assessAppointment(this.ctx, this.lookups, input, existing) };
  }

  save(input: ParsedInputOf<'agenda.save'>): SaveResultData {
    const existing = input.id ? this.mustGet(input.id) : null;
    validateAppointment(this.ctx, this.lookups, input, existing);
    const found = assessAppointment(this.ctx, this.lookups, input, existing);
    if (found.conflicts.length > 0 && !input.confermaConflitti) return { saved: false, appointmentId: existing?.id ?? null, ...found };
    const confirmed = found.conflicts.length > 0 ? 1 : 0;
    const values = appointmentColumns(input, confirmed);
    const entry = this.entry(input.personId, 'agenda.save', found.conflicts.length > 0 ? `Salvato nonostante ${found.conflicts.length} sovrapposizioni` : null);
    let id: string;
    this.store.writer.transaction(() => {
      if (!existing) {
        id = uuidv7();
        this.store.writer.insert(
          this.ctx.actor,
          'appointments',
          id,
          { ...values, created_by: this.ctx.userId, created_at: nowIso(this.ctx) },
          { ...entry, action: 'agenda.create' },
        );
      } else if (existing.rrule && input.scope === 'occorrenza') {
        const date = this.occurrenceDateOf(existing, input.occurrenceDate);
        id = this.detachOccurrence(existing, date, { ...values, rrule: '', series_until: null, exdates: '[]' }, entry);
      } else {
        id = existing.id;
        this.store.writer.update(this.ctx.actor, 'appointments', id, values, entry);
      }
      this.syncOperators(id, input.operatorIds, input.start);
    });
    return { saved: true, appointmentId: id!, ...found };
  }

  setStatus({ id, occurrenceDate, stato, motivo }: ParsedInputOf<'agenda.setStatus'>): OccurrenceData {
    const row = this.mustGet(id);
    const date = row.rrule ? this.occurrenceDateOf(row, occurrenceDate) : wallDate(row.inizio);
    if ((stato === 'svolto' || stato === 'assente') && date > today(this.ctx)) {
      throw new AppError('VALIDATION', 'Un appuntamento futuro non può essere segnato come svolto o assente.', 'stato');
    }
    const entry = this.entry(row.person_id, 'agenda.setStatus', `${stato}${motivo ? `: ${motivo}` : ''}`);
    let target = id;
    this.store.writer.transaction(() => {
      if (row.rrule && occurrenceDate) {
        const occ = expand({ start: row.inizio, end: row.fine, rule: row.rrule }, date, addDays(date, 1))[0] as { start: string; end: string };
        const values = { ...copyOfAppointment(row), inizio: occ.start, fine: occ.end, stato, motivo };
        target = this.detachOccurrence(row, date, values, entry);
        const ops = this.store.agenda.operators([row.id]).map((o) => o.user_id);
        this.syncOperators(target, ops, occ.start);
      } else {
        this.store.writer.update(this.ctx.actor, 'appointments', id, { stato, motivo }, entry);
      }
    });
    return this.get({ id: target, occurrenceDate: row.rrule && !occurrenceDate ? wallDate(row.inizio) : null });
  }

  // ---- internals -------------------------------------------------------------------------

  private mustGet(id: string): AppointmentView {
    const row = this.store.agenda.byId(id);
    if (!row) throw new AppError('NOT_FOUND', 'Appuntamento non trovato: potrebbe essere stato modificato da un collega.');
    return row;
  }

  /**
   * One audit row per person whose appointment was shown (Garante: reads of personal data). A
   * week or a day is a list view: its rows go in the writer's batch, written within a second.
   */
  private auditPersons(occurrences: OccurrenceData[], action: string, when: 'now' | 'batched', detail: string): void {
    const seen = new Map<string, string>();
    for (const o of occurrences) if (o.personId && !seen.has(o.personId)) seen.set(o.personId, o.personName ?? '');
    if (seen.size === 0) return;
    if (when === 'batched') {
      this.store.writer.recordBatchedMany(
        this.ctx.actor,
        Array.from(seen, ([id, label]) => ({ log: 'data' as const, action, subjectType: 'persona', subjectId: id, subjectLabel: label, detail })),
      );
      return;
    }
    this.store.writer.transaction(() => {
      for (const [id, label] of seen) this.store.writer.record(this.ctx.actor, { log: 'data', action, subjectType: 'persona', subjectId: id, subjectLabel: label, detail });
    });
  }

  private occurrenceDateOf(series: AppointmentRow, date: string | null): string {
    if (!date) throw new AppError('VALIDATION', 'Indica quale occorrenza della serie.', 'occurrenceDate');
    const hit = expand({ start: series.inizio, end: series.fine, rule: series.rrule, exdates: JSON.parse(series.exdates) as string[] }, date, addDays(date, 1));
    if (hit.length === 0) throw new AppError('VALIDATION', `La serie non ha un appuntamento il ${formatItalianDate(date)}.`, 'occurrenceDate');
    return date;
  }

  /** One occurrence leaves its series: an exception date on the series, its own row. */
  private detachOccurrence(series: AppointmentRow, date: string, values: RowValues<'appointments'>, entry: ReturnType<AgendaService['entry']>): string {
    const exdates = new Set(JSON.parse(series.exdates) as string[]);
    exdates.add(date);
    this.store.writer.update(
      this.ctx.actor,
      'appointments',
      series.id,
      { exdates: JSON.stringify([...exdates].sort()) },
      { ...entry, detail: `Eccezione del ${formatItalianDate(date)}` },
    );
    const id = uuidv7();
    this.store.writer.insert(
      this.ctx.actor,
      'appointments',
      id,
      { ...values, series_id: series.id, original_date: date, created_by: this.ctx.userId, created_at: nowIso(this.ctx) },
      entry,
    );
    return id;
  }

  private syncOperators(appointmentId: string, userIds: readonly string[], start: string): void {
    const current = this.store.agenda.operators([appointmentId], true);
    const entry = { log: 'data' as const, action: 'agenda.operators', subjectType: 'appuntamento', subjectId: appointmentId };
    for (const link of current) {
      const attivo = userIds.includes(link.user_id) ? 1 : 0;
      if (link.attivo !== attivo || link.inizio !== start) this.store.writer.update(this.ctx.actor, 'appointment_operators', link.id, { attivo, inizio: start }, entry);
    }
    for (const u of userIds) {
      if (!current.some((l) => l.user_id === u))
        this.store.writer.insert(this.ctx.actor, 'appointment_operators', uuidv7(), { appointment_id: appointmentId, user_id: u, inizio: start, attivo: 1 }, entry);
    }
  }

  private entry(personId: string | null, action: string, detail: string | null) {
    return personId ? { log: 'data' as const, action, subjectType: 'persona', subjectId: personId, detail } : { log: 'data' as const, action, subjectType: 'appuntamento', detail };
  }
}
