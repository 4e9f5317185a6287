import type { noticesContract } from '../../../../shared/contracts/notices';
import type { FeatureHandlers } from '../router';
import type { CallContext } from '../context';
import { workContext } from '../work';
import { AccountNotices } from '../../services/users/account-notices';
import { CasesService } from '../../services/cases/cases.service';
import { UsersService } from '../../services/users/users.service';
import type { KeyRing } from '../../services/auth/key-ring';
import type { Vault } from '../../services/auth/vault';

export function noticesHandlers(deps: { now: () => number; keys: KeyRing; vault: Vault }): FeatureHandlers<typeof noticesContract> {
  const notices = (ctx: CallContext) => new AccountNotices(ctx.store(), deps.now);
  const me = (ctx: CallContext) => workContext(ctx, deps.now).userId;
  return {
    'notices.mine': (ctx) => notices(ctx).mine(me(ctx)),
    'notices.markSeen': (ctx, input) => {
      notices(ctx).markSeen(ctx.actor, me(ctx), input);
      return { ok: true as const };
    },
    'notices.review': (ctx) => notices(ctx).review(me(ctx)),
    'notices.markReviewed': (ctx, input) => {
      notices(ctx).markReviewed(ctx.actor, input);
      return { ok: true as const };
    },
    'notices.decide': (ctx, input) => {
      notices(ctx).decide(ctx.actor, input, (action, row) => {
        if (action.kind === 'assign') new CasesService(workContext(ctx, deps.now)).assignConfirmed(row.user_id, action);
        else new UsersService(ctx.store(), deps.keys, deps.vault.databaseKey(), deps.now).applyProfile(ctx.actor, row.user_id, action.profile);
      });
      return { ok: true as const };
    },
  };
}
