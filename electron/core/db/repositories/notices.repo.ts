import type { Db } from '../open';
import type { RowOf } from '../schema';

/** A notice with the names of the account it is about and of the administrator who acted. */
export interface NoticeRow extends RowOf<'account_notices'> {
  utente: string;
  autore: string | null;
}

const VIEW = `SELECT n.*, u.full_name AS utente, a.full_name AS autore
  FROM account_notices n JOIN users u ON u.id = n.user_id LEFT JOIN users a ON a.id = n.autore_id`;

/** What administrators did to accounts: for the account's owner and for the coordinator's review. */
export class NoticesRepository {
  constructor(private readonly db: Db) {}

  byId(id: string): NoticeRow | null {
    return (this.db.prepare(`${VIEW} WHERE n.id = ?`).get(id) as NoticeRow | undefined) ?? null;
  }

  unseenBy(userId: string): NoticeRow[] {
    return this.db.prepare(`${VIEW} WHERE n.user_id = ? AND n.visto_il IS NULL ORDER BY n.at`).all(userId) as NoticeRow[];
  }

  /** Not yet reviewed, or still waiting for a second administrator. */
  toReview(): NoticeRow[] {
    return this.db.prepare(`${VIEW} WHERE n.rivisto_il IS NULL OR n.stato = 'da_confermare' ORDER BY n.at DESC LIMIT 200`).all() as NoticeRow[];
  }

  pendingFor(userId: string): NoticeRow[] {
    return this.db.prepare(`${VIEW} WHERE n.user_id = ? AND n.stato = 'da_confermare' ORDER BY n.at`).all(userId) as NoticeRow[];
  }

  pendingAssignments(caseId: string): NoticeRow[] {
    return this.db
      .prepare(`${VIEW} WHERE n.tipo = 'assegnazione' AND n.stato = 'da_confermare' AND json_extract(n.azione, '$.caseId') = ? ORDER BY n.at`)
      .all(caseId) as NoticeRow[];
  }

  /** Whether an administrator created this account or set its password since `since` (ISO time). */
  grantedSince(userId: string, since: string): boolean {
    return this.db.prepare(`SELECT 1 FROM account_notices WHERE user_id = ? AND tipo IN ('creazione', 'reset_password') AND at > ? LIMIT 1`).get(userId, since) !== undefined;
  }
}
