import type { HandlerMap } from '../router';
import type { AuthService } from '../../services/auth/auth.service';
import { initialiseDataDir } from '../../services/auth/setup.service';
import type { KeyRing } from '../../services/auth/key-ring';
import type { DataDir } from '../../data-dir';
import { APP_VERSION } from '../../version';

type AuthChannels =
  | 'setup.status'
  | 'setup.init'
  | 'auth.login'
  | 'auth.current'
  | 'auth.unlock'
  | 'auth.recover'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.ping'
  | 'auth.changePassword';

export function authHandlers(deps: { auth: AuthService; dir: DataDir; keys: KeyRing; workstation: string }): Pick<HandlerMap, AuthChannels> {
  const { auth, dir, keys, workstation } = deps;
  return {
    'setup.status': () => ({ setUp: dir.isSetUp(), workstation, version: APP_VERSION }),
    'setup.init': async (ctx, input) => {
      const { recoveryKey } = await initialiseDataDir(dir, input, workstation, keys.passwordKdf);
      const session = await auth.login(ctx.conn, input.admin.username, input.admin.password);
      return { recoveryKey, session };
    },
    'auth.login': (ctx, input) => auth.login(ctx.conn, input.username, input.password),
    'auth.current': (ctx) => {
      if (!ctx.conn.session) return null;
      auth.enforceIdle(ctx.conn);
      return auth.info(ctx.conn);
    },
    'auth.unlock': (ctx, input) => auth.unlock(ctx.conn, input.password),
    'auth.recover': (_ctx, input) => auth.recover(input.username, input.recoveryKey, input.newPassword),
    'auth.logout': (ctx) => {
      auth.logout(ctx.conn);
      return { ok: true as const };
    },
    'auth.lock': (ctx) => {
      auth.lock(ctx.conn, 'manual');
      return { ok: true as const };
    },
    'auth.ping': () => ({ ok: true as const }),
    'auth.changePassword': (ctx, input) => auth.changePassword(ctx.conn, input.currentPassword, input.newPassword),
  };
}
