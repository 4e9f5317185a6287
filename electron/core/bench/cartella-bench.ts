import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { todayInRome } from '../../../shared/domain/dates';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { AUDIT_BATCH_MS } from '../db/audit-batch';
import { openDatabase, type Db } from '../db/open';
import type { CellValue } from '../db/schema';
import { uuidv7 } from '../ids';
import { SeedGenerator, type Batch } from '../seed/generate';
import { CasesService } from '../services/cases/cases.service';
import { PersonsService } from '../services/persons/persons.service';
import { searchPersons, type SearchRequest } from '../services/persons/person-search';
import { NO_PLACE_NAMES } from '../services/persons/place-names';
import type { WorkContext } from '../services/work-context';
import { Store } from '../store';
import { percentile, median, round, type Metric } from './metrics';
import { openPlain } from './plain-db';

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
  queries: Query[];
  counts: { persons: number; cases: number; diary: number };
}

/** What a desk types: the kinds the issue names, in equal shares. */
const KINDS = ['one_letter', 'two_letters', 'surname', 'surname_name', 'codice_fiscale', 'cf_prefix', 'case_number', 'address'] as const;
type Query = { kind: (typeof KINDS)[number]; text: string };

function build(db: Db, persons: number, diaryPerCase: number): World {
  const store = Store.over(db);
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
      db.prepare(`INSERT INTO users (id, username, full_name, profile, created_at) VALUES (?, ?, ?, ?, ?)`).run(u.id, u.username, u.username, u.profile, TODAY);
  })();
  const as = staff[0]!;
  const generator = new SeedGenerator(
    { comuni: ZONA_SOCIALE_11.comuni, sedi },
    { assistenti: staff.filter((s) => s.profile === 'assistente_sociale').map((s) => s.id), educatori: [staff[3]!.id], psicologi: [staff[4]!.id] },
    { seed: 11, today: TODAY, diaryPerCase, caseRate: 0.5 },
  );
  const queries: Query[] = [];
  for (let done = 0; done < persons; done += 2000) {
    const batch = generator.chunk(Math.min(2000, persons - done));
    db.transaction(() => load(db, batch))();
    // Realistic queries from the people just made, one of each kind (400 at 100,000 people).
    const p = batch.persons ?? [];
    const c = batch.cases ?? [];
    for (let i = 0; i < KINDS.length && p.length > 0; i++) {
      const v = p[(i * 97) % p.length]!.values;
      const kind = KINDS[i % KINDS.length]!;
      const cognome = String(v.cognome);
      const text = {
        one_letter: cognome.slice(0, 1),
        two_letters: cognome.slice(0, 2),
        surname: cognome,
        surname_name: `${cognome} ${String(v.nome).slice(0, 3)}`,
        codice_fiscale: String(v.codice_fiscale),
        cf_prefix: String(v.codice_fiscale).slice(0, 8),
        case_number: c.length ? String(c[i % c.length]!.values.numero) : cognome,
        address: String(v.residenza_indirizzo).split(',')[0]!,
      }[kind];
      queries.push({ kind, text });
    }
  }
  // The case the bench opens: 500 diary entries, a PAI, interventions.
  const generatorBig = new SeedGenerator(
    { comuni: ZONA_SOCIALE_11.comuni, sedi },
    { assistenti: [as.id], educatori: [], psicologi: [] },
    { seed: 7, today: TODAY, diaryPerCase: 500, caseRate: 1 },
  );
  let big: Batch;
  do big = generatorBig.chunk(1);
  while (!big.cases?.length);
  const bigCase = big.cases[0]!;
  big.cases[0] = { ...bigCase, values: { ...bigCase.values, numero: `${TODAY.slice(0, 4)}/N-9999`, progressivo: 9999 } };
  db.transaction(() => load(db, big))();
  const diaryCount = (db.prepare('SELECT count(*) AS n FROM diary_entries WHERE case_id = ?').get(bigCase.id) as { n: number }).n;
  if (diaryCount < 250) throw new Error(`bench case has only ${diaryCount} diary entries`);
  const counts = db
    .prepare('SELECT (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM diary_entries) AS diary')
    .get() as World['counts'];
  db.pragma('optimize');
  return {
    store,
    work: {
      store,
      actor: { userId: as.id, username: as.username, profile: 'assistente_sociale', workstation: 'bench' },
      userId: as.id,
      profile: 'assistente_sociale',
      now: Date.now,
    },
    bigCaseId: bigCase.id,
    queries: spread(queries, 400),
    counts,
  };
}

/** `n` queries taken evenly from the whole dataset (not only the first people made). */
function spread<T>(all: T[], n: number): T[] {
  if (all.length <= n) return all;
  return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]!);
}

