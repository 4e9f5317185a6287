import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { addDays, todayInRome } from '../../../shared/domain/dates';
import { expand, fromWallMinutes, isoWeekday, wallMinutes } from '../../../shared/domain/recurrence';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { AUDIT_BATCH_MS } from '../db/audit-batch';
import { openDatabase, type Db } from '../db/open';
import { uuidv7 } from '../ids';
import { AgendaService } from '../services/agenda/agenda.service';
import { Store } from '../store';
import { ioCalls, ioSince } from './io-counters';
import { median, percentile, round, type Metric } from './metrics';
import { openPlain } from './plain-db';

/** The people the appointments are with (a zone's case load). */
const PERSONS = 20_000;
const TIPI = ['colloquio', 'colloquio', 'colloquio', 'visita_domiciliare', 'riunione_equipe', 'sportello'];
/** About 110 appointments per office day for the two sedi: 200,000 is some seven years. */
const PER_DAY = 110;

interface Archive {
  store: Store;
  list: (from: string) => number;
  /**
   * Time spent reading this archive since its audit batch was last written: the batch is due
   * after AUDIT_BATCH_MS of reading, however the reads of the two archives interleave.
   */
  sinceFlush: number;
}

/** Office days from the first day that holds `appointments`, and the calendar days they span. */
function calendar(appointments: number): { first: string; days: number; officeDays: string[] } {
  const workdays = Math.ceil(appointments / PER_DAY);
  const days = Math.ceil((workdays * 7) / 5) + 7;
  const first = addDays(todayInRome(), -Math.floor(days / 2));
  const officeDays: string[] = [];
  for (let d = first; officeDays.length < workdays; d = addDays(d, 1)) if (isoWeekday(d) <= 5) officeDays.push(d);
  return { first, days, officeDays };
}

/**
 * Two sedi, twelve operators and `appointments` rows from the same generator (the same seed
 * gives the encrypted and the plain archive the same weeks); the week read as the agenda page
 * reads it, through the service, for the first sede.
 */
function build(db: Db, appointments: number, officeDays: string[]): Archive {
  const today = todayInRome();
  const sedi = ZONA_SOCIALE_11.sedi.map((s) => ({ id: uuidv7(), ...s, roomIds: s.rooms.map(() => uuidv7()) }));
  const users = Array.from({ length: 12 }, (_, i) => ({ id: uuidv7(), sede: sedi[i % 2]! }));
  let seed = 11;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    // The low bits of this generator cycle; the high ones do not.
    return Math.floor((seed / 2147483648) * n);
  };
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
    for (let n = 0; n < appointments; n++) {
      const day = officeDays[Math.floor(n / PER_DAY)]!;
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
  const store = Store.over(db);
  const u = users[0]!;
  const narni = sedi[0]!.id;
  const actor = { userId: u.id, username: 'op0', profile: 'assistente_sociale' as const, workstation: 'bench' };
  return {
    store,
    // A service per request, as the router makes one.
    list: (from) =>
      new AgendaService({ store, actor, userId: u.id, profile: 'assistente_sociale', now: Date.now }).list({ from, to: addDays(from, 7), userIds: [], sedeId: narni, roomId: null })
        .occurrences.length,
    sinceFlush: 0,
  };
}

interface Timings {
  ms: number[];
  /** CPU time of the same reads: what the machine's load inflates least. */
  cpu: number[];
  flushes: number[];
}

/** One week read; the batch's write, when due, is counted in the read that met it (as in the search bench). */
function readWeek(a: Archive, from: string, t: Timings | null): { shown: number; audited: number } {
  const before = a.store.writer.pendingAudit;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const shown = a.list(from);
  const audited = a.store.writer.pendingAudit - before;
  a.sinceFlush += performance.now() - t0;
  if (a.sinceFlush >= AUDIT_BATCH_MS) {
    const f = performance.now();
    a.store.writer.flushAudit();
    t?.flushes.push(performance.now() - f);
    a.sinceFlush = 0;
  }
  const ms = performance.now() - t0;
  if (t) {
    t.ms.push(ms);
    const c = process.cpuUsage(c0);
    t.cpu.push((c.user + c.system) / 1000);
  }
  return { shown, audited };
}

