import type { firstRunContract } from '../../../../shared/contracts/first-run';
import type { FeatureHandlers } from '../router';
import { FirstRunService } from '../../services/zone/first-run.service';

export function firstRunHandlers(): FeatureHandlers<typeof firstRunContract> {
  return {
    'firstRun.status': (ctx) => new FirstRunService(ctx.store()).status(),
    'firstRun.confirm': (ctx, input) => {
      new FirstRunService(ctx.store()).confirm(ctx.actor, input.voce);
      return { ok: true as const };
    },
  };
}
