import type { Db } from '../open';
import { prepared } from '../statements';

/** The synced copies of the key file's user entries, with each account's state beside them. */
export class KeySlotsRepository {
  constructor(private readonly db: Db) {}

  has(userId: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM user_key_slots WHERE id = ?').get(userId) !== undefined;
  }

  /** Every account with its slot, if any (a few dozen rows: read whole after each sync cycle). */
  accounts(): { id: string; username: string; disabled: 0 | 1; wrapped: string | null }[] {
    return prepared(this.db, 'SELECT u.id, u.username, u.disabled, s.wrapped FROM users u LEFT JOIN user_key_slots s ON s.id = u.id ORDER BY u.id').all() as {
      id: string;
      username: string;
      disabled: 0 | 1;
      wrapped: string | null;
    }[];
  }
}
