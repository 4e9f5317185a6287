import type { Profile } from '../../../../shared/domain/permissions';
import { flag, table, text } from './columns';

export type NoticeTipo = 'creazione' | 'reset_password' | 'profilo' | 'assegnazione';
export type NoticeStato = 'eseguito' | 'da_confermare' | 'confermato' | 'rifiutato';

/** Accounts, the notices of what administrators did to them, their key-file entries (migrations 0001, 0004, 0018). */
export const usersTables = {
  users: table({
    username: text(),
    full_name: text(),
    profile: text<Profile>(),
    sede_id: text().null(),
    disabled: flag(),
    must_change_password: flag(),
    created_at: text(),
  }),
  /** Each user's key-file entry, synced to every paired node (see services/auth/key-slots.ts). */
  user_key_slots: table({
    username: text(),
    /** The wrapped database key as JSON; '' once the password is annulled. */
    wrapped: text(),
    updated_at: text(),
  }),
  account_notices: table({
    user_id: text(),
    tipo: text<NoticeTipo>(),
    dettaglio: text(),
    autore_id: text().null(),
    at: text(),
    stato: text<NoticeStato>(),
    /** What a confirmation carries out, as JSON. */
    azione: text(),
    unico_admin: flag(),
    confermato_da: text().null(),
    confermato_il: text().null(),
    visto_il: text().null(),
    rivisto_da: text().null(),
    rivisto_il: text().null(),
  }),
};
