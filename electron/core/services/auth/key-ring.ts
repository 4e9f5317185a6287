import { findUserEntry, readKeyFile, withUserEntry, withoutUserEntry, writeKeyFile, type KeyFile } from '../../keys/keyfile';
import { burnKdf, unwrapKey, wrapKey, type KdfParams, type WrappedKey } from '../../keys/key-wrap';
import type { DataDir } from '../../data-dir';

/** The key file seen as a ring of per-user entries, all wrapping the same database key. */
export class KeyRing {
  constructor(
    private readonly dir: DataDir,
    readonly passwordKdf: KdfParams,
  ) {}

  read(): KeyFile {
    return readKeyFile(this.dir.keyFile);
  }

  /** The database key if this user name and password match an entry, else null. */
  async unlockWithPassword(username: string, password: string): Promise<{ userId: string; key: Buffer } | null> {
    const entry = findUserEntry(this.read(), username);
    if (!entry) {
      await burnKdf(password, this.passwordKdf);
      return null;
    }
    const key = await unwrapKey(entry.wrapped, password, entry.userId);
    return key ? { userId: entry.userId, key } : null;
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<Buffer | null> {
    return unwrapKey(this.read().recovery, recoveryKey, 'recovery');
  }

  /** Slow half of setting a password (scrypt), done before any transaction opens. */
  async wrapFor(dbKey: Buffer, userId: string, password: string): Promise<WrappedKey> {
    return wrapKey(dbKey, password, userId, this.passwordKdf);
  }

  /** Fast half: write the entry, synchronously, inside the caller's database transaction. */
  store(userId: string, username: string, wrapped: WrappedKey): void {
    writeKeyFile(this.dir.keyFile, withUserEntry(this.read(), userId, username, wrapped));
  }

  /** A disabled user's entry goes: a copy of the folder taken later does not open with their password. */
  remove(userId: string): void {
    const keyFile = this.read();
    if (Object.hasOwn(keyFile.users, userId)) writeKeyFile(this.dir.keyFile, withoutUserEntry(keyFile, userId));
  }

  hasEntry(userId: string): boolean {
    return Object.hasOwn(this.read().users, userId);
  }
}
