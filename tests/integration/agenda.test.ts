import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import type { InputOf } from '../../shared/contracts';
import { addDays } from '../../shared/domain/dates';
import { isoWeekday } from '../../shared/domain/recurrence';
import type { Profile } from '../../shared/domain/permissions';
import { ADMIN, call, callError, inspectDatabase, setUpZone } from '../support/core-harness';
import { TODAY, personWithCf, sedeId, staff } from '../support/cartella-fixtures';

let core: Core;
let dataDir: string;
let admin: Connection;
let s: Record<Profile, { id: string; conn: Connection; username: string }>;
let personId: string;
let caseId: string;
let amelia: string;
let narni: string;
let ameliaRoom: string;
let narniRoom: string;

/** A weekday in the future, far from today so the tests never depend on the day they run. */
const DAY = (() => {
  let d = addDays(TODAY, 14);
  while (isoWeekday(d) !== 3) d = addDays(d, 1);
  return d;
})();

function colloquio(overrides: Partial<InputOf<'agenda.save'>> = {}): InputOf<'agenda.save'> {
  return {
    tipo: 'colloquio',
    sedeId: amelia,
    roomId: ameliaRoom,
    comuneIstat: null,
    indirizzo: '',
    operatorIds: [s.assistente_sociale.id],
    personId,
    caseId,
    start: `${DAY}T10:00`,
    end: `${DAY}T11:00`,
    rrule: '',
    note: 'Portare ISEE aggiornato',
    ...overrides,
  };
}

beforeAll(async () => {
  const zone = await setUpZone();
  core = zone.core;
  admin = zone.admin;
  dataDir = zone.dataDir;
  s = await staff(core, zone.admin);
  const p = await call(s.amministrativo.conn, 'persons.create', personWithCf({ cognome: 'Sciarra', nome: 'Luigi', residenzaComuneIstat: '055014' }));
  personId = p.person.id;
  amelia = await sedeId(admin, 'Amelia');
  narni = await sedeId(admin, 'Narni');
  const zoneData = await call(admin, 'zone.get', {});
  ameliaRoom = zoneData.sedi.find((x) => x.id === amelia)!.rooms[0]!.id;
  narniRoom = zoneData.sedi.find((x) => x.id === narni)!.rooms[0]!.id;
  caseId = (await call(s.assistente_sociale.conn, 'cases.open', { personId, sedeId: amelia, area: 'famiglia_minori', problematiche: ['genitorialita'], apertaIl: TODAY })).caseId;
});

