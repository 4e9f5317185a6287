import { findUserEntry, readKeyFile, withUserEntry, withoutUserEntry, writeKeyFile, type KeyFile } from '../../keys/keyfile';
import { RECOVERY_KDF, burnKdf, unwrapKey, wrapKey, type KdfParams, type WrappedKey } from '../../keys/key-wrap';
import type { DataDir } from '../../data-dir';
import { KdfGate } from './kdf-gate';

/**
 * The key file seen as a ring of per-user entries, all wrapping the same database key. Every
 * KDF it runs goes through one gate, so the core never runs more than a few at once.
 */
export class KeyRing {
  constructor(
    private readonly dir: DataDir,
    readonly passwordKdf: KdfParams,
    readonly gate: KdfGate = new KdfGate(),
  ) {}

  read(): KeyFile {
    return readKeyFile(this.dir.keyFile);
  }

  /** The database key if this user name and password match an entry, else null. */
  async unlockWithPassword(username: string, password: string): Promise<{ userId: string; key: Buffer } | null> {
    const entry = findUserEntry(this.read(), username);
    return this.gate.run(async () => {
      if (!entry) {
        await burnKdf(password, this.passwordKdf);
        return null;
      }
      const key = await unwrapKey(entry.wrapped, password, entry.userId);
      return key ? { userId: entry.userId, key } : null;
    });
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<Buffer | null> {
    const wrapped = this.read().recovery;
    return this.gate.run(() => unwrapKey(wrapped, recoveryKey, 'recovery'));
  }

  /** Slow half of setting a password (scrypt), done before any transaction opens. */
  async wrapFor(dbKey: Buffer, userId: string, password: string): Promise<WrappedKey> {
    return this.wrapCopy(dbKey, password, userId, this.passwordKdf);
  }

  /** Slow half of issuing a new recovery key. */
  async wrapRecovery(dbKey: Buffer, recoveryKey: string): Promise<WrappedKey> {
    return this.wrapCopy(dbKey, recoveryKey, 'recovery', RECOVERY_KDF);
  }

  /**
   * Wrap a private copy, taken before the KDF's await: if the vault locks meanwhile and wipes its
   * key, the entry must not end up wrapping zeros (the write then fails on the closed database).
   */
  private async wrapCopy(dbKey: Buffer, secret: string, label: string, params: KdfParams): Promise<WrappedKey> {
    const copy = Buffer.alloc(dbKey.length);
    dbKey.copy(copy);
    try {
      return await this.gate.run(() => wrapKey(copy, secret, label, params));
    } finally {
      copy.fill(0);
    }
  }

  /** The user id a name has in the key file, or null: the throttle keys its counts by it. */
  userIdOf(username: string): string | null {
    return findUserEntry(this.read(), username)?.userId ?? null;
  }

  /** Fast half: write the entry, synchronously, inside the caller's database transaction. */
  store(userId: string, username: string, wrapped: WrappedKey): void {
    writeKeyFile(this.dir.keyFile, withUserEntry(this.read(), userId, username, wrapped));
  }

  /** After a recovery: the user's new entry and the new recovery entry, in one write. */
  storeRecovered(userId: string, username: string, wrapped: WrappedKey, recovery: WrappedKey): void {
    writeKeyFile(this.dir.keyFile, { ...withUserEntry(this.read(), userId, username, wrapped), recovery });
  }

  /** A disabled user's entry goes: a copy of the folder taken later does not open with their password. */
  remove(userId: string): void {
    const keyFile = this.read();
    if (Object.hasOwn(keyFile.users, userId)) writeKeyFile(this.dir.keyFile, withoutUserEntry(keyFile, userId));
  }

  /** The user entries replaced as a whole, in one atomic write (the synced slots, see key-slots.ts). */
  replaceUsers(users: KeyFile['users']): void {
    writeKeyFile(this.dir.keyFile, { ...this.read(), users });
  }

  hasEntry(userId: string): boolean {
    return Object.hasOwn(this.read().users, userId);
  }
}
