import type { z } from 'zod';
import { contract, type Channel, type OutputOf, type ParsedInputOf, type Reply } from '../../../shared/contracts';
import type { ChannelDef } from '../../../shared/contracts/define';
import { AppError } from '../../../shared/domain/errors';
import { can, forbiddenMessage, type Action } from '../../../shared/domain/permissions';
import type { AuthService } from '../services/auth/auth.service';
import { actorOf, type ConnectionState } from '../services/auth/session';
import type { Vault } from '../services/auth/vault';
import type { CallContext } from './context';
import { errorReply } from './errors';

export type Handler<C extends Channel> = (ctx: CallContext, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
export type HandlerMap = { [C in Channel]: Handler<C> };

/** Channels a session that must change its password may still use. */
const BEFORE_PASSWORD_CHANGE = new Set<string>(['auth.changePassword', 'auth.logout', 'auth.lock', 'auth.ping', 'auth.current', 'zone.get']);
/** Refusals of these actions are administrative events; all others concern personal data. */
const ADMIN_ACTIONS = new Set<Action>(['users.manage', 'zone.manage', 'templates.manage', 'audit.view', 'reports.view']);

/**
 * The one entry point for every transport (Electron IPC, browser-mode WebSocket, CLI, tests):
 * known channel → session and idle check → permission (default deny, refusal audited) →
 * zod parse → handler → zod-checked result. Every failure is a typed Italian error.
 */
export class Router {
  constructor(
    private readonly handlers: HandlerMap,
    private readonly auth: AuthService,
    private readonly vault: Vault,
    private readonly workstation: string,
  ) {
    for (const name of Object.keys(contract)) {
      if (typeof (handlers as Record<string, unknown>)[name] !== 'function') throw new Error(`Canale senza implementazione: ${name}`);
    }
  }

  async dispatch(conn: ConnectionState, channel: unknown, payload: unknown): Promise<Reply<unknown>> {
    try {
      if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) throw new AppError('UNKNOWN_CHANNEL');
      const name = channel as Channel;
      const def = contract[name] as ChannelDef;
      const ctx = this.authorise(conn, name, def);
      const parsed = def.input.safeParse(payload ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const handler = this.handlers[name] as (ctx: CallContext, input: unknown) => unknown;
      const result = await handler(ctx, parsed.data);
      const checked = def.output.safeParse(result);
      if (!checked.success) {
        console.error(`[core] risposta non conforme al contratto su ${name}:`, checked.error.issues);
        throw new AppError('INTERNAL');
      }
      if (def.access !== 'public') this.auth.touch(conn);
      return { ok: true, data: checked.data };
    } catch (error) {
      return errorReply(error);
    }
  }

  private authorise(conn: ConnectionState, name: Channel, def: ChannelDef): CallContext {
    const store = () => this.vault.current();
    if (def.access === 'public') return { conn, session: conn.session, actor: actorOf(conn.session, this.workstation), store };
    const session = conn.session;
    if (!session) throw new AppError('NOT_AUTHENTICATED');
    if (this.auth.enforceIdle(conn)) throw new AppError('SESSION_LOCKED');
    const actor = actorOf(session, this.workstation);
    if (session.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(name)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (def.access !== 'session' && !can(session.user.profile, def.access)) {
      this.vault.current().writer.record(actor, {
        log: ADMIN_ACTIONS.has(def.access) ? 'admin' : 'data',
        action: name,
        outcome: 'denied',
        detail: `Permesso mancante: ${def.access}`,
      });
      throw new AppError('FORBIDDEN', forbiddenMessage(session.user.profile, def.access));
    }
    return { conn, session, actor, store };
  }
}

function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : undefined;
  return new AppError('VALIDATION', issue?.message ?? 'Dati non validi: controlla i campi del modulo.', field);
}
