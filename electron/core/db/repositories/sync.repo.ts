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
}
