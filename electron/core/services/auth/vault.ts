import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../../../shared/domain/errors';
import type { DataDir } from '../../data-dir';
import type { AuditEntry, Actor } from '../../db/repositories/audit.repo';
import type { Anchor } from '../../keys/audit-anchor';
import { readKeyFile, writeKeyFile } from '../../keys/keyfile';
import { sameKey } from '../../keys/key-wrap';
import { Store } from '../../store';
import { ANCHOR_BREAK_ACTION, AuditAnchors, comparisonIsIntact, type AnchorComparison, type AnchorWrite } from '../audit/audit-anchors';
import { MAX_PENDING, PendingAuditFile, newInboxKeys, publicKeyOf, unseal } from './pending-audit';
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

  private readonly anchors: AuditAnchors;
  private readonly anchorIntervalMs: number;
  private anchorTimer: NodeJS.Timeout | null = null;
  /** What the anchor check found when the database opened, before this opening appended anything. */
  private openFindings: AnchorComparison | null = null;

  private readonly onOpen: (store: Store) => void;
  private readonly workstation: string;
  private readonly now: () => number;

  constructor(
    readonly dir: DataDir,
    options: VaultOptions,
  ) {
    this.workstation = options.workstation;
    this.now = options.now ?? Date.now;
    this.onOpen = options.onOpen ?? (() => undefined);
    this.pending = new PendingAuditFile(dir.pendingAuditFile);
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

  /** Open with a key the caller owns (and wipes); the vault keeps its own copy until close. */
  open(key: Buffer): Store {
    if (this.store && this.key) {
      if (!sameKey(this.key, key)) throw new AppError('DATABASE_CORRUPT');
      return this.store;
    }
    this.dir.completeInterruptedSetup();
    this.store = Store.open(this.dir.dbFile, key, false, `${os.hostname()}\n${fs.realpathSync(this.dir.dbFile)}`);
    this.onOpen(this.store);
    this.key = Buffer.alloc(key.length);
    key.copy(this.key);
    // The anchor is compared before this opening appends anything (the imported events, the login).
    this.checkAnchor(this.store, this.key);
    this.importPending(this.store);
    this.startAnchoring();
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
    try {
      // The list views' queued audit rows go in before the chains' heads are anchored.
      this.store?.writer.flushAudit();
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
    this.store.writer.flushAudit();
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
