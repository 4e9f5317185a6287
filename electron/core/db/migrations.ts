import fs from 'node:fs';
import type { Migration } from './migrate';

// In the bundle (dist/core/*.mjs) the SQL files are copied to dist/core/migrations/; in the
// sources they sit in electron/core/db/migrations/. Both are "./migrations/" from here.
const DIR = new URL('./migrations/', import.meta.url);
const NAME_RE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

let cached: Migration[] | null = null;

export function loadMigrations(): Migration[] {
  if (cached) return cached;
  const files = fs
    .readdirSync(DIR)
    .filter((f) => NAME_RE.test(f))
    .sort();
  cached = files.map((file) => {
    const m = NAME_RE.exec(file) as RegExpExecArray;
    return { version: Number(m[1]), name: m[2] as string, sql: fs.readFileSync(new URL(file, DIR), 'utf8') };
  });
  return cached;
}
