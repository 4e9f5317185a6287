import type { HandlerMap } from '../router';
import { AuditService } from '../../services/audit/audit.service';

export function auditHandlers(): Pick<HandlerMap, 'audit.list' | 'audit.verify'> {
  return {
    'audit.list': (ctx, input) => new AuditService(ctx.store()).list(ctx.actor, input),
    'audit.verify': (ctx) => new AuditService(ctx.store()).verify(ctx.actor),
  };
}
