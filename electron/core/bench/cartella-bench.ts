import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type BetterSqlite from 'better-sqlite3';
import { todayInRome } from '../../../shared/domain/dates';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { migrate } from '../db/migrate';
import { loadMigrations } from '../db/migrations';
import { closeDatabase, openDatabase, type Db } from '../db/open';
import type { CellValue } from '../db/schema';
import { uuidv7 } from '../ids';
import { SeedGenerator, type Batch } from '../seed/generate';
import { CasesService } from '../services/cases/cases.service';
import { PersonsService } from '../services/persons/persons.service';
import { NO_PLACE_NAMES } from '../services/persons/place-names';
import type { WorkContext } from '../services/work-context';
import { Store } from '../store';
import { percentile, median, round, type Metric } from './metrics';

const require = createRequire(import.meta.url);
const TODAY = todayInRome();

/** Bench data goes straight in (no change log): the bench measures reads, not the import. */
function load(db: Db, batch: Batch): void {
  for (const [table, rows] of Object.entries(batch)) {
    if (!rows?.length) continue;
    const cols = Object.keys(rows[0]!.values);
    const stmt = db.prepare(`INSERT INTO ${table} (id, ${cols.join(', ')}) VALUES (?${', ?'.repeat(cols.length)})`);
    for (const row of rows) stmt.run(row.id, ...cols.map((c) => (row.values as Record<string, CellValue>)[c] ?? null));
  }
}

interface World {
  store: Store;
  work: WorkContext;
  bigCaseId: string;
  queries: string[];
  counts: { persons: number; cases: number; diary: number };
}

function build(db: Db, persons: number, diaryPerCase: number): World {
  const store = Store.over(db);
  const sedi = ZONA_SOCIALE_11.sedi.map((s) => ({ id: uuidv7(), lettera: s.lettera, comuneIstat: s.comuneIstat, nome: s.nome, indirizzo: s.indirizzo }));
  const staff = ['assistente_sociale', 'assistente_sociale', 'assistente_sociale', 'educatore', 'psicologo'].map((profile, i) => ({ id: uuidv7(), profile, username: `bench${i}` }));
  db.transaction(() => {
    for (const c of ZONA_SOCIALE_11.comuni) db.prepare('INSERT INTO comuni VALUES (?, ?, ?, ?, ?)').run(uuidv7(), c.istat, c.catastale, c.nome, c.provincia);
    for (const s of sedi) db.prepare('INSERT INTO sedi VALUES (?, ?, ?, ?, ?, ?)').run(s.id, s.nome, s.lettera, s.comuneIstat, s.indirizzo, '');
    db.prepare(`INSERT INTO zone (id, nome, ente, lh_intestazione) VALUES (?, 'Zona Sociale 11', 'Comune di Narni', 'Zona Sociale 11')`).run(uuidv7());
    for (const u of staff) db.prepare(`INSERT INTO users (id, username, full_name, profile, created_at) VALUES (?, ?, ?, ?, ?)`).run(u.id, u.username, u.username, u.profile, TODAY);
  })();
  const as = staff[0]!;
  const generator = new SeedGenerator(
    { comuni: ZONA_SOCIALE_11.comuni, sedi },
    { assistenti: staff.filter((s) => s.profile === 'assistente_sociale').map((s) => s.id), educatori: [staff[3]!.id], psicologi: [staff[4]!.id] },
    { seed: 11, today: TODAY, diaryPerCase, caseRate: 0.5 },
  );
  const queries: string[] = [];
  for (let done = 0; done < persons; done += 2000) {
    const batch = generator.chunk(Math.min(2000, persons - done));
    db.transaction(() => load(db, batch))();
    // Realistic queries from the people just made: surname prefixes, name + surname, codes, case numbers.
    const p = batch.persons ?? [];
    for (let i = 0; i < 8 && i < p.length; i++) {
      const v = p[(i * 97) % p.length]!.values;
      const q = [
        String(v.cognome).slice(0, 4),
        `${String(v.cognome)} ${String(v.nome).slice(0, 3)}`,
        String(v.codice_fiscale).slice(0, 8),
        String(v.residenza_indirizzo).split(',')[0]!,
      ][i % 4]!;
      queries.push(q);
    }
    const c = batch.cases ?? [];
    if (c.length) queries.push(String(c[0]!.values.numero));
  }
  // The case the bench opens: 500 diary entries, a PAI, interventions.
  const generatorBig = new SeedGenerator({ comuni: ZONA_SOCIALE_11.comuni, sedi }, { assistenti: [as.id], educatori: [], psicologi: [] }, { seed: 7, today: TODAY, diaryPerCase: 500, caseRate: 1 });
  let big: Batch;
  do big = generatorBig.chunk(1);
  while (!big.cases?.length);
  const bigCase = big.cases[0]!;
  big.cases[0] = { ...bigCase, values: { ...bigCase.values, numero: `${TODAY.slice(0, 4)}/N-9999`, progressivo: 9999 } };
  db.transaction(() => load(db, big))();
  const diaryCount = (db.prepare('SELECT count(*) AS n FROM diary_entries WHERE case_id = ?').get(bigCase.id) as { n: number }).n;
  if (diaryCount < 250) throw new Error(`bench case has only ${diaryCount} diary entries`);
  const counts = db.prepare('SELECT (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM diary_entries) AS diary').get() as World['counts'];
  db.pragma('optimize');
  return {
    store,
    work: { store, actor: { userId: as.id, username: as.username, profile: 'assistente_sociale', workstation: 'bench' }, userId: as.id, profile: 'assistente_sociale', now: Date.now },
    bigCaseId: bigCase.id,
    queries: queries.slice(0, 200),
    counts,
  };
}