/**
 * The week of one sede with `appointments` rows in the encrypted database, against plain SQLite
 * with the same rows read in the same run, week by week in turn (so both meet the same load);
 * and a year of a weekly series expanded in wall time.
 */
export function agendaBench(options: { appointments: number; rounds: number; log: (line: string) => void }): Metric[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-agenda-'));
  const archives: Archive[] = [];
  try {
    const { first, days, officeDays } = calendar(options.appointments);
    for (const kind of ['enc', 'plain'] as const) {
      const t0 = performance.now();
      const file = path.join(dir, `${kind}.db`);
      archives.push(build(kind === 'enc' ? openDatabase(file, randomBytes(32), { create: true }) : openPlain(file), options.appointments, officeDays));
      options.log(
        `agenda ${kind === 'enc' ? 'cifrata' : 'in chiaro'}: ${options.appointments} appuntamenti su ${days} giorni in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
    }
    const [enc, plain] = archives as [Archive, Archive];
    const te: Timings = { ms: [], cpu: [], flushes: [] };
    const tp: Timings = { ms: [], cpu: [], flushes: [] };
    let week = { shown: 0, audited: 0 };
    let readCalls = 0;
    for (let i = 0; i < options.rounds + 5; i++) {
      // Each round a week not read before (its pages cold), the same for both; which goes first alternates.
      const from = addDays(first, 7 * (i % Math.max(1, Math.floor(days / 7) - 1)));
      const warm = i >= 5;
      if (i % 2) readWeek(plain, from, warm ? tp : null);
      const io = ioCalls();
      week = readWeek(enc, from, warm ? te : null);
      if (warm) readCalls += ioSince(io)?.reads ?? 0;
      if (!(i % 2)) readWeek(plain, from, warm ? tp : null);
    }
    const today = todayInRome();
    const series = { start: `${today}T09:00`, end: `${today}T11:00`, rule: 'FREQ=WEEKLY;BYDAY=TU' };
    const year: number[] = [];
    for (let i = 0; i < 55; i++) {
      const t = performance.now();
      const occ = expand(series, today, addDays(today, 365));
      if (i >= 5) year.push(performance.now() - t);
      if (occ.length < 52) throw new Error('series expanded short');
    }
    const p95 = (values: number[]) => percentile(values, 95);
    return [
      {
        name: 'agenda_week_p95_ms',
        value: round(p95(te.ms), 2),
        unit: 'ms',
        target: 5,
        ratio: round(p95(te.ms) / p95(tp.ms)),
        detail: {
          appointments: options.appointments,
          rounds: te.ms.length,
          per_week: week.shown,
          audit_rows_per_week: week.audited,
          median_ms: round(median(te.ms), 2),
          cpu_median_ms: round(median(te.cpu), 2),
          cpu_p95_ms: round(p95(te.cpu), 2),
          plain_p95_ms: round(p95(tp.ms), 2),
          plain_median_ms: round(median(tp.ms), 2),
          plain_cpu_median_ms: round(median(tp.cpu), 2),
          // Linux only: pages the week read from the file (not in SQLite's cache), on average.
          ...(ioCalls() ? { read_calls_per_week: round(readCalls / te.ms.length, 1) } : {}),
          audit_flushes: te.flushes.length,
          audit_flush_max_ms: round(Math.max(0, ...te.flushes), 2),
        },
      },
      { name: 'recurrence_year_ms', value: round(median(year), 3), unit: 'ms', target: 5, detail: { occurrences: 52, p95_ms: round(percentile(year, 95), 3) } },
    ];
  } finally {
    for (const a of archives) a.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
