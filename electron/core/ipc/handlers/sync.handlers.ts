import { SYNC_TASK, type syncContract } from '../../../../shared/contracts/sync';
import type { SyncService } from '../../services/sync/sync.service';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';

/** Progress of a sync cycle or a pairing, to the window that asked for it. */
function progressTo(ctx: CallContext) {
  return (done: number, total: number, label: string) => ctx.conn.push({ type: 'progress', task: SYNC_TASK, done, total, label });
}

export function syncHandlers(deps: { sync: SyncService }): FeatureHandlers<typeof syncContract> {
  const { sync } = deps;
  return {
    'sync.status': () => sync.status(),
    'sync.runNow': (ctx) => sync.runNow(ctx.actor, progressTo(ctx)).summary,
    'sync.setFolder': (ctx, input) => sync.setFolder(ctx.actor, input),
    'sync.enable': (ctx, input) => sync.enable(ctx.actor, input.label),
    'sync.createPairing': (ctx, input) => sync.createPairing(ctx.actor, input, progressTo(ctx)),
    'sync.revoke': (ctx, input) => sync.revoke(ctx.actor, input.node),
    'sync.setArchiveGuard': (ctx, input) => sync.setArchiveGuard(ctx.actor, input),
    'sync.confirmHold': (ctx, input) => sync.confirmHold(ctx.actor, input),
    'sync.refuseHold': (ctx, input) => sync.refuseHold(ctx.actor, input),
  };
}
