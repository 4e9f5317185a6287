import type { reportsContract } from '../../../../shared/contracts/reports';
import { AppError } from '../../../../shared/domain/errors';
import type { PdfRenderer } from '../../services/letters/pdf-renderer';
import { ReportsService } from '../../services/reports/reports.service';
import type { Transfers } from '../../services/transfers/transfers';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';
import { workContext } from '../work';

export function reportsHandlers(deps: { now: () => number; transfers: Transfers; pdf: PdfRenderer }): FeatureHandlers<typeof reportsContract> {
  const reports = (ctx: CallContext) => {
    const userId = ctx.session?.user.id;
    if (!userId) throw new AppError('NOT_AUTHENTICATED');
    return new ReportsService(workContext(ctx, deps.now), { pdf: deps.pdf, startDownload: (bytes) => deps.transfers.startDownload(ctx.conn.id, userId, bytes) });
  };
  return {
    'reports.quarter': (ctx, input) => reports(ctx).quarter(input),
    'reports.export': (ctx, input) => reports(ctx).export(input),
    'reports.print': (ctx, input) => reports(ctx).print(input),
    'reports.settings': (ctx) => reports(ctx).settings(),
    'reports.saveSoglia': (ctx, input) => reports(ctx).saveThreshold(input),
  };
}
