import { AppError } from '../../../../shared/domain/errors';
import type { DataDir } from '../../data-dir';
import type { AuditEntry, Actor } from '../../db/repositories/audit.repo';
import { readKeyFile, writeKeyFile } from '../../keys/keyfile';
import { sameKey } from '../../keys/key-wrap';
import { Store } from '../../store';
import { MAX_PENDING, PendingAuditFile, newInboxKeys, publicKeyOf, unseal } from './pending-audit';
import type { ConnectionState } from './session';

const INBOX_PRIVATE_KEY = 'audit_inbox_private_key';
const INBOX_IMPORTED = 'audit_inbox_imported_digest';

/**
 * Holds the open database and its key while at least one session is unlocked. When the last
 * one logs out or locks, the database is closed and the key wiped from memory: a locked PC
 * holds nothing readable.
 */
export class Vault {
  private store: Store | null = null;
  private key: Buffer | null = null;
  private readonly connections = new Set<ConnectionState>();
  /** Security events from while the database is closed (failed logins), sealed to its inbox key. */
  private readonly pending: PendingAuditFile;

  constructor(
    readonly dir: DataDir,
    private readonly workstation: string,
    private readonly now: () => number = Date.now,
  ) {
    this.pending = new PendingAuditFile(dir.pendingAuditFile);
  }

  get isOpen(): boolean {
    return this.store !== null;
  }

  current(): Store {
    if (!this.store) throw new AppError('NOT_AUTHENTICATED');
    return this.store;
  }

  databaseKey(): Buffer {
    if (!this.key) throw new AppError('NOT_AUTHENTICATED');
    return this.key;
  }

  /** Open with a key the caller owns (and wipes); the vault keeps its own copy until close. */
  open(key: Buffer): Store {
    if (this.store && this.key) {
      if (!sameKey(this.key, key)) throw new AppError('DATABASE_CORRUPT');
      return this.store;
    }
    this.dir.completeInterruptedSetup();
    this.store = Store.open(this.dir.dbFile, key);
    this.key = Buffer.alloc(key.length);
    key.copy(this.key);
    this.importPending(this.store);
    return this.store;
  }

  attach(conn: ConnectionState): void {
    this.connections.add(conn);
  }

  detach(conn: ConnectionState): void {
    this.connections.delete(conn);
  }

  attached(): ConnectionState[] {
    return [...this.connections];
  }

  /** Close when no attached connection has an unlocked session. */
  closeIfIdle(): void {
    const anyUnlocked = [...this.connections].some((c) => c.session && !c.session.locked);
    if (!anyUnlocked) this.close();
  }

  close(): void {
    this.store?.close();
    this.store = null;
    this.key?.fill(0);
    this.key = null;
  }

  /** Record a security event now if the database is open, else sealed for the next opening. */
  recordSecurityEvent(actor: Actor, entry: AuditEntry): void {
    if (this.store) this.store.writer.record(actor, entry);
    else this.pending.append(this.inboxPublicKey(), { actor, entry, at: new Date(this.now()).toISOString() });
  }

  private inboxPublicKey(): string | null {
    try {
      return readKeyFile(this.dir.keyFile).auditPublicKey ?? null;
    } catch {
      return null;
    }
  }

  /**
   * The inbox key pair: private half in the database, public half in the key file. Created at
   * the first opening (new or older folders); the database's half wins if the two disagree.
   */
  private inboxPrivateKey(store: Store): string {
    let privateKey = store.writer.getMeta(INBOX_PRIVATE_KEY);
    if (!privateKey) {
      privateKey = newInboxKeys().privateKey;
      store.writer.setMeta(INBOX_PRIVATE_KEY, privateKey);
    }
    const publicKey = publicKeyOf(privateKey);
    const keyFile = readKeyFile(this.dir.keyFile);
    if (keyFile.auditPublicKey !== publicKey) writeKeyFile(this.dir.keyFile, { ...keyFile, auditPublicKey: publicKey });
    return privateKey;
  }

  /** Write the sealed events into the admin log, once: the file's digest is kept with them. */
  private importPending(store: Store): void {
    const privateKey = this.inboxPrivateKey(store);
    const waiting = this.pending.read();
    if (!waiting) return;
    if (store.writer.getMeta(INBOX_IMPORTED) !== waiting.digest) {
      const events = waiting.lines.map((line) => unseal(privateKey, line));
      const unreadable = events.filter((e) => e === null).length;
      const system: Actor = { userId: null, username: null, profile: null, workstation: this.workstation };
      store.writer.transaction(() => {
        for (const e of events) if (e) store.writer.record(e.actor, e.entry, e.at);
        if (waiting.dropped > 0 || unreadable > 0) {
          const parts = [
            waiting.dropped > 0
              ? `${waiting.dropped} ${waiting.dropped === 1 ? 'evento non conservato' : 'eventi non conservati'} (oltre il limite di ${String(MAX_PENDING).replace(/\B(?=(\d{3})+$)/g, '.')} o senza chiave di cifratura)`
              : null,
            unreadable > 0 ? `${unreadable} ${unreadable === 1 ? 'evento illeggibile' : 'eventi illeggibili'}` : null,
          ].filter(Boolean);
          store.writer.record(system, { log: 'admin', action: 'audit.pending_import', outcome: 'error', detail: `Eventi registrati ad archivio chiuso: ${parts.join('; ')}` });
        }
        store.writer.setMeta(INBOX_IMPORTED, waiting.digest);
      });
    }
    this.pending.remove();
  }
}
