import { AppError } from '../../../shared/domain/errors';
import type { WorkContext } from '../services/work-context';
import type { CallContext } from './context';

/** The case-file services' context for a call that passed the router's session check. */
export function workContext(ctx: CallContext, now: () => number): WorkContext {
  if (!ctx.session) throw new AppError('NOT_AUTHENTICATED');
  return { store: ctx.store(), actor: ctx.actor, userId: ctx.session.user.id, profile: ctx.session.user.profile, now };
}
