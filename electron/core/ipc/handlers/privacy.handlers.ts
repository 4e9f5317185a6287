import type { HandlerMap } from '../router';
import { workContext } from '../work';
import { PrivacyService } from '../../services/privacy/privacy.service';

export function privacyHandlers(deps: { now: () => number }): Pick<HandlerMap, 'privacy.accessReport' | 'privacy.emergencies' | 'privacy.markEmergencySeen'> {
  const privacy = (ctx: Parameters<HandlerMap['privacy.emergencies']>[0]) => new PrivacyService(workContext(ctx, deps.now));
  return {
    'privacy.accessReport': (ctx, input) => privacy(ctx).accessReport(input.personId),
    'privacy.emergencies': (ctx, input) => privacy(ctx).emergencies(input.onlyUnseen),
    'privacy.markEmergencySeen': (ctx, input) => {
      privacy(ctx).markSeen(input.id);
      return { ok: true as const };
    },
  };
}