function measure(world: World, rounds: number): { search: number[]; open: number[] } {
  const persons = new PersonsService(world.work, NO_PLACE_NAMES);
  const cases = new CasesService(world.work);
  for (const q of world.queries.slice(0, 20)) persons.search({ query: q, comuneIstat: null, area: null, stato: null, operatoreId: null, limit: 25 });
  const search: number[] = [];
  for (const q of world.queries) {
    const t0 = performance.now();
    persons.search({ query: q, comuneIstat: null, area: null, stato: null, operatoreId: null, limit: 25 });
    search.push(performance.now() - t0);
  }
  cases.get({ id: world.bigCaseId });
  const open: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const detail = cases.get({ id: world.bigCaseId });
    open.push(performance.now() - t0);
    if (detail.diary.length < 250) throw new Error('case opened without its diary');
  }
  return { search, open };
}

function openPlain(file: string): Db {
  const Plain = require('better-sqlite3') as typeof BetterSqlite;
  const db = new Plain(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -16384');
  migrate(db as unknown as Db, loadMigrations());
  return db as unknown as Db;
}

/**
 * Search and case opening at office scale (default 100,000 people and about a million diary
 * entries), encrypted against plain SQLite built from the same seed in the same run.
 */
export function cartellaBench(options: { persons: number; diaryPerCase: number; log: (line: string) => void }): Metric[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-cartella-'));
  try {
    const results: Record<'enc' | 'plain', { search: number[]; open: number[]; counts: World['counts'] }> = {} as never;
    for (const kind of ['enc', 'plain'] as const) {
      const t0 = performance.now();
      const file = path.join(dir, `${kind}.db`);
      const db = kind === 'enc' ? openDatabase(file, randomBytes(32), { create: true }) : openPlain(file);
      const world = build(db, options.persons, options.diaryPerCase);
      options.log(`archivio ${kind === 'enc' ? 'cifrato' : 'in chiaro'}: ${world.counts.persons} persone, ${world.counts.cases} cartelle, ${world.counts.diary} annotazioni in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      results[kind] = { ...measure(world, 15), counts: world.counts };
      if (kind === 'enc') closeDatabase(db);
      else db.close();
    }
    const p95 = (k: 'enc' | 'plain') => percentile(results[k].search, 95);
    const open = (k: 'enc' | 'plain') => median(results[k].open);
    return [
      {
        name: 'person_search_p95_ms',
        value: round(p95('enc'), 2),
        unit: 'ms',
        target: 15,
        ratio: round(p95('enc') / p95('plain')),
        detail: { queries: results.enc.search.length, plain_p95_ms: round(p95('plain'), 2), median_ms: round(median(results.enc.search), 2), persons: results.enc.counts.persons, diary_entries: results.enc.counts.diary },
      },
      {
        name: 'case_open_ms',
        value: round(open('enc'), 2),
        unit: 'ms',
        target: 50,
        ratio: round(open('enc') / open('plain')),
        detail: { plain_ms: round(open('plain'), 2), rounds: results.enc.open.length, cases: results.enc.counts.cases },
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
