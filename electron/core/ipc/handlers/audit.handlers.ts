import type { auditContract } from '../../../../shared/contracts/audit';
import { AppError } from '../../../../shared/domain/errors';
import type { FeatureHandlers } from '../router';
import { AuditService } from '../../services/audit/audit.service';
import type { Vault } from '../../services/auth/vault';
import type { Transfers } from '../../services/transfers/transfers';
import { toCsv, toXlsx } from '../../files/spreadsheet';

export function auditHandlers(deps: { vault: Vault; transfers: Transfers; now: () => number }): FeatureHandlers<typeof auditContract> {
  return {
    'audit.list': (ctx, input) => new AuditService(ctx.store()).list(ctx.actor, input),
    'audit.verify': (ctx) => new AuditService(ctx.store(), deps.vault).verify(ctx.actor),
    'audit.export': (ctx, input) => {
      const userId = ctx.session?.user.id;
      if (!userId) throw new AppError('NOT_AUTHENTICATED');
      const { sheet, rows } = new AuditService(ctx.store()).exportSheet(ctx.actor, input);
      const bytes = input.formato === 'csv' ? toCsv(sheet) : toXlsx(sheet);
      const mime = input.formato === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      // The name says which log and when it was exported: never a person's name.
      const day = new Date(deps.now()).toISOString().slice(0, 10);
      const nome = `registro-${input.log === 'data' ? 'accessi' : 'amministrazione'}-${day}.${input.formato}`;
      return { nome, mime, dimensione: bytes.length, righe: rows.length, downloadId: deps.transfers.startDownload(ctx.conn.id, userId, bytes) };
    },
  };
}
