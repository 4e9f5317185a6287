import { AppError } from '../../../shared/domain/errors';
import { AuditBatch } from './audit-batch';
import type { Clock } from './clock';
import type { Db } from './open';
import type { Actor, AuditEntry, AuditRepository } from './repositories/audit.repo';
import { WRITABLE, type CellValue, type RowValues, type WritableTable } from './schema';

/**
 * The one write path. Every insert or update a service makes goes through here, and in the
 * same transaction writes the audit row and one change per cell, stamped by the HLC, which is
 * what sync ships later. Nothing else in the core writes to these tables (a test checks it).
 */
/** The row operations of a batch: the batch's one audit row covers them. */
export interface RowWriter {
  insert<T extends WritableTable>(table: T, id: string, values: RowValues<T>): void;
  update<T extends WritableTable>(table: T, id: string, patch: RowValues<T>): boolean;
}

export class Writer {
  /** Tables written in the transaction under way; announced once it commits. */
  private readonly touched = new Set<string>();
  private readonly listeners = new Set<(tables: string[]) => void>();
  private readonly batch = new AuditBatch(() => this.flushAudit());

  constructor(
    private readonly db: Db,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** Called after each committed transaction that wrote data, with the tables it wrote. */
  onCommit(listener: (tables: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Nested calls join the outer transaction; only the outermost commit is announced. Batched
   * audit rows still waiting are written first, in the same commit, so the chain keeps the
   * order in which things happened.
   */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(fn)();
    const waiting = this.batch.take();
    let result: T;
    try {
      result = this.db.transaction(() => {
        if (waiting.length > 0) this.audit.appendMany(waiting);
        return fn();
      })();
    } catch (error) {
      this.touched.clear();
      this.batch.putBack(waiting);
      throw error;
    }
    if (this.touched.size > 0) {
      const tables = [...this.touched].sort();
      this.touched.clear();
      for (const listener of this.listeners) listener(tables);
    }
    return result;
  }

  insert<T extends WritableTable>(actor: Actor, table: T, id: string, values: RowValues<T>, entry: AuditEntry): void {
    this.transaction(() => {
      this.insertRow(table, id, values);
      this.audit.append(actor, entry);
    });
  }

  /** Update the given columns; only cells whose value differs are written and logged. */
  update<T extends WritableTable>(actor: Actor, table: T, id: string, patch: RowValues<T>, entry: AuditEntry): boolean {
    return this.transaction(() => {
      const changed = this.updateRow(table, id, patch);
      this.audit.append(actor, entry);
      return changed;
    });
  }

  /**
   * Several rows written as one act (a month of presenze): one transaction, one audit row for
   * the act, a change per cell as always.
   */
  writeRows(actor: Actor, entry: AuditEntry, write: (rows: RowWriter) => void): void {
    this.transaction(() => {
      write({ insert: (table, id, values) => this.insertRow(table, id, values), update: (table, id, patch) => this.updateRow(table, id, patch) });
      this.audit.append(actor, entry);
    });
  }

  private insertRow<T extends WritableTable>(table: T, id: string, values: RowValues<T>): void {
    const cols = columnsOf(table, values);
    this.db.prepare(`INSERT INTO ${table} (id${cols.map((c) => `, ${c}`).join('')}) VALUES (?${cols.map(() => ', ?').join('')})`).run(id, ...cols.map((c) => cell(values, c)));
    this.recordChanges(
      table,
      id,
      cols.map((c) => [c, cell(values, c)]),
    );
  }

  private updateRow<T extends WritableTable>(table: T, id: string, patch: RowValues<T>): boolean {
    const cols = columnsOf(table, patch);
    const current = this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, CellValue> | undefined;
    if (!current) throw new AppError('NOT_FOUND');
    const changed = cols.filter((c) => current[c] !== cell(patch, c));
    if (changed.length > 0) {
      this.db.prepare(`UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...changed.map((c) => cell(patch, c)), id);
      this.recordChanges(
        table,
        id,
        changed.map((c) => [c, cell(patch, c)]),
      );
    }
    return changed.length > 0;
  }

  /**
   * A bulk import (demo data, migrations from another program): every row and cell as usual,
   * one audit row for the batch. Runs inside the caller's transaction.
   */
  importRows<T extends WritableTable>(actor: Actor, table: T, rows: readonly { id: string; values: RowValues<T> }[], entry: AuditEntry): void {
    if (rows.length === 0) return;
    const cols = columnsOf(table, rows[0]!.values);
    const stmt = this.db.prepare(`INSERT INTO ${table} (id${cols.map((c) => `, ${c}`).join('')}) VALUES (?${cols.map(() => ', ?').join('')})`);
    this.transaction(() => {
      for (const row of rows) {
        stmt.run(row.id, ...cols.map((c) => cell(row.values, c)));
        this.recordChanges(
          table,
          row.id,
          cols.map((c) => [c, cell(row.values, c)]),
        );
      }
      this.audit.append(actor, { ...entry, detail: `${entry.detail ?? ''} ${rows.length} righe in ${table}`.trim() });
    });
  }

  /**
   * This database's own settings (the `meta` table: never synced, no change rows), such as the
   * private half of the key that seals events recorded while the database was closed.
   */
  setMeta(key: string, value: string): void {
    this.db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
  }

  getMeta(key: string): string | null {
    return (this.db.prepare(`SELECT value FROM meta WHERE key = ?`).get(key) as { value: string } | undefined)?.value ?? null;
  }

  /** An audit row with no data change: reads of personal data, refusals, logins. */
  record(actor: Actor, entry: AuditEntry, at?: string): void {
    this.transaction(() => {
      this.audit.append(actor, entry, at);
    });
  }

  /**
   * The audit row of a list view (search results, an agenda week): queued, and written within
   * AUDIT_BATCH_MS, at the next write, or when the store closes, whichever comes first.
   */
  recordBatched(actor: Actor, entry: AuditEntry): void {
    this.batch.add({ actor, entry, at: new Date().toISOString() });
  }

  /** Write the queued audit rows now (before the logs are read or anchored, and at closing). */
  flushAudit(): void {
    if (this.batch.size === 0 || !this.db.open) return;
    this.transaction(() => undefined);
  }

  /** Rows still waiting for the batch (tests and the bench). */
  get pendingAudit(): number {
    return this.batch.size;
  }

  /** Write what is queued and stop the timer: the store is closing. */
  close(): void {
    try {
      this.flushAudit();
    } finally {
      this.batch.cancel();
    }
  }

  private recordChanges(table: string, rowId: string, cells: [string, CellValue][]): void {
    if (cells.length > 0) this.touched.add(table);
    const stmt = this.db.prepare(`INSERT INTO changes (hlc, node, tbl, row_id, col, value) VALUES (?, ?, ?, ?, ?, ?)`);
    for (const [col, value] of cells) stmt.run(this.clock.now(), this.clock.node, table, rowId, col, JSON.stringify(value));
  }
}

function columnsOf(table: WritableTable, values: object): string[] {
  const allowed: readonly string[] = WRITABLE[table];
  const cols = Object.keys(values).filter((k) => (values as Record<string, unknown>)[k] !== undefined);
  for (const c of cols) if (!allowed.includes(c)) throw new Error(`Column ${table}.${c} is not writable`);
  return cols;
}

function cell(values: object, col: string): CellValue {
  const v = (values as Record<string, unknown>)[col];
  if (typeof v === 'boolean') return v ? 1 : 0;
  return (v ?? null) as CellValue;
}
