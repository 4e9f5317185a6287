import type { Db } from '../open';

/**
 * What the first-run checklist reads from the administration log: when the recovery key was last
 * issued and when the administrator confirmed keeping it (or checking the patron days). The log is
 * append-only and hash-chained, so a confirmation cannot be undone or back-dated.
 */
export class FirstRunRepository {
  constructor(private readonly db: Db) {}

  /** The sequence number of the latest successful admin_log row with this action; 0 if none. */
  lastAdminSeq(action: string): number {
    const row = this.db.prepare(`SELECT max(seq) AS seq FROM admin_log WHERE action = ? AND outcome = 'ok'`).get(action) as { seq: number | null };
    return row.seq ?? 0;
  }
}
