import type { privacyContract } from '../../../../shared/contracts/privacy';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';
import { workContext } from '../work';
import { PrivacyService } from '../../services/privacy/privacy.service';

export function privacyHandlers(deps: { now: () => number }): FeatureHandlers<typeof privacyContract> {
  const privacy = (ctx: CallContext) => new PrivacyService(workContext(ctx, deps.now));
  return {
    'privacy.accessReport': (ctx, input) => privacy(ctx).accessReport(input),
    'privacy.emergencies': (ctx, input) => privacy(ctx).emergencies(input),
    'privacy.markEmergencySeen': (ctx, input) => {
      privacy(ctx).markSeen(input);
      return { ok: true as const };
    },
  };
}
