import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function latestVersion(migrations: Migration[]): number {
  return migrations.length === 0 ? 0 : Math.max(...migrations.map((m) => m.version));
}

/** The numbering must be 1..n without gaps or repeats; a broken list stops the program. */
export function checkMigrationList(migrations: Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrazioni non consecutive: attesa ${i + 1}, trovata ${m.version} (${m.name})`);
  });
}

/** Apply each pending migration in its own transaction, which also sets user_version. */
export function migrate(db: Database.Database, migrations: Migration[]): number[] {
  checkMigrationList(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
