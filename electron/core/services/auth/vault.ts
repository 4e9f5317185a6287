import { AppError } from '../../../../shared/domain/errors';
import type { DataDir } from '../../data-dir';
import type { AuditEntry, Actor } from '../../db/repositories/audit.repo';
import { sameKey } from '../../keys/key-wrap';
import { Store } from '../../store';
import type { ConnectionState } from './session';

/**
 * Holds the open database and its key while at least one session is unlocked. When the last
 * one logs out or locks, the database is closed and the key wiped from memory: a locked PC
 * holds nothing readable.
 */
export class Vault {
  private store: Store | null = null;
  private key: Buffer | null = null;
  private readonly connections = new Set<ConnectionState>();
  /** Security events that happened while the database was closed (failed logins). */
  private readonly pending: { actor: Actor; entry: AuditEntry; at: string }[] = [];

  /** `onOpen`: the core subscribes to each opened store's commits (the `changed` push event). */
  constructor(
    readonly dir: DataDir,
    private readonly onOpen: (store: Store) => void = () => undefined,
  ) {}

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

  open(key: Buffer): Store {
    if (this.store && this.key) {
      if (!sameKey(this.key, key)) throw new AppError('DATABASE_CORRUPT');
      return this.store;
    }
    this.dir.completeInterruptedSetup();
    this.store = Store.open(this.dir.dbFile, key);
    this.onOpen(this.store);
    this.key = Buffer.from(key);
    this.flushPending();
    return this.store;
  }

  attach(conn: ConnectionState): void {
    this.connections.add(conn);
  }

  detach(conn: ConnectionState): void {
    this.connections.delete(conn);
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

  /** Record a security event now if the database is open, else at the next opening. */
  recordSecurityEvent(actor: Actor, entry: AuditEntry): void {
    if (this.store) this.store.writer.record(actor, entry);
    else this.pending.push({ actor, entry, at: new Date().toISOString() });
  }

  private flushPending(): void {
    const store = this.store;
    if (!store) return;
    const events = this.pending.splice(0);
    if (events.length === 0) return;
    store.writer.transaction(() => {
      for (const e of events) store.writer.record(e.actor, e.entry, e.at);
    });
  }
}
