import type { Profile } from '../../../../shared/domain/permissions';
import type { CoreEventData } from '../../../../shared/contracts/events';
import type { Actor } from '../../db/repositories/audit.repo';

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  profile: Profile;
  sedeId: string | null;
}

export interface Session {
  user: SessionUser;
  locked: boolean;
  lastActivity: number;
  mustChangePassword: boolean;
}

/** One client of the core: a window in Electron, a page in browser mode, a CLI run. */
export class ConnectionState {
  session: Session | null = null;

  constructor(
    readonly id: string,
    readonly transport: 'electron' | 'browser' | 'cli' | 'test',
    /** The transport's way to speak first to this client (push events); a no-op where it has none. */
    readonly push: (event: CoreEventData) => void = () => undefined,
  ) {}
}

export function actorOf(session: Session | null, workstation: string): Actor {
  return session
    ? { userId: session.user.id, username: session.user.username, profile: session.user.profile, workstation }
    : { userId: null, username: null, profile: null, workstation };
}
