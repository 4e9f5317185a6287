import type { Actor, AuditEntry } from './repositories/audit.repo';

/** How long a list view's audit rows may wait in memory before they are written. */
export const AUDIT_BATCH_MS = 1000;

export interface QueuedAuditRow {
  actor: Actor;
  entry: AuditEntry;
  /** When the read happened: the row keeps it, not the time it was written. */
  at: string;
}

/**
 * The audit rows of list views (search results, an agenda week), held in memory and written
 * together: one commit, and so one fsync, per second instead of one per read. The writer takes
 * them into its next transaction, the timer forces one within AUDIT_BATCH_MS, and closing the
 * store writes whatever is left. Opening a single person or case never waits here.
 */
export class AuditBatch {
  private queue: QueuedAuditRow[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flush: () => void,
    private readonly delayMs = AUDIT_BATCH_MS,
  ) {}

  get size(): number {
    return this.queue.length;
  }

  add(row: QueuedAuditRow): void {
    this.queue.push(row);
    this.schedule();
  }

  /** Everything queued, oldest first; the caller writes it or gives it back. */
  take(): QueuedAuditRow[] {
    this.cancel();
    const rows = this.queue;
    this.queue = [];
    return rows;
  }

  /** Rows whose transaction rolled back: they go first again, and are retried on the timer. */
  putBack(rows: readonly QueuedAuditRow[]): void {
    if (rows.length === 0) return;
    this.queue = [...rows, ...this.queue];
    this.schedule();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.flush();
      } catch {
        // The rows were put back by the failed transaction; the next tick tries again.
        this.schedule();
      }
    }, this.delayMs);
    // Not what keeps the process alive: every way out of the core closes the store, which flushes.
    this.timer.unref();
  }
}
