import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type BetterSqlite from 'better-sqlite3';
import { closeDatabase, openDatabase, type Db } from '../db/open';
import { median, round, type Metric } from './metrics';

const require = createRequire(import.meta.url);

const SCHEMA = `CREATE TABLE bench_persons (id TEXT PRIMARY KEY, cognome TEXT NOT NULL, nome TEXT NOT NULL,
  codice_fiscale TEXT NOT NULL, data_nascita TEXT NOT NULL, comune TEXT NOT NULL, indirizzo TEXT NOT NULL) STRICT;
  CREATE INDEX bench_persons_cf ON bench_persons (codice_fiscale);`;

type AnyDb = Db | BetterSqlite.Database;

function rows(n: number, seed: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const k = (i * 2654435761 + seed) >>> 0;
    out.push([
      `${seed}-${i}`.padStart(16, '0'),
      `Cognome${k % 9973}`,
      `Nome${k % 997}`,
      `CF${String(k).padStart(14, '0')}`,
      `19${String(40 + (k % 60)).padStart(2, '0')}-0${1 + (k % 9)}-1${k % 9}`,
      `0550${String(k % 34).padStart(2, '0')}`,
      `Via ${k % 500}, ${k % 120}`,
    ]);
  }
  return out;
}

function insertAll(db: AnyDb, data: string[][]): number {
  const stmt = db.prepare('INSERT INTO bench_persons VALUES (?, ?, ?, ?, ?, ?, ?)');
  const t0 = performance.now();
  db.transaction(() => {
    for (const r of data) stmt.run(...r);
  })();
  return performance.now() - t0;
}

function lookups(db: AnyDb, data: string[][], count: number): number {
  const stmt = db.prepare('SELECT * FROM bench_persons WHERE codice_fiscale = ?');
  const t0 = performance.now();
  for (let i = 0; i < count; i++) stmt.get((data[(i * 7919) % data.length] as string[])[3]);
  return performance.now() - t0;
}

function openPlain(file: string): BetterSqlite.Database {
  const Plain = require('better-sqlite3') as typeof BetterSqlite;
  const db = new Plain(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -16384');
  return db;
}

/**
 * Encrypted (SQLCipher v4 scheme, our opening) against plain better-sqlite3 with the same
 * pragmas, same data, same run, alternating rounds so machine noise hits both.
 */
export function storageBench(options: { rows: number; lookups: number; rounds: number }): Metric[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-'));
  const insert = { enc: [] as number[], plain: [] as number[] };
  const lookup = { enc: [] as number[], plain: [] as number[] };
  try {
    for (let round = 0; round < options.rounds; round++) {
      const data = rows(options.rows, round);
      for (const kind of round % 2 === 0 ? (['enc', 'plain'] as const) : (['plain', 'enc'] as const)) {
        const file = path.join(dir, `${kind}-${round}.db`);
        const db: AnyDb = kind === 'enc' ? openDatabase(file, randomBytes(32), { create: true, migrations: [] }) : openPlain(file);
        db.exec(SCHEMA);
        insert[kind].push(insertAll(db, data));
        lookups(db, data, Math.min(1000, options.lookups)); // warm the page cache for both alike
        lookup[kind].push(lookups(db, data, options.lookups));
        if (kind === 'enc') closeDatabase(db as Db);
        else db.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const insertRatio = median(insert.enc) / median(insert.plain);
  const lookupRatio = median(lookup.enc) / median(lookup.plain);
  const k = Math.round(options.rows / 1000);
  return [
    {
      name: 'insert_10k_ratio',
      value: round(insertRatio),
      unit: 'x',
      target: 1.3,
      ratio: round(insertRatio),
      detail: { rows: options.rows, encrypted_ms: round(median(insert.enc), 1), plain_ms: round(median(insert.plain), 1), thousands: k },
    },
    {
      name: 'lookup_ratio',
      value: round(lookupRatio),
      unit: 'x',
      target: 1.3,
      ratio: round(lookupRatio),
      detail: {
        lookups: options.lookups,
        encrypted_us_per_lookup: round((median(lookup.enc) * 1000) / options.lookups, 2),
        plain_us_per_lookup: round((median(lookup.plain) * 1000) / options.lookups, 2),
      },
    },
  ];
}
