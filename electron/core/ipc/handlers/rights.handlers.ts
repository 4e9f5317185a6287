import type { rightsContract } from '../../../../shared/contracts/rights';
import { RIGHTS_EXPORT_TASK } from '../../../../shared/contracts/rights';
import { AppError } from '../../../../shared/domain/errors';
import type { PdfRenderer } from '../../services/letters/pdf-renderer';
import { RightsService } from '../../services/rights/rights.service';
import type { Transfers } from '../../services/transfers/transfers';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';
import { workContext } from '../work';

export function rightsHandlers(deps: { now: () => number; transfers: Transfers; pdf: PdfRenderer }): FeatureHandlers<typeof rightsContract> {
  const rights = (ctx: CallContext) => new RightsService(workContext(ctx, deps.now));
  return {
    'rights.status': (ctx, input) => rights(ctx).status(input),
    'rights.restrict': (ctx, input) => rights(ctx).restrict(input),
    'rights.lift': (ctx, input) => rights(ctx).lift(input),
    'rights.export': (ctx, input) => {
      const userId = ctx.session?.user.id;
      if (!userId) throw new AppError('NOT_AUTHENTICATED');
      return rights(ctx).export(input, {
        pdf: deps.pdf,
        startDownload: (bytes) => deps.transfers.startDownload(ctx.conn.id, userId, bytes),
        progress: (done, total, label) => ctx.conn.push({ type: 'progress', task: RIGHTS_EXPORT_TASK, done, total, label }),
      });
    },
  };
}
