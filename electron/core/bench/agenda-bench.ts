import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { addDays, todayInRome } from '../../../shared/domain/dates';
import { expand, fromWallMinutes, isoWeekday, wallMinutes } from '../../../shared/domain/recurrence';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { AUDIT_BATCH_MS } from '../db/audit-batch';
import { closeDatabase, openDatabase } from '../db/open';
import { uuidv7 } from '../ids';
import { AgendaService } from '../services/agenda/agenda.service';
import { Store } from '../store';
import { ioCalls, ioSince } from './io-counters';
import { median, percentile, round, type Metric } from './metrics';

/** The people the appointments are with (a zone's case load). */
const PERSONS = 20_000;
const TIPI = ['colloquio', 'colloquio', 'colloquio', 'visita_domiciliare', 'riunione_equipe', 'sportello'];

/**
 * The week of one sede with `appointments` rows in the encrypted database (two sedi, twelve
 * operators, about seven years of office days), read through the service as the agenda page
 * does; and a year of a weekly series expanded in wall time.
 */
export function agendaBench(options: { appointments: number; rounds: number; log: (line: string) => void }): Metric[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-agenda-'));
  const db = openDatabase(path.join(dir, 'agenda.db'), randomBytes(32), { create: true });
  try {
    const t0 = performance.now();
    const today = todayInRome();
    const sedi = ZONA_SOCIALE_11.sedi.map((s) => ({ id: uuidv7(), ...s, roomIds: s.rooms.map(() => uuidv7()) }));
    const users = Array.from({ length: 12 }, (_, i) => ({ id: uuidv7(), sede: sedi[i % 2]! }));
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      // The low bits of this generator cycle; the high ones do not.
      return Math.floor((seed / 2147483648) * n);
    };
    // About 110 appointments per office day for the two sedi: 200,000 is some seven years.
    const perDay = 110;
    const workdays = Math.ceil(options.appointments / perDay);
    const days = Math.ceil((workdays * 7) / 5) + 7;
    const first = addDays(today, -Math.floor(days / 2));
    const officeDays: string[] = [];
    for (let d = first; officeDays.length < workdays; d = addDays(d, 1)) if (isoWeekday(d) <= 5) officeDays.push(d);
    db.transaction(() => {
      db.prepare(`INSERT INTO zone (id, nome, ente, lh_intestazione) VALUES (?, 'Zona Sociale 11', 'Comune di Narni', 'Zona Sociale 11')`).run(uuidv7());
      for (const c of ZONA_SOCIALE_11.comuni) db.prepare('INSERT INTO comuni VALUES (?, ?, ?, ?, ?)').run(uuidv7(), c.istat, c.catastale, c.nome, c.provincia);
      for (const s of sedi) {
        db.prepare('INSERT INTO sedi VALUES (?, ?, ?, ?, ?, ?)').run(s.id, s.nome, s.lettera, s.comuneIstat, s.indirizzo, '');
        s.rooms.forEach((r, i) => db.prepare('INSERT INTO rooms (id, sede_id, nome) VALUES (?, ?, ?)').run(s.roomIds[i], s.id, r));
      }
      for (const [i, u] of users.entries()) {
        db.prepare(`INSERT INTO users (id, username, full_name, profile, sede_id, created_at) VALUES (?, ?, ?, 'assistente_sociale', ?, ?)`).run(
          u.id,
          `op${i}`,
          `Operatore ${i}`,
          u.sede.id,
          today,
        );
      }
      // Most appointments are with someone: their names are shown and each read is audited.
      const personIds = Array.from({ length: PERSONS }, () => uuidv7());
      const person = db.prepare(`INSERT INTO persons (id, cognome, nome, created_at) VALUES (?, ?, ?, ?)`);
      personIds.forEach((id, i) => person.run(id, `Cognome${i}`, `Nome${i}`, today));
      const ins = db.prepare(`INSERT INTO appointments (id, tipo, sede_id, room_id, person_id, inizio, fine, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      const op = db.prepare(`INSERT INTO appointment_operators (id, appointment_id, user_id, inizio) VALUES (?, ?, ?, ?)`);
      for (let n = 0; n < options.appointments; n++) {
        const day = officeDays[Math.floor(n / perDay)]!;
        const u = users[rnd(users.length)]!;
        const start = fromWallMinutes(wallMinutes(`${day}T08:00`) + rnd(18) * 30);
        const id = uuidv7();
        const tipo = TIPI[rnd(TIPI.length)]!;
        const who = tipo === 'riunione_equipe' ? null : personIds[rnd(PERSONS)]!;
        ins.run(id, tipo, u.sede.id, u.sede.roomIds[rnd(u.sede.roomIds.length)]!, who, start, fromWallMinutes(wallMinutes(start) + 45), today);
        op.run(uuidv7(), id, u.id, start);
      }
    })();
    db.pragma('optimize');
    options.log(`agenda: ${options.appointments} appuntamenti su ${days} giorni in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const store = Store.over(db);
    const u = users[0]!;
    const service = () =>
      new AgendaService({
        store,
        actor: { userId: u.id, username: 'op0', profile: 'assistente_sociale', workstation: 'bench' },
        userId: u.id,
        profile: 'assistente_sociale',
        now: Date.now,
      });
    const narni = sedi[0]!.id;
    const times: number[] = [];
    const flushes: number[] = [];
    let shown = 0;
    let audited = 0;
    let lastFlush = performance.now();
    let readCalls = 0;
    for (let i = 0; i < options.rounds + 5; i++) {
      const io = ioCalls();
      const from = addDays(first, 7 * (i % Math.max(1, Math.floor(days / 7) - 1)));
      const before = store.writer.pendingAudit;
      const t = performance.now();
      shown = service().list({ from, to: addDays(from, 7), userIds: [], sedeId: narni, roomId: null }).occurrences.length;
      audited = store.writer.pendingAudit - before;
      if (i >= 5) readCalls += ioSince(io)?.reads ?? 0;
      // As in the search bench: the batch's write, when due, is counted in the read that met it.
      if (performance.now() - lastFlush >= AUDIT_BATCH_MS) {
        const f = performance.now();
        store.writer.flushAudit();
        lastFlush = performance.now();
        flushes.push(lastFlush - f);
      }
      if (i >= 5) times.push(performance.now() - t);
    }
    store.writer.flushAudit();
    const series = { start: `${today}T09:00`, end: `${today}T11:00`, rule: 'FREQ=WEEKLY;BYDAY=TU' };
    const year: number[] = [];
    for (let i = 0; i < 55; i++) {
      const t = performance.now();
      const occ = expand(series, today, addDays(today, 365));
      if (i >= 5) year.push(performance.now() - t);
      if (occ.length < 52) throw new Error('series expanded short');
    }
    return [
      {
        name: 'agenda_week_p95_ms',
        value: round(percentile(times, 95), 2),
        unit: 'ms',
        target: 5,
        detail: {
          appointments: options.appointments,
          rounds: times.length,
          per_week: shown,
          audit_rows_per_week: audited,
          median_ms: round(median(times), 2),
          // Linux only: pages the week read from the file (not in SQLite's cache), on average.
          ...(ioCalls() ? { read_calls_per_week: round(readCalls / times.length, 1) } : {}),
          audit_flushes: flushes.length,
          audit_flush_max_ms: round(Math.max(0, ...flushes), 2),
        },
      },
      { name: 'recurrence_year_ms', value: round(median(year), 3), unit: 'ms', target: 5, detail: { occurrences: 52, p95_ms: round(percentile(year, 95), 3) } },
    ];
  } finally {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
