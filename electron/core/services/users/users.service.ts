import { AppError } from '../../../../shared/domain/errors';
import { PROFILE_LABELS, can, type Profile } from '../../../../shared/domain/permissions';
import { AccountNotices } from './account-notices';
import type { ParsedInputOf } from '../../../../shared/contracts';
import type { UserData } from '../../../../shared/contracts/users';
import type { Actor } from '../../db/repositories/audit.repo';
import { uuidv7 } from '../../ids';
import type { Store } from '../../store';
import type { KeyRing } from '../auth/key-ring';
import { putKeySlot } from '../auth/key-slots';
import { assertNewPassword } from '../auth/password-rule';

const ADMIN_PROFILES: readonly Profile[] = ['amministratore'];

/** Staff accounts. Each user's password wraps the database key in the key file. */
export class UsersService {
  private readonly notices: AccountNotices;

  constructor(
    private readonly store: Store,
    private readonly keys: KeyRing,
    private readonly dbKey: Buffer,
    now: () => number = Date.now,
  ) {
    this.notices = new AccountNotices(store, now);
  }

  list(actor: Actor): UserData[] {
    this.store.writer.record(actor, { log: 'admin', action: 'users.list', subjectType: 'utenti' });
    return this.store.users.list();
  }

  async create(actor: Actor, input: ParsedInputOf<'users.create'>): Promise<UserData> {
    if (this.store.users.byUsername(input.username)) {
      throw new AppError('CONFLICT', `Il nome utente «${input.username}» è già in uso: scegline un altro.`, 'username');
    }
    this.checkSede(input.sedeId);
    assertNewPassword(input.password, input.username, 'password');
    const id = uuidv7();
    const wrapped = await this.keys.wrapFor(this.dbKey, id, input.password);
    // The key file entry is written inside the transaction: if it fails, the user row goes too.
    this.store.writer.transaction(() => {
      const at = new Date().toISOString();
      // The entry also goes to the synced slots: the account opens every paired sede.
      this.store.writer.writeRows(
        actor,
        { log: 'admin', action: 'users.create', subjectType: 'utente', subjectId: id, subjectLabel: input.username, detail: `Profilo ${input.profile}` },
        (rows) => {
          rows.insert('users', id, {
            username: input.username,
            full_name: input.fullName,
            profile: input.profile,
            sede_id: input.sedeId,
            disabled: 0,
            must_change_password: 1,
            created_at: at,
          });
          putKeySlot(rows, this.store, { id, username: input.username }, wrapped, at);
        },
      );
      this.notices.record(actor, { userId: id, tipo: 'creazione', dettaglio: `Account creato con il profilo «${PROFILE_LABELS[input.profile]}» e una password provvisoria` });
      this.keys.store(id, input.username, wrapped);
    });
    return this.mustGet(id);
  }

  update(actor: Actor, input: ParsedInputOf<'users.update'>): UserData {
    const before = this.mustGet(input.id);
    this.checkSede(input.sedeId);
    if (before.id === actor.userId && before.profile !== input.profile) {
      throw new AppError('VALIDATION', 'Non puoi cambiare il tuo stesso profilo: chiedi a un altro amministratore.', 'profile');
    }
    this.keepOneAdmin(before, input.profile, false);
    const changes = before.profile !== input.profile;
    // Riservato notes for an account an administrator created or reset in the last 24 hours: a
    // second administrator confirms the new profile first (with one only, it goes through, flagged).
    const grantsReserved = changes && can(input.profile, 'diary.reserved') && !can(before.profile, 'diary.reserved');
    const rule = grantsReserved ? this.notices.secondAdminRule(input.id) : { required: false, single: false };
    const dettaglio = `Profilo «${PROFILE_LABELS[before.profile]}» → «${PROFILE_LABELS[input.profile]}»`;
    this.store.writer.transaction(() => {
      this.store.writer.update(
        actor,
        'users',
        input.id,
        { full_name: input.fullName, profile: rule.required ? before.profile : input.profile, sede_id: input.sedeId },
        {
          log: 'admin',
          action: 'users.update',
          subjectType: 'utente',
          subjectId: input.id,
          subjectLabel: before.username,
          detail: changes ? `${dettaglio}${rule.required ? ' (in attesa della conferma di un secondo amministratore)' : ''}` : null,
        },
      );
      if (changes) {
        this.notices.record(actor, {
          userId: input.id,
          tipo: 'profilo',
          dettaglio,
          ...(rule.required ? { stato: 'da_confermare' as const, azione: { kind: 'profile' as const, profile: input.profile } } : {}),
          unicoAdmin: rule.single,
        });
      }
    });
    return this.mustGet(input.id);
  }

