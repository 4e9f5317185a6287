import { AppError } from '../../../../shared/domain/errors';
import { PERMISSION_MATRIX, type Profile } from '../../../../shared/domain/permissions';
import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import type { SessionInfoData } from '../../../../shared/contracts/auth';
import type { UserData } from '../../../../shared/contracts/users';
import { newRecoveryKey, normaliseRecoveryKey } from '../../keys/recovery-key';
import type { Store } from '../../store';
import type { KeyRing } from './key-ring';
import { putKeySlot } from './key-slots';
import { KDF_BUSY } from './kdf-gate';
import { LoginThrottle, type Attempt, type ThrottleScope } from './login-throttle';
import { assertNewPassword } from './password-rule';
import { actorOf, type ConnectionState, type Session } from './session';
import type { Vault } from './vault';

/** Profiles whose forgotten password the recovery key may reset. */
const RECOVERABLE: readonly Profile[] = ['amministratore', 'coordinatore'];

export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly vault: Vault,
    private readonly keys: KeyRing,
    private readonly workstation: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.throttle = new LoginThrottle(vault.dir.throttleFile, (name) => keys.userIdOf(name), clock);
  }

  async login(conn: ConnectionState, { username, password }: ParsedInputOf<'auth.login'>): Promise<SessionInfoData> {
    const key = await this.checkPassword(username, password, 'auth.login');
    const store = this.openWith(key.key);
    const user = this.activeUser(store, key.userId, username, 'auth.login');
    this.vault.attach(conn);
    if (conn.session && !conn.session.locked) this.endSession(conn, 'auth.logout', 'Cambio utente');
    conn.session = { user: sessionUser(user), locked: false, lastActivity: this.clock(), mustChangePassword: user.mustChangePassword };
    store.writer.record(actorOf(conn.session, this.workstation), { log: 'admin', action: 'auth.login', subjectType: 'utente', subjectId: user.id, subjectLabel: user.username });
    return this.info(conn);
  }

  async unlock(conn: ConnectionState, { password }: ParsedInputOf<'auth.unlock'>): Promise<SessionInfoData> {
    const session = conn.session;
    if (!session) throw new AppError('NOT_AUTHENTICATED');
    const key = await this.checkPassword(session.user.username, password, 'auth.unlock');
    const store = this.openWith(key.key);
    const user = this.activeUser(store, key.userId, session.user.username, 'auth.unlock');
    session.locked = false;
    session.lastActivity = this.clock();
    session.mustChangePassword = user.mustChangePassword;
    store.writer.record(actorOf(session, this.workstation), { log: 'admin', action: 'auth.unlock' });
    return this.info(conn);
  }

  lock(conn: ConnectionState, reason: 'manual' | 'idle'): void {
    const session = conn.session;
    if (!session || session.locked) return;
    if (this.vault.isOpen) {
      this.vault.current().writer.record(actorOf(session, this.workstation), {
        log: 'admin',
        action: 'auth.lock',
        detail: reason === 'idle' ? 'Blocco automatico per inattività' : 'Blocco richiesto dall’utente',
      });
    }
    session.locked = true;
    this.vault.closeIfIdle();
  }

  logout(conn: ConnectionState): void {
    if (conn.session) this.endSession(conn, 'auth.logout', null);
    this.vault.detach(conn);
    this.vault.closeIfIdle();
  }

  /** A connection went away (window closed, socket dropped): same as logging out. */
  disconnect(conn: ConnectionState): void {
    if (conn.session) this.endSession(conn, 'auth.logout', 'Connessione chiusa');
    this.vault.detach(conn);
    this.vault.closeIfIdle();
  }

  async changePassword(conn: ConnectionState, { currentPassword, newPassword }: ParsedInputOf<'auth.changePassword'>): Promise<SessionInfoData> {
    const session = conn.session;
    if (!session) throw new AppError('NOT_AUTHENTICATED');
    if (currentPassword === newPassword) throw new AppError('VALIDATION', 'La nuova password deve essere diversa da quella attuale.', 'newPassword');
    assertNewPassword(newPassword, session.user.username, 'newPassword');
    const key = await this.checkPassword(session.user.username, currentPassword, 'auth.changePassword', 'currentPassword');
    key.key.fill(0);
    const store = this.vault.current();
    const actor = actorOf(session, this.workstation);
    const wrapped = await this.keys.wrapFor(this.vault.databaseKey(), session.user.id, newPassword);
    store.writer.transaction(() => {
      store.writer.writeRows(
        actor,
        {
          log: 'admin',
          action: 'auth.changePassword',
          subjectType: 'utente',
          subjectId: session.user.id,
          subjectLabel: session.user.username,
        },
        (rows) => {
          rows.update('users', session.user.id, { must_change_password: 0 });
          putKeySlot(rows, store, session.user, wrapped, new Date(this.clock()).toISOString());
        },
      );
      this.keys.store(session.user.id, session.user.username, wrapped);
    });
    session.mustChangePassword = false;
    return this.info(conn);
  }

  /**
   * Reset a forgotten administrator password with the recovery key. The key used is spent: a new
   * one replaces it in the key file and is returned once, to be printed.
   */
  async recover({ username, recoveryKey, newPassword }: ParsedInputOf<'auth.recover'>): Promise<OutputOf<'auth.recover'>> {
    const system = actorOf(null, this.workstation);
    assertNewPassword(newPassword, username, 'newPassword');
    const attempt = this.beginAttempt('recovery', username, 'auth.recover');
    const normalised = normaliseRecoveryKey(recoveryKey);
    let key: Buffer | null;
    try {
      key = normalised ? await this.keys.unlockWithRecoveryKey(normalised) : null;
    } catch (error) {
      attempt.cancel();
      throw error;
    }
    if (!key) {
      const failures = attempt.fail();
      this.vault.recordSecurityEvent(
        { ...system, username },
        { log: 'admin', action: 'auth.recover', outcome: 'denied', detail: `Chiave di recupero errata (tentativo n. ${failures})` },
      );
      throw new AppError('WRONG_RECOVERY_KEY', undefined, 'recoveryKey');
    }
    attempt.succeed();
    const wasOpen = this.vault.isOpen;
    try {
      const store = this.vault.open(key);
      const user = store.users.byUsername(username);
      if (!user || !RECOVERABLE.includes(user.profile)) {
        throw new AppError('VALIDATION', 'La chiave di recupero reimposta solo la password di un amministratore o di un coordinatore: controlla il nome utente.', 'username');
      }
      const wrapped = await this.keys.wrapFor(key, user.id, newPassword);
      const nextKey = newRecoveryKey();
      const recovery = await this.keys.wrapRecovery(key, nextKey);
      const actor = { ...system, username };
      store.writer.transaction(() => {
        store.writer.writeRows(
          actor,
          {
            log: 'admin',
            action: 'auth.recover',
            subjectType: 'utente',
            subjectId: user.id,
            subjectLabel: user.username,
            detail: 'Password reimpostata con la chiave di recupero',
          },
          (rows) => {
            rows.update('users', user.id, { must_change_password: 0, disabled: 0 });
            // The new password opens the other sedi too; their recovery keys stay their own.
            putKeySlot(rows, store, user, wrapped, new Date(this.clock()).toISOString());
          },
        );
        store.writer.record(actor, {
          log: 'admin',
          action: 'keys.recovery_issued',
          subjectType: 'utente',
          subjectId: user.id,
          subjectLabel: user.username,
          detail: 'Nuova chiave di recupero generata dopo il recupero e mostrata per la stampa; la precedente non vale più',
        });
        this.keys.storeRecovered(user.id, user.username, wrapped, recovery);
      });
      return { recoveryKey: nextKey };
    } finally {
      key.fill(0);
      if (!wasOpen) this.vault.closeIfIdle();
    }
  }

  /** Lock a session whose idle time has passed; true when it is (now) locked. */
  enforceIdle(conn: ConnectionState): boolean {
    const session = conn.session;
    if (!session) return false;
    if (session.locked) return true;
    const timeoutMs = (this.vault.isOpen ? this.vault.current().zone.idleTimeoutMin() : 10) * 60_000;
    if (this.clock() - session.lastActivity > timeoutMs) {
      this.lock(conn, 'idle');
      return true;
    }
    return false;
  }

  /**
   * The core's own idle timer calls this: sessions past their limit lock without waiting for
   * their next call, and with none left unlocked the database closes and its key is wiped.
   */
  sweepIdle(): void {
    try {
      for (const conn of this.vault.attached()) this.enforceIdle(conn);
    } catch (error) {
      // A timer must never bring the core down; the next tick or call tries again.
      console.error('[core] blocco per inattività non riuscito:', (error as Error).name);
    }
  }

  touch(conn: ConnectionState): void {
    if (conn.session && !conn.session.locked) conn.session.lastActivity = this.clock();
  }

  info(conn: ConnectionState): SessionInfoData {
    const session = conn.session;
    if (!session) throw new AppError('NOT_AUTHENTICATED');
    return {
      user: session.user,
      permissions: [...PERMISSION_MATRIX[session.user.profile]],
      idleTimeoutMin: this.vault.isOpen ? this.vault.current().zone.idleTimeoutMin() : 10,
      mustChangePassword: session.mustChangePassword,
      locked: session.locked,
      workstation: this.workstation,
    };
  }

  private async checkPassword(username: string, password: string, action: string, field = 'password'): Promise<{ userId: string; key: Buffer }> {
    const attempt = this.beginAttempt('login', username, action);
    let result: { userId: string; key: Buffer } | null;
    try {
      result = await this.keys.unlockWithPassword(username, password);
    } catch (error) {
      attempt.cancel();
      throw error;
    }
    if (!result) {
      const failures = attempt.fail();
      this.vault.recordSecurityEvent(
        { ...actorOf(null, this.workstation), username },
        { log: 'admin', action, outcome: 'denied', detail: `Password errata (tentativo n. ${failures})` },
      );
      throw new AppError('WRONG_CREDENTIALS', undefined, field === 'password' ? undefined : field);
    }
    attempt.succeed();
    return result;
  }

  /**
   * Count an attempt before any KDF runs, or refuse it at once (and audit the refusal): the core
   * is already running its share of KDFs, the name is blocked, or the name has one in flight.
   */
  private beginAttempt(scope: ThrottleScope, username: string, action: string): Attempt {
    const refused = (detail: string) => this.vault.recordSecurityEvent({ ...actorOf(null, this.workstation), username }, { log: 'admin', action, outcome: 'denied', detail });
    if (!this.keys.gate.available) {
      refused('Rifiutato senza verifica: troppe richieste contemporanee');
      throw new AppError('TOO_MANY_REQUESTS', KDF_BUSY);
    }
    try {
      return this.throttle.begin(scope, username);
    } catch (error) {
      if (error instanceof AppError && error.code === 'TOO_MANY_ATTEMPTS') refused('Rifiutato senza verifica: troppi tentativi per questo nome utente');
      throw error;
    }
  }

  /** Open the vault with a key just unwrapped; the vault keeps its own copy, this one is wiped. */
  private openWith(key: Buffer): Store {
    try {
      return this.vault.open(key);
    } finally {
      key.fill(0);
    }
  }

  private activeUser(store: Store, userId: string, username: string, action: string): UserData {
    const user = store.users.byId(userId);
    if (!user || user.disabled || user.username !== username) {
      store.writer.record({ ...actorOf(null, this.workstation), username }, { log: 'admin', action, outcome: 'denied', detail: 'Utente disattivato' });
      this.vault.closeIfIdle();
      throw new AppError('USER_DISABLED');
    }
    return user;
  }

  /** The account changed under an open session (disabled, new profile): the session ends. */
  revoke(conn: ConnectionState, detail: string): void {
    if (conn.session) this.endSession(conn, 'auth.revoked', detail);
    this.vault.detach(conn);
    this.vault.closeIfIdle();
  }

  /** Every session ends and the database closes: a restore is about to replace it under them. */
  revokeAll(detail: string): void {
    for (const conn of this.vault.attached()) {
      if (conn.session) this.endSession(conn, 'auth.revoked', detail);
      this.vault.detach(conn);
    }
    this.vault.close();
  }

  private endSession(conn: ConnectionState, action: string, detail: string | null): void {
    const session = conn.session;
    conn.session = null;
    if (session && this.vault.isOpen) this.vault.current().writer.record(actorOf(session, this.workstation), { log: 'admin', action, detail });
  }
}

function sessionUser(user: UserData): Session['user'] {
  return { id: user.id, username: user.username, fullName: user.fullName, profile: user.profile, sedeId: user.sedeId };
}
