import type { retentionContract } from '../../../../shared/contracts/retention';
import { AppError } from '../../../../shared/domain/errors';
import { AttachmentStore } from '../../files/attachment-store';
import type { Vault } from '../../services/auth/vault';
import { RetentionService } from '../../services/retention/retention.service';
import type { Transfers } from '../../services/transfers/transfers';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';
import { workContext } from '../work';

export function retentionHandlers(deps: { now: () => number; transfers: Transfers; vault: Vault }): FeatureHandlers<typeof retentionContract> {
  const retention = (ctx: CallContext) => {
    const userId = ctx.session?.user.id;
    if (!userId) throw new AppError('NOT_AUTHENTICATED');
    return new RetentionService(workContext(ctx, deps.now), {
      files: () => new AttachmentStore(deps.vault.dir.root, deps.vault.databaseKey()),
      startDownload: (bytes) => deps.transfers.startDownload(ctx.conn.id, userId, bytes),
    });
  };
  return {
    'retention.candidates': (ctx) => retention(ctx).candidates(),
    'retention.export': (ctx, input) => retention(ctx).export(input),
    'retention.execute': (ctx, input) => retention(ctx).execute(input),
    'retention.open': (ctx, input) => retention(ctx).open(input),
    'retention.saveCopy': (ctx, input) => retention(ctx).saveCopy(input),
  };
}
