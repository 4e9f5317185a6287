import type { SessionInfoData } from '../../../shared/contracts/auth';
import type { Action } from '../../../shared/domain/permissions';

/** What the menu shows. The core decides what is allowed; this only hides what would be refused. */
export function allows(session: SessionInfoData | null, action: Action): boolean {
  return session?.permissions.includes(action) ?? false;
}
