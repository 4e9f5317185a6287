import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { todayInRome } from '../../../shared/domain/dates';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { closeDatabase, openDatabase, type Db } from '../db/open';
import type { CellValue } from '../db/schema';
import { uuidv7 } from '../ids';
import { SeedGenerator, type Batch } from '../seed/generate';
import { buildReport, quarterRange } from '../services/reports/report-tables';
import { Store } from '../store';
import { median, percentile, round, type Metric } from './metrics';

const TODAY = todayInRome();

function load(db: Db, batch: Batch): void {
  for (const [table, rows] of Object.entries(batch)) {
    if (!rows?.length) continue;
    const cols = Object.keys(rows[0]!.values);
    const stmt = db.prepare(`INSERT INTO ${table} (id, ${cols.join(', ')}) VALUES (?${', ?'.repeat(cols.length)})`);
    for (const row of rows) stmt.run(row.id, ...cols.map((c) => (row.values as Record<string, CellValue>)[c] ?? null));
  }
}

/**
 * The Report section over a seeded zone on the encrypted store: one quarter, every grouping,
 * every table with its suppression (what `reports.quarter` does before shaping the reply).
 */
export function reportBench(options: { persons: number; rounds: number; log: (line: string) => void }): Metric[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-report-'));
  const db = openDatabase(path.join(dir, 'report.db'), randomBytes(32), { create: true });
  try {
    const t0 = performance.now();
    const sedi = ZONA_SOCIALE_11.sedi.map((s) => ({ id: uuidv7(), lettera: s.lettera, comuneIstat: s.comuneIstat, nome: s.nome, indirizzo: s.indirizzo }));
    const staff = ['assistente_sociale', 'assistente_sociale', 'assistente_sociale', 'educatore', 'psicologo'].map((profile, i) => ({
      id: uuidv7(),
      profile,
      username: `bench${i}`,
    }));
    db.transaction(() => {
      for (const c of ZONA_SOCIALE_11.comuni) db.prepare('INSERT INTO comuni VALUES (?, ?, ?, ?, ?)').run(uuidv7(), c.istat, c.catastale, c.nome, c.provincia);
      for (const s of sedi) db.prepare('INSERT INTO sedi VALUES (?, ?, ?, ?, ?, ?)').run(s.id, s.nome, s.lettera, s.comuneIstat, s.indirizzo, '');
      db.prepare(`INSERT INTO zone (id, nome, ente, lh_intestazione) VALUES (?, 'Zona Sociale 11', 'Comune di Narni', 'Zona Sociale 11')`).run(uuidv7());
      for (const u of staff)
        db.prepare('INSERT INTO users (id, username, full_name, profile, created_at) VALUES (?, ?, ?, ?, ?)').run(u.id, u.username, u.username, u.profile, TODAY);
    })();
    const generator = new SeedGenerator(
      { comuni: ZONA_SOCIALE_11.comuni, sedi },
      { assistenti: staff.filter((s) => s.profile === 'assistente_sociale').map((s) => s.id), educatori: [staff[3]!.id], psicologi: [staff[4]!.id] },
      { seed: 21, today: TODAY, diaryPerCase: 0, caseRate: 0.5 },
    );
    for (let done = 0; done < options.persons; done += 2000) {
      const batch = generator.chunk(Math.min(2000, options.persons - done));
      db.transaction(() => load(db, batch))();
    }
    db.pragma('optimize');
    options.log(`report: ${options.persons} persone caricate in ${Math.round(performance.now() - t0)} ms`);
    const store = Store.over(db);
    const [y, m] = TODAY.split('-').map(Number) as [number, number];
    const q = Math.floor((m - 1) / 3) + 1;
    const period = q === 1 ? { anno: y - 1, trimestre: 4 } : { anno: y, trimestre: q - 1 };
    // Where the time goes, one read of each query (to stderr, with the bench's other notes).
    const { dal, al } = quarterRange(period.anno, period.trimestre);
    for (const [name, read] of Object.entries(readers(store, dal, al))) {
      const s = performance.now();
      const rows = read();
      options.log(`report: ${name} ${rows} righe in ${Math.round(performance.now() - s)} ms`);
    }
    const times: number[] = [];
    for (let r = 0; r < options.rounds; r++) {
      const s = performance.now();
      buildReport(store.reports, period.anno, period.trimestre, 5);
      times.push(performance.now() - s);
    }
    return [
      {
        name: 'report_quarter_ms',
        value: round(median(times), 1),
        unit: 'ms',
        target: 500,
        detail: { p95: round(percentile(times, 95), 1), persons: options.persons, rounds: options.rounds },
      },
    ];
  } finally {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readers(store: Store, dal: string, al: string): Record<string, () => number> {
  const r = store.reports;
  return {
    reached: () => r.reached(dal, al).length,
    accessi: () => r.accessi(dal, al).length,
    opened: () => r.casesOpened(dal, al).length,
    closed: () => r.casesClosed(dal, al).length,
    deliveries: () => r.deliveries(dal, al).length,
    held: () => r.appointments('svolto', dal, al).length,
    missed: () => r.appointments('assente', dal, al).length,
    tirocini: () => r.tirociniStarted(dal, al).length,
    esiti: () => r.tirociniOutcomes(dal, al).length,
  };
}
