import type { Actor } from '../db/repositories/audit.repo';
import type { ConnectionState, Session } from '../services/auth/session';
import type { Store } from '../store';

/** What a handler receives besides its parsed input. */
export interface CallContext {
  conn: ConnectionState;
  session: Session | null;
  actor: Actor;
  /** The open database; throws NOT_AUTHENTICATED on public channels before login. */
  store(): Store;
}
