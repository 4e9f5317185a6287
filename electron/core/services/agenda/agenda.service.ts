import type { AppointmentInputData, ConflictData, OccurrenceData, SaveResultData, SedeHoursData } from '../../../../shared/contracts/agenda';
import { APPOINTMENT_TIPO_LABELS, type AppointmentStato, type AppointmentTipo } from '../../../../shared/domain/agenda';
import { findClashes, type Booking } from '../../../../shared/domain/conflicts';
import { addDays, formatItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { holidaysBetween, type Holiday, type PatronDay } from '../../../../shared/domain/holidays';
import { can, type Profile } from '../../../../shared/domain/permissions';
import { expand, isoWeekday, ruleProblem, wallDate, wallTime } from '../../../../shared/domain/recurrence';
import type { AppointmentRow, AppointmentView, OperatorLink, WindowFilter } from '../../db/repositories/agenda.repo';
import type { RowValues } from '../../db/schema';
import { uuidv7 } from '../../ids';
import { mustGetCase, personVisible } from '../cases/case-access';
import { nowIso, today, type WorkContext } from '../work-context';
import { AgendaSettingsService } from './agenda-settings.service';
import { appointmentColumns, copyOfAppointment } from './appointment-columns';

/** How far ahead a new or edited series is checked for double bookings. */
const SERIES_CHECK_DAYS = 366;

interface Names {
  sedi: Map<string, { nome: string; comuneIstat: string }>;
  rooms: Map<string, { nome: string; sedeId: string; attiva: boolean }>;
  comuni: Map<string, string>;
}

/** The agenda: appointments per operator, sede and room, recurring series, conflicts, holidays. */
export class AgendaService {
  private names: Names | null = null;
  private userNames: Map<string, string> | null = null;
  private readonly visible = new Map<string, boolean>();

  constructor(private readonly ctx: WorkContext) {}

  private get store() {
    return this.ctx.store;
  }

  // ---- reading ---------------------------------------------------------------------------

  list(input: { from: string; to: string } & WindowFilter, action = 'agenda.list') {
    const rows = this.store.agenda.window(input.from, input.to, input);
    const ops = this.operatorsOfRows(rows);
    const wanted = rows.filter((r) => this.matches(r, ops.get(r.id) ?? [], input));
    const festivi = holidaysBetween(input.from, input.to, this.patrons());
    const occurrences = this.toOccurrences(wanted, ops, input.from, input.to, festivi);
    this.markConflicts(occurrences);
    this.auditPersons(occurrences, action, 'batched', `Agenda dal ${formatItalianDate(input.from)} al ${formatItalianDate(addDays(input.to, -1))}`);
    return { occurrences, festivi, orari: this.orari() };
  }

  get(id: string, occurrenceDate: string | null): OccurrenceData {
    const row = this.mustGet(id);
    const ops = this.operatorsByAppointment([id]);
    const from = occurrenceDate ?? wallDate(row.inizio);
    const occ = this.toOccurrences([row], ops, from, addDays(from, 1), holidaysBetween(from, addDays(from, 1), this.patrons()))[0];
    if (!occ) throw new AppError('NOT_FOUND', 'Appuntamento non trovato in quella data.');
    this.auditPersons([occ], 'agenda.get', 'now', `Appuntamento del ${formatItalianDate(from)}`);
    return occ;
  }

  forCase(caseId: string) {
    const row = mustGetCase(this.ctx, caseId);
    const rows = this.store.agenda.forCase(caseId);
    const ops = this.operatorsByAppointment(rows.map((r) => r.id));
    const from = addDays(today(this.ctx), -SERIES_CHECK_DAYS);
    const to = addDays(today(this.ctx), SERIES_CHECK_DAYS);
    const singles = rows.filter((r) => !r.rrule);
    const occurrences = [
      ...this.toOccurrences(singles, ops, '1900-01-01', '9999-12-31', []),
      ...this.toOccurrences(rows.filter((r) => r.rrule), ops, from, to, []),
    ].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    this.store.writer.record(this.ctx.actor, { log: 'data', action: 'agenda.forCase', subjectType: 'persona', subjectId: row.person_id, subjectLabel: row.numero });
    return { occurrences, assenze: this.store.agenda.countAssenze(caseId) };
  }

  print(data: string, userId: string | null, sedeId: string | null) {
    if (!userId && !sedeId) throw new AppError('VALIDATION', 'Scegli l’operatore o la sede di cui stampare l’agenda.');
    let titolo: string;
    if (userId) {
      const user = this.store.users.byId(userId);
      if (!user) throw new AppError('NOT_FOUND', 'Operatore non trovato.');
      titolo = `Agenda di ${user.fullName}`;
    } else {
      const sede = this.nameMaps().sedi.get(sedeId as string);
      if (!sede) throw new AppError('NOT_FOUND', 'Sede non trovata.');
      titolo = `Agenda della sede di ${sede.nome}`;
    }
    const listed = this.list({ from: data, to: addDays(data, 1), userIds: userId ? [userId] : [], sedeId: userId ? null : sedeId, roomId: null }, 'agenda.print');
    this.store.writer.record(this.ctx.actor, { log: 'data', action: 'agenda.print', subjectType: 'agenda', subjectLabel: titolo, detail: `${formatItalianDate(data)}: ${listed.occurrences.length} appuntamenti` });
    return { titolo, data, occurrences: listed.occurrences, festivi: listed.festivi };
  }

  staff() {
    return this.store.agenda
      .activeUsers()
      .filter((u) => can(u.profile as Profile, 'agenda.read'))
      .map((u) => ({ id: u.id, fullName: u.full_name, sedeId: u.sede_id }));
  }

  // ---- writing ---------------------------------------------------------------------------

  check(input: AppointmentInputData): SaveResultData {
    const existing = input.id ? this.mustGet(input.id) : null;
    this.validate(input, existing);
    return { saved: false, appointmentId: existing?.id ?? null, ...this.assess(input, existing) };
  }

  save(input: AppointmentInputData): SaveResultData {
    const existing = input.id ? this.mustGet(input.id) : null;
    this.validate(input, existing);
    const found = this.assess(input, existing);
    if (found.conflicts.length > 0 && !input.confermaConflitti) return { saved: false, appointmentId: existing?.id ?? null, ...found };
    const confirmed = found.conflicts.length > 0 ? 1 : 0;
    const values = appointmentColumns(input, confirmed);
    const entry = this.entry(input.personId, 'agenda.save', found.conflicts.length > 0 ? `Salvato nonostante ${found.conflicts.length} sovrapposizioni` : null);
    let id: string;
    this.store.writer.transaction(() => {
      if (!existing) {
        id = uuidv7();
        this.store.writer.insert(this.ctx.actor, 'appointments', id, { ...values, created_by: this.ctx.userId, created_at: nowIso(this.ctx) }, { ...entry, action: 'agenda.create' });
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

  setStatus(id: string, occurrenceDate: string | null, stato: AppointmentStato, motivo: string): OccurrenceData {
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
    return this.get(target, row.rrule && !occurrenceDate ? wallDate(row.inizio) : null);
  }

  // ---- internals -------------------------------------------------------------------------

  private mustGet(id: string): AppointmentView {
    const row = this.store.agenda.byId(id);
    if (!row) throw new AppError('NOT_FOUND', 'Appuntamento non trovato: potrebbe essere stato modificato da un collega.');
    return row;
  }

  private nameMaps(): Names {
    if (this.names) return this.names;
    const zone = this.store.zone.get();
    const names: Names = { sedi: new Map(), rooms: new Map(), comuni: new Map() };
    for (const s of zone.sedi) {
      names.sedi.set(s.id, { nome: s.nome, comuneIstat: s.comuneIstat });
      for (const r of s.rooms) names.rooms.set(r.id, { nome: r.nome, sedeId: s.id, attiva: r.attiva });
    }
    for (const c of zone.comuni) names.comuni.set(c.istat, c.nome);
    this.names = names;
    return names;
  }

  private patrons(): PatronDay[] {
    return new AgendaSettingsService(this.ctx).patrons(this.nameMaps().comuni);
  }

  private orari(): SedeHoursData[] {
    return new AgendaSettingsService(this.ctx).orari();
  }

  /** Operators from the ids read with each row: the week view needs no second query. */
  private operatorsOfRows(rows: readonly AppointmentView[]): Map<string, OperatorLink[]> {
    this.userNames ??= this.store.agenda.userNames();
    const names = this.userNames;
    const map = new Map<string, OperatorLink[]>();
    for (const r of rows) {
      if (!r.operator_ids) continue;
      const links = r.operator_ids.split(',').map((userId) => ({ id: '', appointment_id: r.id, user_id: userId, inizio: r.inizio, attivo: 1 as const, full_name: names.get(userId) ?? '' }));
      map.set(r.id, links.sort((a, b) => (a.full_name < b.full_name ? -1 : a.full_name > b.full_name ? 1 : 0)));
    }
    return map;
  }

  private operatorsByAppointment(ids: readonly string[]): Map<string, OperatorLink[]> {
    const map = new Map<string, OperatorLink[]>();
    for (const o of this.store.agenda.operators(ids)) {
      const list = map.get(o.appointment_id);
      if (list) list.push(o);
      else map.set(o.appointment_id, [o]);
    }
    return map;
  }

  private matches(r: AppointmentRow, ops: OperatorLink[], f: WindowFilter): boolean {
    if (f.roomId && r.room_id !== f.roomId) return false;
    if (f.sedeId && r.sede_id !== f.sedeId) return false;
    if (f.userIds.length > 0 && !ops.some((o) => f.userIds.includes(o.user_id))) return false;
    return true;
  }

  /** The comune an appointment takes place in: its own for outreach, else its sede's. */
  private comuneOf(r: { sede_id: string | null; comune_istat: string | null }): string | null {
    return r.comune_istat ?? (r.sede_id ? (this.nameMaps().sedi.get(r.sede_id)?.comuneIstat ?? null) : null);
  }

  private canSee(personId: string): boolean {
    let v = this.visible.get(personId);
    if (v === undefined) {
      v = personVisible(this.ctx, personId);
      this.visible.set(personId, v);
    }
    return v;
  }

  private toOccurrences(rows: AppointmentView[], ops: Map<string, OperatorLink[]>, from: string, to: string, festivi: Holiday[]): OccurrenceData[] {
    const names = this.nameMaps();
    const out: OccurrenceData[] = [];
    const holidayOn = (date: string, comune: string | null) => festivi.find((h) => h.date === date && (h.kind === 'nazionale' || h.comuneIstat === comune))?.name ?? null;
    for (const r of rows) {
      const shown = r.person_id === null || this.canSee(r.person_id);
      const personName = r.person_id && shown ? `${r.person_cognome ?? ''} ${r.person_nome ?? ''}`.trim() : null;
      const tipoLabel = APPOINTMENT_TIPO_LABELS[r.tipo as AppointmentTipo];
      const comune = this.comuneOf(r);
      const occurrence = (key: string, occurrenceDate: string | null, start: string, end: string, festivo: string | null): OccurrenceData => ({
        key,
        occurrenceDate,
        start,
        end,
        festivo,
        appointmentId: r.id,
        seriesId: r.series_id,
        rrule: r.rrule,
        tipo: r.tipo as AppointmentTipo,
        title: personName ? `${tipoLabel}: ${personName}` : r.person_id ? `${tipoLabel} (riservato)` : tipoLabel,
        sedeId: r.sede_id,
        sedeNome: r.sede_id ? (names.sedi.get(r.sede_id)?.nome ?? null) : null,
        roomId: r.room_id,
        roomNome: r.room_id ? (names.rooms.get(r.room_id)?.nome ?? null) : null,
        comuneIstat: r.comune_istat,
        comuneNome: r.comune_istat ? (names.comuni.get(r.comune_istat) ?? null) : null,
        indirizzo: shown ? r.indirizzo : '',
        operators: (ops.get(r.id) ?? []).map((o) => ({ id: o.user_id, fullName: o.full_name })),
        personId: shown ? r.person_id : null,
        personName,
        caseId: shown ? r.case_id : null,
        caseNumero: shown ? r.case_numero : null,
        riservato: !shown,
        stato: r.stato,
        motivo: r.motivo,
        note: shown ? r.note : '',
        conflittoConfermato: r.conflitto_confermato === 1,
        inConflitto: false,
      });
      // A single appointment is the common case: one object, no spread (the week view builds hundreds).
      if (!r.rrule) {
        const date = wallDate(r.inizio);
        if (date >= from && date < to) out.push(occurrence(r.id, r.original_date, r.inizio, r.fine, holidayOn(date, comune)));
        continue;
      }
      for (const o of expand({ start: r.inizio, end: r.fine, rule: r.rrule, exdates: JSON.parse(r.exdates) as string[] }, from, to)) {
        out.push(occurrence(`${r.id}:${o.date}`, o.date, o.start, o.end, holidayOn(o.date, comune)));
      }
    }
    // Plain code-unit comparison: wall times sort as strings, and localeCompare is ten times slower.
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Flags overlapping bookings of one operator or room within the listing (sorted by start). */
  private markConflicts(occurrences: OccurrenceData[]): void {
    for (let i = 0; i < occurrences.length; i++) {
      const a = occurrences[i] as OccurrenceData;
      if (a.stato === 'annullato') continue;
      for (let j = i + 1; j < occurrences.length && (occurrences[j] as OccurrenceData).start < a.end; j++) {
        const b = occurrences[j] as OccurrenceData;
        if (b.stato === 'annullato' || b.appointmentId === a.appointmentId) continue;
        const shared = (a.roomId !== null && a.roomId === b.roomId) || a.operators.some((op) => b.operators.some((x) => x.id === op.id));
        if (shared) {
          a.inConflitto = true;
          b.inConflitto = true;
        }
      }
    }
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
      for (const [id, label] of seen) this.store.writer.recordBatched(this.ctx.actor, { log: 'data', action, subjectType: 'persona', subjectId: id, subjectLabel: label, detail });
      return;
    }
    this.store.writer.transaction(() => {
      for (const [id, label] of seen) this.store.writer.record(this.ctx.actor, { log: 'data', action, subjectType: 'persona', subjectId: id, subjectLabel: label, detail });
    });
  }

  private validate(input: AppointmentInputData, existing: AppointmentView | null): void {
    const names = this.nameMaps();
    if (input.sedeId && !names.sedi.has(input.sedeId)) throw new AppError('VALIDATION', 'Sede non trovata.', 'sedeId');
    if (input.roomId) {
      const room = names.rooms.get(input.roomId);
      if (!room) throw new AppError('VALIDATION', 'Stanza non trovata.', 'roomId');
      if (room.sedeId !== input.sedeId) {
        throw new AppError('VALIDATION', `La stanza «${room.nome}» è della sede di ${names.sedi.get(room.sedeId)?.nome ?? '?'}, non di quella scelta.`, 'roomId');
      }
      if (!room.attiva && existing?.room_id !== input.roomId) throw new AppError('VALIDATION', `La stanza «${room.nome}» non è disponibile.`, 'roomId');
    }
    if (input.comuneIstat && !names.comuni.has(input.comuneIstat)) throw new AppError('VALIDATION', 'Il comune non è tra quelli della zona.', 'comuneIstat');
    const staff = new Set(this.store.agenda.activeUsers().map((u) => u.id));
    for (const op of input.operatorIds) if (!staff.has(op)) throw new AppError('VALIDATION', 'Un operatore indicato non esiste o è disattivato.', 'operatorIds');
    if (input.rrule) {
      const problem = ruleProblem(input.rrule);
      if (problem) throw new AppError('VALIDATION', problem, 'rrule');
    }
    if (input.personId) {
      if (!this.store.persons.byId(input.personId)) throw new AppError('VALIDATION', 'Persona non trovata.', 'personId');
    }
    if (input.caseId) {
      const c = this.store.cases.byId(input.caseId);
      if (!c) throw new AppError('VALIDATION', 'Cartella non trovata.', 'caseId');
      if (input.personId && c.person_id !== input.personId) throw new AppError('VALIDATION', `La cartella ${c.numero} è di un’altra persona.`, 'caseId');
    }
    if (existing && input.scope === 'occorrenza' && !existing.rrule) throw new AppError('VALIDATION', 'Questo appuntamento non si ripete.', 'scope');
  }

  /** Double bookings, holidays and closed hours the appointment would meet. */
  private assess(input: AppointmentInputData, existing: AppointmentView | null): { conflicts: ConflictData[]; festivi: Holiday[]; fuoriOrario: boolean } {
    const rule = existing?.rrule && input.scope === 'occorrenza' ? '' : input.rrule;
    const firstDate = wallDate(input.start);
    const candidates = rule ? expand({ start: input.start, end: input.end, rule, exdates: existing ? (JSON.parse(existing.exdates) as string[]) : [] }, firstDate, addDays(firstDate, SERIES_CHECK_DAYS)) : [{ date: firstDate, start: input.start, end: input.end }];
    if (candidates.length === 0) return { conflicts: [], festivi: [], fuoriOrario: false };
    const from = candidates[0]!.date;
    const to = addDays(candidates.at(-1)!.date, 1);
    const selfId = existing?.id ?? 'nuovo';
    // Operators and the room are looked for across both sedi: the filter is the people and the room, not the sede.
    const rows = new Map<string, AppointmentView>();
    for (const r of this.store.agenda.window(from, to, { userIds: input.operatorIds, sedeId: null, roomId: null })) rows.set(r.id, r);
    if (input.roomId) for (const r of this.store.agenda.window(from, to, { userIds: [], sedeId: null, roomId: input.roomId })) rows.set(r.id, r);
    const all = [...rows.values()];
    const ops = this.operatorsByAppointment(all.map((r) => r.id));
    const existingBookings: Booking[] = [];
    for (const r of all) {
      if (r.id === selfId) continue;
      const operatorIds = (ops.get(r.id) ?? []).map((o) => o.user_id);
      const base = { appointmentId: r.id, operatorIds, roomId: r.room_id, stato: r.stato };
      if (!r.rrule) existingBookings.push({ ...base, key: r.id, start: r.inizio, end: r.fine });
      else {
        for (const o of expand({ start: r.inizio, end: r.fine, rule: r.rrule, exdates: JSON.parse(r.exdates) as string[] }, from, to)) {
          // Editing one occurrence of a series: the series' own slot that day is the one being moved.
          if (existing && r.id === existing.id) continue;
          existingBookings.push({ ...base, key: `${r.id}:${o.date}`, start: o.start, end: o.end });
        }
      }
    }
    const clashes = findClashes(
      candidates.map((c) => ({ key: c.date, appointmentId: selfId, start: c.start, end: c.end, operatorIds: input.operatorIds, roomId: input.roomId })),
      existingBookings,
    );
    const names = this.nameMaps();
    const userNames = new Map(this.store.agenda.activeUsers().map((u) => [u.id, u.full_name]));
    const conflicts: ConflictData[] = clashes.map((c) => {
      const other = rows.get(c.with.appointmentId) as AppointmentView;
      const where = other.sede_id ? `${names.sedi.get(other.sede_id)?.nome ?? ''}${other.room_id ? `, ${names.rooms.get(other.room_id)?.nome ?? ''}` : ''}` : (names.comuni.get(other.comune_istat ?? '') ?? '');
      const when = `${formatItalianDate(wallDate(c.with.start))} ${wallTime(c.with.start)}-${wallTime(c.with.end)}`;
      const what = `${APPOINTMENT_TIPO_LABELS[other.tipo as AppointmentTipo]} del ${when} (${where})`;
      const message =
        c.kind === 'operatore' ? `${userNames.get(c.who) ?? 'Un operatore'} è già impegnato/a: ${what}.` : `La stanza «${names.rooms.get(c.who)?.nome ?? ''}» è già occupata: ${what}.`;
      return { kind: c.kind, message, appointmentId: other.id, start: c.with.start, end: c.with.end };
    });
    const comune = this.comuneOf({ sede_id: input.sedeId, comune_istat: input.comuneIstat });
    const dates = new Set(candidates.map((c) => c.date));
    const festivi = holidaysBetween(from, to, this.patrons()).filter((h) => dates.has(h.date) && (h.kind === 'nazionale' || h.comuneIstat === comune));
    return { conflicts, festivi, fuoriOrario: this.outsideHours(input.sedeId, candidates) };
  }

  private outsideHours(sedeId: string | null, occ: { date: string; start: string; end: string }[]): boolean {
    if (!sedeId) return false;
    const hours = new Map(this.store.agenda.orari().filter((o) => o.sede_id === sedeId).map((o) => [o.giorno, o]));
    if (hours.size === 0) return false;
    return occ.some((o) => {
      const h = hours.get(isoWeekday(o.date));
      if (!h) return true;
      const s = wallTime(o.start);
      const e = wallTime(o.end);
      const within = (da: string, a: string) => da !== '' && s >= da && e <= a;
      return !within(h.mattina_da, h.mattina_a) && !within(h.pomeriggio_da, h.pomeriggio_a);
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
    this.store.writer.update(this.ctx.actor, 'appointments', series.id, { exdates: JSON.stringify([...exdates].sort()) }, { ...entry, detail: `Eccezione del ${formatItalianDate(date)}` });
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
      if (!current.some((l) => l.user_id === u)) this.store.writer.insert(this.ctx.actor, 'appointment_operators', uuidv7(), { appointment_id: appointmentId, user_id: u, inizio: start, attivo: 1 }, entry);
    }
  }

  private personLabel(r: AppointmentView): string {
    return `${r.person_cognome ?? ''} ${r.person_nome ?? ''}`.trim();
  }

  private entry(personId: string | null, action: string, detail: string | null) {
    return personId
      ? { log: 'data' as const, action, subjectType: 'persona', subjectId: personId, detail }
      : { log: 'data' as const, action, subjectType: 'appuntamento', detail };
  }
}
