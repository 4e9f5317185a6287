import type { recordsContract } from '../../../../shared/contracts/records';
import { AppError } from '../../../../shared/domain/errors';
import type { PdfRenderer } from '../../services/letters/pdf-renderer';
import { RecordsService } from '../../services/records/records.service';
import type { Transfers } from '../../services/transfers/transfers';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';
import { workContext } from '../work';

export function recordsHandlers(deps: { now: () => number; transfers: Transfers; pdf: PdfRenderer }): FeatureHandlers<typeof recordsContract> {
  const records = (ctx: CallContext) => {
    const userId = ctx.session?.user.id;
    if (!userId) throw new AppError('NOT_AUTHENTICATED');
    return new RecordsService(workContext(ctx, deps.now), { pdf: deps.pdf, startDownload: (bytes) => deps.transfers.startDownload(ctx.conn.id, userId, bytes) });
  };
  return {
    'records.get': (ctx) => records(ctx).get(),
    'records.save': (ctx, input) => {
      records(ctx).save(input);
      return { ok: true as const };
    },
    'records.print': (ctx) => records(ctx).print(),
  };
}
