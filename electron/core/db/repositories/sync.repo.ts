import { parseHlc } from '../../../../shared/domain/hlc';
import { stampOf } from '../change-stamp';
import type { Db } from '../open';
import { prepared } from '../statements';

/** A change of the log as a segment ships it. */
export interface LoggedChange {
  seq: number;
  hlc: string;
  node: string;
  tbl: string;
  row_id: string;
  col: string;
  value: string;
  parents: string[];
}

export interface ConflictRow {
  loser_hlc: string;
  tbl: string;
  row_id: string;
  col: string;
  value: string;
  node: string;
  winner_hlc: string;
}

/** What sync reads: this node's own changes to ship, and the open conflicts. */
export class SyncRepository {
  constructor(private readonly db: Db) {}

  /** This node's changes after `seq`, oldest first: each node ships only what it wrote. */
  ownChangesAfter(node: string, seq: number, limit: number): LoggedChange[] {
    const rows = prepared(this.db, 'SELECT seq, hlc, node, tbl, row_id, col, value, parents FROM changes WHERE node = ? AND seq > ? ORDER BY seq LIMIT ?').all(
      node,
      seq,
      limit,
    ) as (Omit<LoggedChange, 'parents'> & { parents: string | null })[];
    return rows.map((r) => ({ ...r, parents: r.parents ? (JSON.parse(r.parents) as string[]) : [] }));
  }

  conflicts(): ConflictRow[] {
    return prepared(this.db, 'SELECT * FROM sync_conflicts ORDER BY tbl, row_id, col, loser_hlc').all() as ConflictRow[];
  }

  /** Whether a row has an open conflict (the diary's "versione in conflitto" marker). */
  inConflict(table: string, rowId: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM sync_conflicts WHERE tbl = ? AND row_id = ? LIMIT 1').get(table, rowId) !== undefined;
  }

  /** The value of a logged change (the winner of a conflict, as the table holds it). */
  changeValue(hlc: string): string | null {
    if (!parseHlc(hlc)) return null;
    return (prepared(this.db, 'SELECT value FROM changes WHERE stamp = ?').get(stampOf(hlc)) as { value: string } | undefined)?.value ?? null;
  }

  /** Rows of `table` still active (`activeSql` comes from the archival declaration, never input). */
  activeRows(table: string, activeSql: string): number {
    return (prepared(this.db, `SELECT count(*) AS n FROM "${table}" WHERE ${activeSql}`).get() as { n: number }).n;
  }

  /**
   * How many of `rows` (id → stamp of the incoming change) are active here and hold a value of
   * `col` stamped before the incoming one: the rows an incoming archival would really archive.
   */
  activeRowsLosingCell(table: string, col: string, activeSql: string, rows: ReadonlyMap<string, string>): number {
    const ids = [...rows.keys()];
    let n = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const marks = chunk.map(() => '?').join(', ');
      const found = this.db
        .prepare(
          `SELECT t.id AS id, (SELECT max(c.hlc) FROM changes c WHERE c.tbl = ? AND c.row_id = t.id AND c.col = ?) AS hlc FROM "${table}" t WHERE t.id IN (${marks}) AND ${activeSql}`,
        )
        .all(table, col, ...chunk) as { id: string; hlc: string | null }[];
      for (const r of found) if (r.hlc === null || r.hlc < rows.get(r.id)!) n++;
    }
    return n;
  }
}
