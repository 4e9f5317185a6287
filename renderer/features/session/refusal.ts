import type { SessionInfoData } from '../../../shared/contracts/auth';
import { forbiddenMessage, type Action } from '../../../shared/domain/permissions';
import { allows } from './permissions';

/**
 * For sections that do not call the core yet: the sentence the core will give when they do.
 * Null when any of the actions is allowed.
 */
export function profileRefusal(session: SessionInfoData, ...actions: Action[]): string | null {
  if (actions.some((a) => allows(session, a))) return null;
  const first = actions[0];
  if (!first) return null;
  return forbiddenMessage(session.user.profile, first).replace(
    ' Il tentativo è stato registrato nel registro degli accessi.',
    ' Quando la sezione sarà disponibile non potrai aprirla.',
  );
}
