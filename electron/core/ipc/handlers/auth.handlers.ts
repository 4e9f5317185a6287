import type { authContract } from '../../../../shared/contracts/auth';
import type { FeatureHandlers } from '../router';
import type { AuthService } from '../../services/auth/auth.service';
import { initialiseDataDir } from '../../services/auth/setup.service';
import type { KeyRing } from '../../services/auth/key-ring';
import type { DataDir } from '../../data-dir';
import { APP_VERSION } from '../../version';

export function authHandlers(deps: { auth: AuthService; dir: DataDir; keys: KeyRing; workstation: string }): FeatureHandlers<typeof authContract> {
  const { auth, dir, keys, workstation } = deps;
  return {
    'setup.status': () => ({ setUp: dir.isSetUp(), workstation, version: APP_VERSION }),
    'setup.init': async (ctx, input) => {
      const { recoveryKey } = await initialiseDataDir(dir, input, workstation, keys.passwordKdf);
      const session = await auth.login(ctx.conn, input.admin);
      return { recoveryKey, session };
    },
    'auth.login': (ctx, input) => auth.login(ctx.conn, input),
    'auth.current': (ctx) => {
      if (!ctx.conn.session) return null;
      auth.enforceIdle(ctx.conn);
      return auth.info(ctx.conn);
    },
    'auth.unlock': (ctx, input) => auth.unlock(ctx.conn, input),
    'auth.recover': (_ctx, input) => auth.recover(input),
    'auth.logout': (ctx) => {
      auth.logout(ctx.conn);
      return { ok: true as const };
    },
    'auth.lock': (ctx) => {
      auth.lock(ctx.conn, 'manual');
      return { ok: true as const };
    },
    'auth.ping': () => ({ ok: true as const }),
    'auth.changePassword': (ctx, input) => auth.changePassword(ctx.conn, input),
  };
}
