import { createHash } from 'node:crypto';
import type { Db } from '../open';
import { prepared } from '../statements';
import type { AuditLogName, AuditRowData, ChainReportData } from '../../../../shared/contracts/audit';

/** What walking one chain finds, before it is compared with an anchor kept elsewhere. */
export type ChainWalk = Omit<ChainReportData, 'anchor'>;

export interface Actor {
  userId: string | null;
  username: string | null;
  profile: string | null;
  workstation: string;
}

export interface AuditEntry {
  log: AuditLogName;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  subjectLabel?: string | null;
  purpose?: string | null;
  outcome?: 'ok' | 'denied' | 'error';
  detail?: string | null;
}

const TABLE: Record<AuditLogName, string> = { data: 'audit_log', admin: 'admin_log' };
export const GENESIS = '0'.repeat(64);

/**
 * The viewer's filters, the period already as UTC instants: `fromAt` included, `toAt` excluded.
 * An action matches itself and the channels under it (`cases` → `cases.get`); a subject matches
 * its id, or part of its label (a name, a case number).
 */
export interface AuditQuery {
  outcome: string | null;
  username: string | null;
  action: string | null;
  soggetto: string | null;
  fromAt: string | null;
  toAt: string | null;
}

const FILTER_SQL = `(@outcome IS NULL OR outcome = @outcome)
  AND (@username IS NULL OR username = @username)
  AND (@action IS NULL OR action = @action OR action LIKE @actionPrefix ESCAPE '\\')
  AND (@soggetto IS NULL OR subject_id = @soggetto OR subject_label LIKE @soggettoLike ESCAPE '\\')
  AND (@fromAt IS NULL OR at >= @fromAt)
  AND (@toAt IS NULL OR at < @toAt)`;

function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function queryParams(q: Partial<AuditQuery>): Record<string, string | null> {
  const soggetto = q.soggetto == null || q.soggetto.trim() === '' ? null : q.soggetto.trim();
  return {
    outcome: q.outcome ?? null,
    username: q.username ?? null,
    action: q.action ?? null,
    actionPrefix: q.action == null ? null : `${likeEscaped(q.action)}.%`,
    soggetto,
    soggettoLike: soggetto === null ? null : `%${likeEscaped(soggetto)}%`,
    fromAt: q.fromAt ?? null,
    toAt: q.toAt ?? null,
  };
}

/** A row as stored in audit_log / admin_log (the tests that tamper with rows use it too). */
export interface StoredRow {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  profile: string | null;
  workstation: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  subject_label: string | null;
  purpose: string | null;
  outcome: 'ok' | 'denied' | 'error';
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** Canonical form of a row for hashing: fixed field order, JSON-escaped, seq included. */
function canonical(r: Omit<StoredRow, 'prev_hash' | 'hash'>): string {
  return JSON.stringify([r.seq, r.at, r.user_id, r.username, r.profile, r.workstation, r.action, r.subject_type, r.subject_id, r.subject_label, r.purpose, r.outcome, r.detail]);
}

export function chainHash(prevHash: string, row: Omit<StoredRow, 'prev_hash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(row)).digest('hex');
}

/**
 * The audit logs (Garante 2015 access-log guidance): append-only by trigger and hash-chained,
 * h_n = SHA-256(h_{n-1} ‖ canonical row). Appends run inside the caller's transaction.
 */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  append(actor: Actor, entry: AuditEntry, at: string = new Date().toISOString()): number {
    return this.appendMany([{ actor, entry, at }]);
  }

  /** Several rows in one go (a batch of list views' reads): the chain's head is read once per log. */
  appendMany(rows: readonly { actor: Actor; entry: AuditEntry; at: string }[]): number {
    const heads = new Map<AuditLogName, { seq: number; hash: string }>();
    let seq = 0;
    for (const { actor, entry, at } of rows) {
      const table = TABLE[entry.log];
      const last = heads.get(entry.log) ?? (prepared(this.db, `SELECT seq, hash FROM ${table} ORDER BY seq DESC LIMIT 1`).get() as { seq: number; hash: string } | undefined);
      const row = {
        seq: (last?.seq ?? 0) + 1,
        at,
        user_id: actor.userId,
        username: actor.username,
        profile: actor.profile,
        workstation: actor.workstation,
        action: entry.action,
        subject_type: entry.subjectType ?? null,
        subject_id: entry.subjectId ?? null,
        subject_label: entry.subjectLabel ?? null,
        purpose: entry.purpose ?? null,
        outcome: entry.outcome ?? 'ok',
        detail: entry.detail ?? null,
      };
      const prevHash = last?.hash ?? GENESIS;
      const hash = chainHash(prevHash, row);
      prepared(
        this.db,
        `INSERT INTO ${table} (seq, at, user_id, username, profile, workstation, action, subject_type, subject_id,
           subject_label, purpose, outcome, detail, prev_hash, hash)
         VALUES (@seq, @at, @user_id, @username, @profile, @workstation, @action, @subject_type, @subject_id,
           @subject_label, @purpose, @outcome, @detail, @prev_hash, @hash)`,
      ).run({ ...row, prev_hash: prevHash, hash });
      heads.set(entry.log, { seq: row.seq, hash });
      seq = row.seq;
    }
    return seq;
  }