describe('agenda', () => {
  it('schedules a colloquio at Amelia and shows it in the sede, operator and room views', async () => {
    const saved = await call(s.amministrativo.conn, 'agenda.save', colloquio());
    expect(saved).toMatchObject({ saved: true, conflicts: [] });
    const week = { from: DAY, to: addDays(DAY, 1) };
    const bySede = await call(s.assistente_sociale.conn, 'agenda.list', { ...week, sedeId: amelia });
    expect(bySede.occurrences).toHaveLength(1);
    expect(bySede.occurrences[0]).toMatchObject({ title: 'Colloquio: Sciarra Luigi', sedeNome: 'Amelia', start: `${DAY}T10:00`, stato: 'programmato', riservato: false });
    expect((await call(s.assistente_sociale.conn, 'agenda.list', { ...week, userIds: [s.assistente_sociale.id] })).occurrences).toHaveLength(1);
    expect((await call(s.assistente_sociale.conn, 'agenda.list', { ...week, roomId: ameliaRoom })).occurrences).toHaveLength(1);
    expect((await call(s.assistente_sociale.conn, 'agenda.list', { ...week, sedeId: narni })).occurrences).toHaveLength(0);
  });

  it('a second booking of the same room, or of the operator in the other sede, is shown and needs confirmation', async () => {
    const room = await call(
      s.amministrativo.conn,
      'agenda.save',
      colloquio({ operatorIds: [s.educatore.id], personId: null, caseId: null, start: `${DAY}T10:30`, end: `${DAY}T11:30` }),
    );
    expect(room.saved).toBe(false);
    expect(room.conflicts.map((c) => c.message)).toEqual([
      expect.stringMatching(/^La stanza «Sala colloqui» è già occupata: Colloquio del .* 10:00-11:00 \(Amelia, Sala colloqui\)\.$/),
    ]);
    const op = await call(s.amministrativo.conn, 'agenda.check', colloquio({ sedeId: narni, roomId: narniRoom, personId: null, caseId: null }));
    expect(op.conflicts.map((c) => c.kind)).toEqual(['operatore']);
    expect(op.conflicts[0]!.message).toContain('Utente assistente_sociale è già impegnato/a');
    // Back to back is fine.
    expect((await call(s.amministrativo.conn, 'agenda.check', colloquio({ start: `${DAY}T11:00`, end: `${DAY}T12:00` }))).conflicts).toEqual([]);
    const forced = await call(
      s.amministrativo.conn,
      'agenda.save',
      colloquio({ operatorIds: [s.educatore.id], personId: null, caseId: null, start: `${DAY}T10:30`, end: `${DAY}T11:30`, confermaConflitti: true }),
    );
    expect(forced.saved).toBe(true);
    const list = await call(s.amministrativo.conn, 'agenda.list', { from: DAY, to: addDays(DAY, 1), sedeId: amelia });
    expect(list.occurrences.map((o) => [o.start.slice(11), o.inConflitto, o.conflittoConfermato])).toEqual([
      ['10:00', true, false],
      ['10:30', true, true],
    ]);
  });

  it('a weekly équipe meeting appears every Tuesday; one occurrence can move alone', async () => {
    let tuesday = addDays(TODAY, 1);
    while (isoWeekday(tuesday) !== 2) tuesday = addDays(tuesday, 1);
    const saved = await call(s.assistente_sociale.conn, 'agenda.save', {
      ...colloquio(),
      tipo: 'riunione_equipe',
      sedeId: narni,
      roomId: null,
      personId: null,
      caseId: null,
      operatorIds: [s.assistente_sociale.id, s.educatore.id, s.psicologo.id],
      start: `${tuesday}T09:00`,
      end: `${tuesday}T11:00`,
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
    });
    expect(saved.saved).toBe(true);
    const fourWeeks = await call(s.educatore.conn, 'agenda.list', { from: tuesday, to: addDays(tuesday, 28), userIds: [s.educatore.id] });
    const meetings = fourWeeks.occurrences.filter((o) => o.tipo === 'riunione_equipe');
    expect(meetings.map((o) => o.start)).toEqual([0, 7, 14, 21].map((d) => `${addDays(tuesday, d)}T09:00`));
    const second = addDays(tuesday, 7);
    await call(s.assistente_sociale.conn, 'agenda.save', {
      ...colloquio(),
      id: saved.appointmentId!,
      scope: 'occorrenza',
      occurrenceDate: second,
      tipo: 'riunione_equipe',
      sedeId: narni,
      roomId: null,
      personId: null,
      caseId: null,
      operatorIds: [s.assistente_sociale.id, s.educatore.id],
      start: `${addDays(second, 1)}T14:00`,
      end: `${addDays(second, 1)}T15:00`,
    });
    const after = await call(s.educatore.conn, 'agenda.list', { from: tuesday, to: addDays(tuesday, 28), userIds: [s.educatore.id] });
    expect(after.occurrences.filter((o) => o.tipo === 'riunione_equipe').map((o) => o.start)).toEqual([
      `${tuesday}T09:00`,
      `${addDays(second, 1)}T14:00`,
      `${addDays(tuesday, 14)}T09:00`,
      `${addDays(tuesday, 21)}T09:00`,
    ]);
  });

  it('status: svolto, annullato needs a reason, assente is counted for the case; future ones cannot be svolto', async () => {
    const today = await call(s.assistente_sociale.conn, 'agenda.save', colloquio({ start: `${TODAY}T07:00`, end: `${TODAY}T07:30`, roomId: null }));
    const id = today.appointmentId!;
    expect((await call(s.assistente_sociale.conn, 'agenda.setStatus', { id, stato: 'svolto', motivo: '' })).stato).toBe('svolto');
    expect((await callError(s.assistente_sociale.conn, 'agenda.setStatus', { id, stato: 'annullato', motivo: '' })).message).toBe('Indica il motivo dell’annullamento.');
    await call(s.assistente_sociale.conn, 'agenda.setStatus', { id, stato: 'assente', motivo: '' });
    expect((await call(s.assistente_sociale.conn, 'agenda.forCase', { caseId })).assenze).toBe(1);
    const future = (await call(s.assistente_sociale.conn, 'agenda.list', { from: DAY, to: addDays(DAY, 1), userIds: [s.assistente_sociale.id] })).occurrences[0]!;
    expect((await callError(s.assistente_sociale.conn, 'agenda.setStatus', { id: future.appointmentId, stato: 'svolto', motivo: '' })).message).toMatch(/futuro/);
  });

  it('bad input gets clear Italian errors', async () => {
    const conn = s.amministrativo.conn;
    expect(await callError(conn, 'agenda.save', colloquio({ end: `${DAY}T09:00` }))).toMatchObject({
      code: 'VALIDATION',
      field: 'end',
      message: 'La fine deve essere successiva all’inizio.',
    });
    expect((await callError(conn, 'agenda.save', colloquio({ end: `${DAY}T10:00` }))).message).toBe('Un appuntamento non può durare 0 minuti: indica l’ora di fine.');
    expect((await callError(conn, 'agenda.save', colloquio({ end: `${addDays(DAY, 3)}T10:00` }))).message).toMatch(/stesso giorno/);
    expect(await callError(conn, 'agenda.save', colloquio({ roomId: narniRoom }))).toMatchObject({
      field: 'roomId',
      message: 'La stanza «Sala colloqui 1» è della sede di Narni, non di quella scelta.',
    });
    expect((await callError(conn, 'agenda.save', colloquio({ start: '2026-02-30T10:00' }))).message).toBe('Inizio: data e ora non valide.');
  });

  it('a series ends after N times or on a day: the core stores series_until for both and lists nothing after it', async () => {
    const conn = s.amministrativo.conn;
    // A Sunday far in the future, so the day the test runs never matters (DST is covered by the unit properties).
    let sunday = addDays(TODAY, 400);
    while (isoWeekday(sunday) !== 7) sunday = addDays(sunday, 1);
    const base = { personId: null, caseId: null, operatorIds: [s.educatore.id], roomId: null, start: `${sunday}T10:00`, end: `${sunday}T11:00` };
    const four = await call(conn, 'agenda.save', colloquio({ ...base, rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=4' }));
    const until = await call(
      conn,
      'agenda.save',
      colloquio({ ...base, start: `${sunday}T15:00`, end: `${sunday}T16:00`, rrule: `FREQ=WEEKLY;BYDAY=SU;UNTIL=${addDays(sunday, 14).replaceAll('-', '')}` }),
    );
    expect(four.saved && until.saved).toBe(true);
    const listed = await call(conn, 'agenda.list', { from: sunday, to: addDays(sunday, 60), userIds: [s.educatore.id] });
    const dates = (id: string | null) => listed.occurrences.filter((o) => o.appointmentId === id).map((o) => o.occurrenceDate);
    expect(dates(four.appointmentId)).toEqual([0, 7, 14, 21].map((n) => addDays(sunday, n)));
    expect(dates(until.appointmentId)).toEqual([0, 7, 14].map((n) => addDays(sunday, n)));
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const stored = (id: string | null) => (db.prepare('SELECT series_until FROM appointments WHERE id = ?').get(id) as { series_until: string }).series_until;
    expect(stored(four.appointmentId)).toBe(addDays(sunday, 21));
    expect(stored(until.appointmentId)).toBe(addDays(sunday, 14));
    db.close();
  });

  it('refuses a wall time the spring DST change skips, in Italian', async () => {
    expect(await callError(s.amministrativo.conn, 'agenda.save', colloquio({ start: '2026-03-29T02:30', end: '2026-03-29T03:30' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'start',
      message: 'L’ora 02:30 del 29/03/2026 non esiste: quella notte gli orologi passano dalle 02:00 alle 03:00.',
    });
  });

  it('holidays warn: Easter Monday and the patron day of the sede’s comune', async () => {
    const pasquetta = await call(s.amministrativo.conn, 'agenda.check', colloquio({ start: '2027-03-29T10:00', end: '2027-03-29T11:00', personId: null, caseId: null }));
    expect(pasquetta.festivi.map((f) => f.name)).toEqual(['Lunedì dell’Angelo (Pasquetta)']);
    const firmina = await call(s.amministrativo.conn, 'agenda.check', colloquio({ start: '2027-11-24T10:00', end: '2027-11-24T11:00', personId: null, caseId: null }));
    expect(firmina.festivi.map((f) => f.kind)).toEqual(['patrono']);
    await call(admin, 'agenda.savePatron', { comuneIstat: '055004', giorno: '11-25', santo: 'Prova' });
    expect((await call(s.amministrativo.conn, 'agenda.check', colloquio({ start: '2027-11-24T10:00', end: '2027-11-24T11:00', personId: null, caseId: null }))).festivi).toEqual(
      [],
    );
  });

  it('working hours per sede: saved in the settings, appointments outside them are flagged', async () => {
    const giorni = [1, 2, 3, 4, 5].map((giorno) => ({
      giorno,
      mattinaDa: '08:30',
      mattinaA: '13:30',
      pomeriggioDa: giorno === 2 ? '15:00' : '',
      pomeriggioA: giorno === 2 ? '17:30' : '',
    }));
    expect(await call(admin, 'agenda.saveHours', { sedeId: amelia, giorni })).toHaveLength(5);
    expect((await call(s.amministrativo.conn, 'agenda.check', colloquio({ start: `${DAY}T16:00`, end: `${DAY}T17:00` }))).fuoriOrario).toBe(true);
    expect((await call(s.amministrativo.conn, 'agenda.check', colloquio({ start: `${DAY}T09:00`, end: `${DAY}T09:45` }))).fuoriOrario).toBe(false);
    expect((await callError(s.amministrativo.conn, 'agenda.saveHours', { sedeId: amelia, giorni })).code).toBe('FORBIDDEN');
  });

  it('default deny, privacy and audit: reading appointments of a person is logged; who may not see the person sees «riservato»', async () => {
    expect((await callError(admin, 'agenda.list', { from: DAY, to: addDays(DAY, 1) })).code).toBe('FORBIDDEN');
    expect((await callError(s.coordinatore.conn, 'agenda.save', colloquio())).code).toBe('FORBIDDEN');
    const edu = await call(s.educatore.conn, 'agenda.list', { from: DAY, to: addDays(DAY, 1), sedeId: amelia });
    expect(edu.occurrences[0]).toMatchObject({ title: 'Colloquio (riservato)', personId: null, note: '', riservato: true });
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const rows = db.prepare(`SELECT action, username FROM audit_log WHERE subject_id = ? AND action LIKE 'agenda.%' ORDER BY seq`).all(personId) as {
      action: string;
      username: string;
    }[];
    expect(rows.some((r) => r.action === 'agenda.list' && r.username === s.assistente_sociale.username)).toBe(true);
    expect(rows.some((r) => r.action === 'agenda.create')).toBe(true);
    expect(rows.some((r) => r.username === s.educatore.username && r.action === 'agenda.list')).toBe(false);
    const changes = db.prepare(`SELECT count(*) AS n FROM changes WHERE tbl = 'appointments'`).get() as { n: number };
    expect(changes.n).toBeGreaterThan(0);
    db.close();
  });

  it('prints the day of an operator, audited', async () => {
    const printed = await call(s.assistente_sociale.conn, 'agenda.print', { data: DAY, userId: s.assistente_sociale.id });
    expect(printed.titolo).toBe('Agenda di Utente assistente_sociale');
    expect(printed.occurrences.length).toBeGreaterThan(0);
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'agenda.print' AND subject_type = 'agenda'`).get()).toEqual({ n: 1 });
    db.close();
  });
});
