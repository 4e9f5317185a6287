import type { auditContract } from '../../../../shared/contracts/audit';
import type { FeatureHandlers } from '../router';
import { AuditService } from '../../services/audit/audit.service';
import type { Vault } from '../../services/auth/vault';

export function auditHandlers(deps: { vault: Vault }): FeatureHandlers<typeof auditContract> {
  return {
    'audit.list': (ctx, input) => new AuditService(ctx.store()).list(ctx.actor, input),
    'audit.verify': (ctx) => new AuditService(ctx.store(), deps.vault).verify(ctx.actor),
  };
}
