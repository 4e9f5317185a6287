import type { z } from 'zod';
import { contract, type Channel, type OutputOf, type ParsedInputOf, type Reply } from '../../../shared/contracts';
import type { ChannelDef } from '../../../shared/contracts/define';
import { AppError } from '../../../shared/domain/errors';
import { ADMIN_ACTIONS, can, forbiddenMessage } from '../../../shared/domain/permissions';
import type { AuthService } from '../services/auth/auth.service';
import { actorOf, type ConnectionState } from '../services/auth/session';
import type { Vault } from '../services/auth/vault';
import type { CallContext } from './context';
import { errorReply } from './errors';
import { checkResources } from './resource-guard';
import { checkRestriction } from './restriction-guard';
import { workContext } from './work';

export type Handler<C extends Channel> = (ctx: CallContext, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
export type HandlerMap = { [C in Channel]: Handler<C> };
/** The handlers of one feature's contract map: what each feature's handler file returns. */
export type FeatureHandlers<M> = { [C in keyof M & Channel]: Handler<C> };

/**
 * The one entry point for every transport (Electron IPC, browser-mode WebSocket, CLI, tests):
 * known channel → session, idle and account check → permission (default deny) → zod parse →
 * every declared resource checked → handler → zod-checked result. Every refusal is audited
 * here, whoever raised it; every failure is a typed Italian error.
 */
export class Router {
  constructor(
    private readonly handlers: HandlerMap,
    private readonly auth: AuthService,
    private readonly vault: Vault,
    private readonly workstation: string,
    private readonly now: () => number,
  ) {
    for (const name of Object.keys(contract)) {
      if (typeof (handlers as Record<string, unknown>)[name] !== 'function') throw new Error(`Canale senza implementazione: ${name}`);
    }
    for (const name of Object.keys(handlers)) {
      if (!Object.hasOwn(contract, name)) throw new Error(`Implementazione senza canale nel contratto: ${name}`);
    }
  }

  async dispatch(conn: ConnectionState, channel: unknown, payload: unknown): Promise<Reply<unknown>> {
    let ctx: CallContext | null = null;
    let audited = false;
    try {
      if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) throw new AppError('UNKNOWN_CHANNEL');
      const name = channel as Channel;
      const def = contract[name] as ChannelDef;
      ctx = this.authorise(conn, name, def);
      const parsed = def.input.safeParse(payload ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      if (ctx.session && Object.keys(def.resources).length > 0) {
        audited = true;
        checkResources(workContext(ctx, this.now), name, def, parsed.data);
        checkRestriction(workContext(ctx, this.now), name, def, parsed.data);
        audited = false;
      }
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
      if (!audited && ctx?.session && error instanceof AppError && error.code === 'FORBIDDEN') this.auditRefusal(ctx, String(channel), error.message);
      return errorReply(error);
    }
  }

  private authorise(conn: ConnectionState, name: Channel, def: ChannelDef): CallContext {
    const store = () => this.vault.current();
    if (def.access === 'public') return { conn, session: conn.session, actor: actorOf(conn.session, this.workstation), store };
    const session = conn.session;
    if (!session) throw new AppError('NOT_AUTHENTICATED');
    if (this.auth.enforceIdle(conn)) throw new AppError('SESSION_LOCKED');
    // The account as it is now, not as it was at login: a disabled user or a changed profile
    // ends the session at its next call.
    const account = store().users.byId(session.user.id);
    if (!account || account.disabled || account.profile !== session.user.profile) {
      const why = !account || account.disabled ? 'Utente disattivato' : `Profilo cambiato: ${session.user.profile} → ${account.profile}`;
      this.auth.revoke(conn, why);
      throw account && !account.disabled
        ? new AppError('NOT_AUTHENTICATED', 'Il tuo profilo è stato modificato da un amministratore: accedi di nuovo.')
        : new AppError('USER_DISABLED');
    }
    const actor = actorOf(session, this.workstation);
    if (session.mustChangePassword && !def.beforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (def.access !== 'session' && !can(session.user.profile, def.access)) {
      store().writer.record(actor, {
        log: ADMIN_ACTIONS.has(def.access) ? 'admin' : 'data',
        action: name,
        outcome: 'denied',
        detail: `Permesso mancante: ${def.access}`,
      });
      throw new AppError('FORBIDDEN', forbiddenMessage(session.user.profile, def.access));
    }
    return { conn, session, actor, store };
  }

  /** A refusal raised by a handler's own rule (e.g. "no one assigns themselves"): audited too. */
  private auditRefusal(ctx: CallContext, channel: string, message: string): void {
    try {
      ctx.store().writer.record(ctx.actor, { log: 'data', action: channel, outcome: 'denied', detail: message.slice(0, 300) });
    } catch (error) {
      console.error('[core] rifiuto non registrato:', error);
    }
  }
}

/** The first problem as the message; every field's first problem in `issues`, for the form. */
function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : undefined;
  const byField = new Map<string, string>();
  for (const i of error.issues) {
    const path = i.path.map(String).join('.');
    if (path && !byField.has(path)) byField.set(path, i.message);
  }
  const issues = [...byField].map(([f, message]) => ({ field: f, message }));
  return new AppError('VALIDATION', issue?.message ?? 'Dati non validi: controlla i campi del modulo.', field, issues.length > 1 ? issues : undefined);
}