interface Timings {
  /** The search as the channel runs it, audit row included (see below). */
  search: number[];
  /** The query and the rows only: no audit row. */
  core: number[];
  /** Each write of the batched audit rows. */
  flush: number[];
  byKind: Record<string, number[]>;
  open: number[];
}

function measure(world: World, rounds: number): Timings {
  const persons = new PersonsService(world.work, NO_PLACE_NAMES);
  const cases = new CasesService(world.work);
  const input = (query: string): SearchRequest => ({ query, comuneIstat: null, area: null, stato: null, operatoreId: null, limit: 25 });
  for (const q of world.queries.slice(0, 20)) persons.search(input(q.text));
  world.store.writer.flushAudit();
  const t: Timings = { search: [], core: [], flush: [], byKind: {}, open: [] };
  let lastFlush = performance.now();
  const audited = (q: Query) => {
    const t0 = performance.now();
    persons.search(input(q.text));
    // The loop never yields to the batch's timer: its write is done here when it is due, and
    // counted in the search that met it, as a request arriving during the write would wait.
    if (performance.now() - lastFlush >= AUDIT_BATCH_MS) {
      const f0 = performance.now();
      world.store.writer.flushAudit();
      lastFlush = performance.now();
      t.flush.push(lastFlush - f0);
    }
    return performance.now() - t0;
  };
  const core = (q: Query) => {
    const t0 = performance.now();
    searchPersons(world.work, input(q.text), () => null);
    return performance.now() - t0;
  };
  // Alternate which of the two meets a query first (and its pages cold).
  world.queries.forEach((q, i) => {
    let withAudit: number;
    let alone: number;
    if (i % 2) {
      withAudit = audited(q);
      alone = core(q);
    } else {
      alone = core(q);
      withAudit = audited(q);
    }
    t.search.push(withAudit);
    t.core.push(alone);
    (t.byKind[q.kind] ??= []).push(alone);
  });
  world.store.writer.flushAudit();
  cases.get({ id: world.bigCaseId });
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const detail = cases.get({ id: world.bigCaseId });
    t.open.push(performance.now() - t0);
    if (detail.diary.length < 250) throw new Error('case opened without its diary');
  }
  return t;
}

/**
 * Search and case opening at office scale (default 100,000 people and about a million diary
 * entries), encrypted against plain SQLite built from the same seed in the same run.
 */
export function cartellaBench(options: { persons: number; diaryPerCase: number; log: (line: string) => void }): Metric[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-cartella-'));
  try {
    const results = {} as Record<'enc' | 'plain', Timings & { counts: World['counts'] }>;
    for (const kind of ['enc', 'plain'] as const) {
      const t0 = performance.now();
      const file = path.join(dir, `${kind}.db`);
      const db = kind === 'enc' ? openDatabase(file, randomBytes(32), { create: true }) : openPlain(file);
      const world = build(db, options.persons, options.diaryPerCase);
      options.log(
        `archivio ${kind === 'enc' ? 'cifrato' : 'in chiaro'}: ${world.counts.persons} persone, ${world.counts.cases} cartelle, ${world.counts.diary} annotazioni in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
      results[kind] = { ...measure(world, 15), counts: world.counts };
      world.store.close();
    }
    const { enc, plain } = results;
    const p95 = (values: number[]) => percentile(values, 95);
    const byKind = Object.fromEntries(Object.entries(enc.byKind).map(([k, v]) => [`${k}_core_p95_ms`, round(p95(v), 2)]));
    const counts = { queries: enc.search.length, persons: enc.counts.persons, diary_entries: enc.counts.diary };
    return [
      {
        name: 'person_search_p95_ms',
        value: round(p95(enc.search), 2),
        unit: 'ms',
        target: 10,
        ratio: round(p95(enc.search) / p95(plain.search)),
        detail: {
          ...counts,
          median_ms: round(median(enc.search), 2),
          plain_p95_ms: round(p95(plain.search), 2),
          plain_median_ms: round(median(plain.search), 2),
          audit_flushes: enc.flush.length,
          audit_flush_median_ms: round(enc.flush.length ? median(enc.flush) : 0, 2),
          audit_flush_max_ms: round(Math.max(0, ...enc.flush), 2),
        },
      },
      {
        name: 'person_search_core_p95_ms',
        value: round(p95(enc.core), 2),
        unit: 'ms',
        target: 3,
        ratio: round(p95(enc.core) / p95(plain.core)),
        detail: { ...counts, median_ms: round(median(enc.core), 2), plain_p95_ms: round(p95(plain.core), 2), plain_median_ms: round(median(plain.core), 2), ...byKind },
      },
      {
        name: 'case_open_ms',
        value: round(median(enc.open), 2),
        unit: 'ms',
        target: 50,
        ratio: round(median(enc.open) / median(plain.open)),
        detail: { plain_ms: round(median(plain.open), 2), rounds: enc.open.length, cases: enc.counts.cases },
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
