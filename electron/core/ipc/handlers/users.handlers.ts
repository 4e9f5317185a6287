import type { HandlerMap } from '../router';
import type { CallContext } from '../context';
import { UsersService } from '../../services/users/users.service';
import type { KeyRing } from '../../services/auth/key-ring';
import type { Vault } from '../../services/auth/vault';

type UsersChannels = 'users.list' | 'users.create' | 'users.update' | 'users.setDisabled' | 'users.resetPassword' | 'users.directory';

export function usersHandlers(deps: { keys: KeyRing; vault: Vault; now: () => number }): Pick<HandlerMap, UsersChannels> {
  const service = (ctx: CallContext) => new UsersService(ctx.store(), deps.keys, deps.vault.databaseKey(), deps.now);
  return {
    'users.list': (ctx) => service(ctx).list(ctx.actor),
    'users.create': (ctx, input) => service(ctx).create(ctx.actor, input),
    'users.update': (ctx, input) => service(ctx).update(ctx.actor, input),
    'users.setDisabled': (ctx, input) => service(ctx).setDisabled(ctx.actor, input.id, input.disabled),
    'users.resetPassword': async (ctx, input) => {
      await service(ctx).resetPassword(ctx.actor, input.id, input.newPassword);
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

