import type { AnchorCheckData, AuditLogName } from '../../../../shared/contracts/audit';
import type { DataDir } from '../../data-dir';
import type { Actor } from '../../db/repositories/audit.repo';
import { AnchorSchema, anchorIsAuthentic, signAnchor, type Anchor } from '../../keys/audit-anchor';
import { readKeyFile, withAnchors, writeKeyFile } from '../../keys/keyfile';
import type { Store } from '../../store';

export type AnchorComparison = Record<AuditLogName, AnchorCheckData & { brokenAt: number | null }>;
export type AnchorWrite = 'written' | 'unchanged' | 'refused';

/** The action logged once, when the chains are first anchored: its presence means "anchors must exist". */
export const FIRST_ANCHOR_ACTION = 'audit.anchor';
/** Logged whenever opening the database finds the chains do not extend their anchor. */
export const ANCHOR_BREAK_ACTION = 'audit.anchor.break';

/** The current anchor and the one before it: enough to show what the last write replaced. */
const KEPT = 2;
const LOGS: readonly AuditLogName[] = ['data', 'admin'];

const when = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : when.format(date).replace(', ', ' alle ');
}

function both(check: (log: AuditLogName) => AnchorComparison[AuditLogName]): AnchorComparison {
  return { data: check('data'), admin: check('admin') };
}

export function comparisonIsIntact(c: AnchorComparison): boolean {
  return LOGS.every((log) => c[log].status === 'ok' || c[log].status === 'none');
}

/**
 * Anchors of the two audit chains kept in chiavi.json. Before a new anchor replaces the old
 * one, the database must still hold the anchored rows unchanged: a chain that was cut or
 * rewritten keeps the old anchor, which goes on naming the break at every check.
 */
export class AuditAnchors {
  constructor(
    private readonly dir: DataDir,
    private readonly workstation: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Both chains' heads now, signed: what a backup or the other sede keeps. */
  current(store: Store, key: Buffer): Anchor {
    return signAnchor(key, { data: store.audit.head('data'), admin: store.audit.head('admin'), at: new Date(this.now()).toISOString() });
  }

  /** Compare the chains with an anchor from anywhere: the key file, a backup, the other sede. */
  verifyAgainst(store: Store, key: Buffer, candidate: unknown): AnchorComparison {
    return this.compare(store, key, [candidate]);
  }

  /**
   * Compare with anchors newest first. The newest says how long each chain must be; each
   * anchored row still present must have its anchored hash. An older anchor narrows where a
   * rewrite happened: a row deleted and the rest renumbered shows up there, not as a cut.
   */
  private compare(store: Store, key: Buffer, candidates: readonly unknown[]): AnchorComparison {
    const anchors: Anchor[] = [];
    for (const candidate of candidates) {
      const parsed = AnchorSchema.safeParse(candidate);
      if (!parsed.success || !anchorIsAuthentic(key, parsed.data)) {
        return both(() => ({
          status: 'invalid',
          at: null,
          seq: null,
          brokenAt: null,
          message: "l'ancoraggio esterno non è autentico: è stato modificato, oppure appartiene a un altro archivio",
        }));
      }
      anchors.push(parsed.data);
    }
    const newest = anchors[0];
    if (newest === undefined) throw new Error('compare needs at least one anchor');
    return both((log) => {
      const head = store.audit.head(log);
      const base = { at: newest.at, seq: newest[log].seq };
      const oldestFirst = [...anchors].reverse();
      const rewritten = oldestFirst.find((a) => a[log].seq > 0 && a[log].seq <= head.seq && store.audit.hashAt(log, a[log].seq) !== a[log].hash);
      if (rewritten) {
        const seq = rewritten[log].seq;
        const message = `la catena è stata riscritta fino alla registrazione n. ${seq} (ancoraggio del ${formatWhen(rewritten.at)})`;
        return { ...base, status: 'rewritten', brokenAt: seq, message };
      }
      const anchoredSeq = newest[log].seq;
      if (head.seq < anchoredSeq) {
        const from = head.seq + 1;
        const date = formatWhen(newest.at);
        const message =
          from === anchoredSeq
            ? `manca la registrazione n. ${from} (tagliata dopo l'ancoraggio del ${date})`
            : `mancano le registrazioni dalla n. ${from} alla n. ${anchoredSeq} (tagliate dopo l'ancoraggio del ${date})`;
        return { ...base, status: 'cut', brokenAt: from, message };
      }
      const where = anchoredSeq > 0 ? ` (registrazione n. ${anchoredSeq})` : ', quando era ancora vuoto';
      return { ...base, status: 'ok', brokenAt: null, message: `coerente con l'ancoraggio esterno del ${formatWhen(newest.at)}${where}` };
    });
  }

  /** Compare the chains with the newest anchor in the key file. */
  compareWithKeyFile(store: Store, key: Buffer): AnchorComparison {
    const stored = this.stored();
    if (stored.length === 0) {
      if (store.audit.hasAdminAction(FIRST_ANCHOR_ACTION)) {
        return both(() => ({
          status: 'missing',
          at: null,
          seq: null,
          brokenAt: null,
          message: 'gli ancoraggi esterni sono stati tolti da chiavi.json, ma il registro dice che erano stati scritti',
        }));
      }
      return both(() => ({
        status: 'none',
        at: null,
        seq: null,
        brokenAt: null,
        message: 'nessun ancoraggio esterno ancora: il primo si scrive alla chiusura del programma',
      }));
    }
    return this.compare(store, key, stored);
  }

  /**
   * Anchor the current heads if they moved and still extend the anchored ones. Refused, leaving
   * the old anchor as evidence, when the chains were cut or rewritten or the anchor is not
   * authentic. Synchronous, like every key-file write.
   */
  write(store: Store, key: Buffer): AnchorWrite {
    const stored = this.stored();
    const newest = stored[0];
    if (newest === undefined) {
      if (store.audit.hasAdminAction(FIRST_ANCHOR_ACTION)) return 'refused';
    } else {
      if (!comparisonIsIntact(this.compare(store, key, stored))) return 'refused';
      const anchor = newest as Anchor;
      if (LOGS.every((log) => sameHead(anchor[log], store.audit.head(log)))) return 'unchanged';
    }
    const written = this.replace(store, key, newest === undefined ? [] : [newest as Anchor]);
    if (newest === undefined) {
      // Logged only once an anchor is on disk (a key file that cannot be written must not leave
      // the log claiming anchors), then anchored in turn, so cutting it shows.
      store.writer.record(this.systemActor(), { log: 'admin', action: FIRST_ANCHOR_ACTION, detail: 'Primo ancoraggio esterno delle catene del registro' });
      this.replace(store, key, [written]);
    }
    return 'written';
  }

  private replace(store: Store, key: Buffer, kept: readonly Anchor[]): Anchor {
    const anchor = this.current(store, key);
    writeKeyFile(this.dir.keyFile, withAnchors(readKeyFile(this.dir.keyFile), [anchor, ...kept].slice(0, KEPT)));
    return anchor;
  }

  systemActor(): Actor {
    return { userId: null, username: null, profile: null, workstation: this.workstation };
  }

  private stored(): unknown[] {
    return readKeyFile(this.dir.keyFile).anchors ?? [];
  }
}

function sameHead(a: { seq: number; hash: string }, b: { seq: number; hash: string }): boolean {
  return a.seq === b.seq && a.hash === b.hash;
}
