import { WrappedKeySchema, type KdfParams, type WrappedKey } from '../../keys/key-wrap';
import type { KeyFile } from '../../keys/keyfile';
import type { RowWriter } from '../../db/writer';
import type { Store } from '../../store';
import type { KeyRing } from './key-ring';

/**
 * A user's key-file entry, copied into the synced `user_key_slots` table by the same act that
 * writes it into this node's key file: every paired node shares the database key, so the entry
 * opens the other sedi too once their key files take it (syncKeyFile, after each sync cycle).
 * `wrapped` null: the password is annulled (the account disabled), the other key files drop it.
 */
export function putKeySlot(rows: RowWriter, store: Store, user: { id: string; username: string }, wrapped: WrappedKey | null, at: string): void {
  const values = { username: user.username, wrapped: wrapped ? JSON.stringify(wrapped) : '', updated_at: at };
  if (store.keySlots.has(user.id)) rows.update('user_key_slots', user.id, values);
  else rows.insert('user_key_slots', user.id, values);
}

/** The strongest scrypt a slot may ask for: beyond it, a slot could make every login here run out of memory. */
const KDF_CEILING: KdfParams = { N: 2 ** 20, r: 16, p: 4 };

export interface KeyFileSync {
  added: number;
  replaced: number;
  removed: number;
  /** Removals waiting because the user has a session open here (done by a later cycle). */
  deferred: number;
  /** Slots not taken: malformed, or a KDF weaker than this node's (or absurdly strong). */
  refused: number;
}

/**
 * This node's key file brought in line with the synced slots (the table holds, per cell, the
 * newest value by HLC, so every node ends up with the same entries). Only what a slot or an
 * account's state says changes: users with no slot yet (accounts older than the table) keep their
 * entry as it is. Never removed: the entry of a user with a session open here (locked ones too:
 * they unlock with it), nor the last entry of the file. One atomic write, and only if something changed.
 */
export function syncKeyFile(store: Store, keys: KeyRing, signedIn: ReadonlySet<string>): KeyFileSync {
  const outcome: KeyFileSync = { added: 0, replaced: 0, removed: 0, deferred: 0, refused: 0 };
  const file = keys.read();
  const users: KeyFile['users'] = { ...file.users };
  for (const account of store.keySlots.accounts()) {
    const entry = users[account.id];
    if (account.disabled === 1 || account.wrapped === '') {
      if (!entry) continue;
      if (signedIn.has(account.id)) outcome.deferred++;
      else {
        delete users[account.id];
        outcome.removed++;
      }
      continue;
    }
    if (account.wrapped === null) continue;
    const wrapped = parseSlot(account.wrapped, keys.passwordKdf);
    if (!wrapped) {
      outcome.refused++;
      continue;
    }
    if (entry && entry.username === account.username && JSON.stringify(entry.wrapped) === JSON.stringify(wrapped)) continue;
    users[account.id] = { username: account.username, wrapped };
    if (entry) outcome.replaced++;
    else outcome.added++;
  }
  const changed = outcome.added + outcome.replaced + outcome.removed > 0;
  if (changed && Object.keys(users).length > 0) keys.replaceUsers(users);
  return outcome;
}

/** A slot as the key file would hold it, or null when it is not one this node accepts. */
function parseSlot(json: string, floor: KdfParams): WrappedKey | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = WrappedKeySchema.safeParse(value);
  if (!parsed.success) return null;
  const { N, r, p } = parsed.data.kdf;
  // A weaker KDF than this node's would make its key file cheaper to attack with a stolen copy.
  const fits = N >= floor.N && r >= floor.r && p >= floor.p && N <= KDF_CEILING.N && r <= KDF_CEILING.r && p <= KDF_CEILING.p;
  return fits ? parsed.data : null;
}