  /** Carried out when a second administrator confirms a pending profile change. */
  applyProfile(actor: Actor, userId: string, profile: Profile): void {
    const before = this.mustGet(userId);
    this.keepOneAdmin(before, profile, false);
    this.store.writer.update(
      actor,
      'users',
      userId,
      { profile },
      {
        log: 'admin',
        action: 'users.update',
        subjectType: 'utente',
        subjectId: userId,
        subjectLabel: before.username,
        detail: `Profilo ${before.profile} → ${profile} (confermato da un secondo amministratore)`,
      },
    );
  }

  setDisabled(actor: Actor, { id, disabled }: ParsedInputOf<'users.setDisabled'>): UserData {
    const before = this.mustGet(id);
    if (id === actor.userId && disabled) throw new AppError('VALIDATION', 'Non puoi disattivare il tuo stesso utente.');
    if (disabled) this.keepOneAdmin(before, before.profile, true);
    if (!disabled && !this.keys.hasEntry(id)) {
      throw new AppError(
        'VALIDATION',
        `La password di ${before.fullName} è stata annullata alla disattivazione: usa «Reimposta password» per dargli una password provvisoria, che lo riattiva.`,
      );
    }
    this.store.writer.transaction(() => {
      this.store.writer.writeRows(
        actor,
        {
          log: 'admin',
          action: disabled ? 'users.disable' : 'users.enable',
          subjectType: 'utente',
          subjectId: id,
          subjectLabel: before.username,
          detail: disabled ? 'Password annullata nel file delle chiavi' : null,
        },
        (rows) => {
          rows.update('users', id, { disabled: disabled ? 1 : 0 });
          // Annulled in the synced slot too: the other sedi's key files drop the entry.
          if (disabled) putKeySlot(rows, this.store, before, null, new Date().toISOString());
        },
      );
      if (disabled) this.keys.remove(id);
    });
    return this.mustGet(id);
  }

  async resetPassword(actor: Actor, { id, newPassword }: ParsedInputOf<'users.resetPassword'>): Promise<void> {
    const user = this.mustGet(id);
    assertNewPassword(newPassword, user.username, 'newPassword');
    const wrapped = await this.keys.wrapFor(this.dbKey, id, newPassword);
    this.store.writer.transaction(() => {
      this.store.writer.writeRows(
        actor,
        {
          log: 'admin',
          action: 'users.resetPassword',
          subjectType: 'utente',
          subjectId: id,
          subjectLabel: user.username,
          detail: user.disabled ? 'Password provvisoria impostata dall’amministratore; utente riattivato' : 'Password provvisoria impostata dall’amministratore',
        },
        (rows) => {
          rows.update('users', id, { must_change_password: 1, disabled: 0 });
          putKeySlot(rows, this.store, user, wrapped, new Date().toISOString());
        },
      );
      this.notices.record(actor, { userId: id, tipo: 'reset_password', dettaglio: 'Password reimpostata dall’amministratore con una password provvisoria' });
      this.keys.store(id, user.username, wrapped);
    });
  }

  private mustGet(id: string): UserData {
    const user = this.store.users.byId(id);
    if (!user) throw new AppError('NOT_FOUND', 'Utente non trovato.');
    return user;
  }

  private checkSede(sedeId: string | null): void {
    if (sedeId !== null && !this.store.zone.sede(sedeId)) throw new AppError('VALIDATION', 'La sede scelta non esiste.', 'sedeId');
  }

  /** Never leave the zone without an active administrator. */
  private keepOneAdmin(user: UserData, newProfile: Profile, disabling: boolean): void {
    const losesAdmin = ADMIN_PROFILES.includes(user.profile) && !user.disabled && (disabling || !ADMIN_PROFILES.includes(newProfile));
    if (losesAdmin && this.store.users.countActiveWithProfiles(ADMIN_PROFILES) <= 1) {
      throw new AppError('VALIDATION', 'Deve restare almeno un amministratore attivo.');
    }
  }
}