  list(log: AuditLogName, filter: Partial<AuditQuery> & { beforeSeq: number | null; limit: number }): { rows: AuditRowData[]; hasMore: boolean } {
    const rows = prepared(this.db, `SELECT * FROM ${TABLE[log]} WHERE ${FILTER_SQL} AND (@beforeSeq IS NULL OR seq < @beforeSeq) ORDER BY seq DESC LIMIT @limit`).all({
      ...queryParams(filter),
      beforeSeq: filter.beforeSeq,
      limit: filter.limit + 1,
    }) as StoredRow[];
    const hasMore = rows.length > filter.limit;
    return { rows: rows.slice(0, filter.limit).map(toAuditRow), hasMore };
  }

  /** Every row the filters select, oldest first, up to `max` (one more tells the caller it was too many). */
  select(log: AuditLogName, filter: AuditQuery, max: number): AuditRowData[] {
    return (prepared(this.db, `SELECT * FROM ${TABLE[log]} WHERE ${FILTER_SQL} ORDER BY seq LIMIT @max`).all({ ...queryParams(filter), max }) as StoredRow[]).map(toAuditRow);
  }

  /** Rows about one subject, oldest first: "who accessed this person's data and when". */
  bySubject(subjectType: string, subjectId: string): AuditRowData[] {
    return (this.db.prepare(`SELECT * FROM audit_log WHERE subject_type = ? AND subject_id = ? ORDER BY seq`).all(subjectType, subjectId) as StoredRow[]).map(toAuditRow);
  }

  count(log: AuditLogName): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${TABLE[log]}`).get() as { n: number }).n;
  }

  /** The last row's number and hash; seq 0 and the genesis hash for an empty log. */
  head(log: AuditLogName): { seq: number; hash: string } {
    const last = this.db.prepare(`SELECT seq, hash FROM ${TABLE[log]} ORDER BY seq DESC LIMIT 1`).get() as { seq: number; hash: string } | undefined;
    return last ?? { seq: 0, hash: GENESIS };
  }

  hashAt(log: AuditLogName, seq: number): string | null {
    const row = this.db.prepare(`SELECT hash FROM ${TABLE[log]} WHERE seq = ?`).get(seq) as { hash: string } | undefined;
    return row?.hash ?? null;
  }

  /** Whether an administrative action was ever logged (used for "this chain was anchored before"). */
  hasAdminAction(action: string): boolean {
    return this.db.prepare(`SELECT 1 FROM admin_log WHERE action = ? LIMIT 1`).get(action) !== undefined;
  }

  /** Walk the chain; report the first row whose link, number or hash does not hold. */
  verify(log: AuditLogName): ChainWalk {
    let prevHash = GENESIS;
    let expectedSeq = 1;
    let checked = 0;
    for (const row of this.db.prepare(`SELECT * FROM ${TABLE[log]} ORDER BY seq`).iterate() as IterableIterator<StoredRow>) {
      if (row.seq !== expectedSeq) return broken(checked, expectedSeq, `manca la registrazione n. ${expectedSeq}`);
      if (row.prev_hash !== prevHash) return broken(checked, row.seq, 'il collegamento alla registrazione precedente non corrisponde');
      const { prev_hash: _p, hash: _h, ...fields } = row;
      if (chainHash(prevHash, fields) !== row.hash) return broken(checked, row.seq, 'il contenuto è stato modificato');
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    return { ok: true, checked, firstBroken: null };
  }
}

function broken(checked: number, seq: number, reason: string): ChainWalk {
  return { ok: false, checked, firstBroken: { seq, reason } };
}

function toAuditRow(r: StoredRow): AuditRowData {
  return {
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    profile: r.profile,
    workstation: r.workstation,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectLabel: r.subject_label,
    purpose: r.purpose,
    outcome: r.outcome,
    detail: r.detail,
  };
}
