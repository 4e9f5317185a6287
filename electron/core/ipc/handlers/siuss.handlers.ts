import { SIUSS_TASK, type siussContract } from '../../../../shared/contracts/siuss';
import { AppError } from '../../../../shared/domain/errors';
import { SIUSS_MIME, SiussService } from '../../services/siuss/siuss.service';
import type { Transfers } from '../../services/transfers/transfers';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';
import { workContext } from '../work';

export function siussHandlers(deps: { now: () => number; transfers: Transfers }): FeatureHandlers<typeof siussContract> {
  const service = (ctx: CallContext) => new SiussService(workContext(ctx, deps.now));
  return {
    'siuss.verify': (ctx, input) => service(ctx).verify(input.periodo),
    'siuss.export': (ctx, input) => {
      const userId = ctx.session?.user.id;
      if (!userId) throw new AppError('NOT_AUTHENTICATED');
      const progress = (done: number, total: number) => ctx.conn.push({ type: 'progress', task: SIUSS_TASK, done, total, label: 'Scrittura del flusso SIUSS' });
      const { batch, bytes } = service(ctx).export(input.periodo, input.formato, progress);
      const downloadId = deps.transfers.startDownload(ctx.conn.id, userId, bytes);
      return { nome: batch.nome, mime: SIUSS_MIME[input.formato], dimensione: bytes.length, downloadId, batch };
    },
    'siuss.batches': (ctx) => service(ctx).batches(),
  };
}
