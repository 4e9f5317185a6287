import { AppError } from '../../../../shared/domain/errors';
import type { DataDir } from '../../data-dir';
import type { AuditEntry, Actor } from '../../db/repositories/audit.repo';
import type { Anchor } from '../../keys/audit-anchor';
import { sameKey } from '../../keys/key-wrap';
import { Store } from '../../store';
import { ANCHOR_BREAK_ACTION, AuditAnchors, comparisonIsIntact, type AnchorComparison, type AnchorWrite } from '../audit/audit-anchors';
import type { ConnectionState } from './session';

export interface VaultOptions {
  workstation: string;
  now?: () => number;
  /** How often the audit chains are anchored while the database is open (only when they moved). */
  anchorIntervalMs?: number;
  /** Called with each store the vault opens: the core subscribes to its commits (the `changed` event). */
  onOpen?: (store: Store) => void;
}

const ANCHOR_EVERY_MS = 5 * 60_000;

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

  private readonly anchors: AuditAnchors;
  private readonly anchorIntervalMs: number;
  private anchorTimer: NodeJS.Timeout | null = null;
  /** What the anchor check found when the database opened, before this opening appended anything. */
  private openFindings: AnchorComparison | null = null;

  private readonly onOpen: (store: Store) => void;

  constructor(
    readonly dir: DataDir,
    options: VaultOptions,
  ) {
    this.onOpen = options.onOpen ?? (() => undefined);
    this.anchors = new AuditAnchors(dir, options.workstation, options.now);
    this.anchorIntervalMs = options.anchorIntervalMs ?? ANCHOR_EVERY_MS;
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

  open(key: Buffer): Store {
    if (this.store && this.key) {
      if (!sameKey(this.key, key)) throw new AppError('DATABASE_CORRUPT');
      return this.store;
    }
    this.dir.completeInterruptedSetup();
    this.store = Store.open(this.dir.dbFile, key);
    this.onOpen(this.store);
    this.key = Buffer.from(key);
    this.checkAnchor(this.store, this.key);
    this.flushPending();
    this.startAnchoring();
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
    try {
      this.anchorNow();
    } catch {
      // A key file that cannot be written (read-only folder) must not keep the database open;
      // the previous anchor stays, and the next opening anchors again.
    } finally {
      this.stopAnchoring();
      this.openFindings = null;
      this.store?.close();
      this.store = null;
      this.key?.fill(0);
      this.key = null;
    }
  }

  /** Anchor the audit chains in the key file now, if they moved and extend the last anchor. */
  anchorNow(): AnchorWrite | null {
    if (!this.store || !this.key) return null;
    return this.anchors.write(this.store, this.key);
  }

  /**
   * The chains against the key file's newest anchor. A break seen at opening is kept: rows
   * appended since (this very login) would otherwise hide where a cut began.
   */
  compareWithAnchor(): AnchorComparison {
    const live = this.anchors.compareWithKeyFile(this.current(), this.databaseKey());
    const found = this.openFindings;
    if (!found) return live;
    return {
      data: found.data.status === 'ok' || found.data.status === 'none' ? live.data : found.data,
      admin: found.admin.status === 'ok' || found.admin.status === 'none' ? live.admin : found.admin,
    };
  }

  /** The chains' heads now, signed with the database key: for backups and the other sede. */
  currentAnchor(): Anchor {
    return this.anchors.current(this.current(), this.databaseKey());
  }

  /** Compare the open chains with an anchor kept elsewhere (a backup, the other sede). */
  verifyAgainst(anchor: unknown): AnchorComparison {
    return this.anchors.verifyAgainst(this.current(), this.databaseKey(), anchor);
  }

  private checkAnchor(store: Store, key: Buffer): void {
    const found = this.anchors.compareWithKeyFile(store, key);
    if (comparisonIsIntact(found)) return;
    this.openFindings = found;
    store.writer.record(this.anchors.systemActor(), {
      log: 'admin',
      action: ANCHOR_BREAK_ACTION,
      outcome: 'error',
      detail: `Accessi ai dati: ${found.data.message}; azioni amministrative: ${found.admin.message}`,
    });
  }

  private startAnchoring(): void {
    this.stopAnchoring();
    this.anchorTimer = setInterval(() => {
      try {
        this.anchorNow();
      } catch {
        // Retried at the next tick and at closing; a failed anchor loses nothing already anchored.
      }
    }, this.anchorIntervalMs);
    this.anchorTimer.unref();
  }

  private stopAnchoring(): void {
    if (this.anchorTimer) clearInterval(this.anchorTimer);
    this.anchorTimer = null;
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
