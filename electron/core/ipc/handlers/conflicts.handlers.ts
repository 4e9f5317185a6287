import type { conflictsContract } from '../../../../shared/contracts/conflicts';
import { ConflictsService } from '../../services/conflicts/conflicts.service';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';
import { workContext } from '../work';

export function conflictsHandlers(deps: { now: () => number }): FeatureHandlers<typeof conflictsContract> {
  const conflicts = (ctx: CallContext) => new ConflictsService(workContext(ctx, deps.now));
  return {
    'conflicts.list': (ctx) => conflicts(ctx).list(),
    'conflicts.count': (ctx) => conflicts(ctx).count(),
    'conflicts.resolve': (ctx, input) => conflicts(ctx).resolve(input),
  };
}
