import { createHash } from 'node:crypto';
import type { Db } from '../open';
import { prepared } from '../statements';

export interface SyncNodeRow {
  id: string;
  label: string;
  public_key: string;
  paired_at: string;
  paired_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** The zone's paired workstations (synced) as sync and its screen read them. */
export class SyncNodesRepository {
  constructor(private readonly db: Db) {}

  get(id: string): SyncNodeRow | null {
    return (prepared(this.db, 'SELECT * FROM sync_nodes WHERE id = ?').get(id) as SyncNodeRow | undefined) ?? null;
  }

  list(): SyncNodeRow[] {
    return prepared(this.db, 'SELECT * FROM sync_nodes ORDER BY paired_at, id').all() as SyncNodeRow[];
  }

  /** Freed and overwritten content zeroed from now on (a snapshot's foreign secrets are replaced). */
  secureDelete(): void {
    this.db.pragma('secure_delete = ON');
  }

  /**
   * A table's declared columns (or, for sync_conflicts, all of them), rows in key order, hashed.
   * Names come from the schema declaration, never from input.
   */
  canonicalDigest(table: string, columns: readonly string[] | null): { rows: number; sha256: string } {
    const cols = columns === null ? '*' : ['id', ...columns].map((c) => `"${c}"`).join(', ');
    const key = columns === null ? 'loser_hlc' : 'id';
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of this.db.prepare(`SELECT ${cols} FROM "${table}" ORDER BY "${key}"`).raw(true).iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
      rows++;
    }
    return { rows, sha256: hash.digest('hex') };
  }

  openConflicts(): number {
    // Key slots are decided by the clock alone (see ConflictsService): never a person's to settle.
    return (prepared(this.db, "SELECT count(*) AS n FROM sync_conflicts WHERE tbl <> 'user_key_slots'").get() as { n: number }).n;
  }
}
