import type { usersContract } from '../../../../shared/contracts/users';
import type { FeatureHandlers } from '../router';
import type { CallContext } from '../context';
import { UsersService } from '../../services/users/users.service';
import type { KeyRing } from '../../services/auth/key-ring';
import type { Vault } from '../../services/auth/vault';

export function usersHandlers(deps: { keys: KeyRing; vault: Vault; now: () => number }): FeatureHandlers<typeof usersContract> {
  const service = (ctx: CallContext) => new UsersService(ctx.store(), deps.keys, deps.vault.databaseKey(), deps.now);
  return {
    'users.list': (ctx) => service(ctx).list(ctx.actor),
    'users.create': (ctx, input) => service(ctx).create(ctx.actor, input),
    'users.update': (ctx, input) => service(ctx).update(ctx.actor, input),
    'users.setDisabled': (ctx, input) => service(ctx).setDisabled(ctx.actor, input),
    'users.resetPassword': async (ctx, input) => {
      await service(ctx).resetPassword(ctx.actor, input);
      return { ok: true as const };
    },
    'users.directory': (ctx) =>
      ctx
        .store()
        .users.list()
        .filter((u) => !u.disabled)
        .map((u) => ({ id: u.id, fullName: u.fullName, profile: u.profile })),
  };
}
