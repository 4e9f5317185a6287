import type { SessionInfoData } from '../../../shared/contracts/auth';
import { ACTION_LABELS, PROFILE_LABELS, type Action } from '../../../shared/domain/permissions';
import { allows } from './permissions';

/**
 * For sections that do not call the core yet: what the profile will not be allowed to do
 * there. Worded like the core's refusals, without claiming an audited attempt (none was made).
 * Null when any of the actions is allowed.
 */
export function profileRefusal(session: SessionInfoData, ...actions: Action[]): string | null {
  const first = actions[0];
  if (!first || actions.some((a) => allows(session, a))) return null;
  return `Il profilo «${PROFILE_LABELS[session.user.profile]}» non consente di ${ACTION_LABELS[first]}: quando la sezione sarà disponibile non potrai aprirla.`;
}
