import type { Db } from './open';
import { prepared } from './statements';
import { WRITABLE, type WritableTable } from './schema';

/**
 * One cell's change as the log keeps it. `parents` are the changes of the same cell it was written
 * over (the value its author saw): a local edit has the current winner as its one parent, a row's
 * first values have none, a resolved conflict has every head it merges. Value is the cell as JSON.
 */
export interface CellChange {
  hlc: string;
  node: string;
  col: string;
  value: string;
  /** 'current': on top of whatever wins the cell now (a local edit); 'heads': over every open version (a resolved conflict). */
  parents: readonly string[] | 'current' | 'heads';
}

export interface RowOutcome {
  /** Changes new to this database (a change seen before is skipped: applying twice = once). */
  logged: number;
  /** Whether the row's cells in the table changed. */
  wrote: boolean;
  /** The row cannot exist yet (its first values have not arrived): kept in the log, retried. */
  pending: boolean;
}

interface Logged {
  hlc: string;
  node: string;
  /** Read only when a cell has more than one head (a conflict): values can be long. */
  value?: string;
  parents: string | null;
  /** `parents` parsed, once: a cell's history is walked for its heads before and after a change. */
  parsed?: readonly string[];
}

const CELL_HISTORY = 'SELECT hlc, node, parents FROM changes INDEXED BY changes_by_cell WHERE tbl = ? AND row_id = ? AND col = ?';
const ROW_HISTORY = 'SELECT col, hlc, node, parents FROM changes INDEXED BY changes_by_cell WHERE tbl = ? AND row_id = ?';

/**
 * The history of each cell a change touches. One query per row when several cells change (a
 * form saved, a row's values arriving together): the row's entries are adjacent in the index.
 */
function historiesOf(db: Db, table: string, rowId: string, cells: readonly CellChange[]): Map<string, Logged[]> {
  const byCol = new Map<string, Logged[]>();
  if (cells.length === 1) {
    const col = cells[0]!.col;
    byCol.set(col, prepared(db, CELL_HISTORY).all(table, rowId, col) as Logged[]);
    return byCol;
  }
  for (const c of cells) byCol.set(c.col, []);
  for (const h of prepared(db, ROW_HISTORY).all(table, rowId) as (Logged & { col: string })[]) byCol.get(h.col)?.push({ hlc: h.hlc, node: h.node, parents: h.parents });
  return byCol;
}

function valueOf(db: Db, h: Logged): string {
  h.value ??= (prepared(db, 'SELECT value FROM changes WHERE hlc = ?').get(h.hlc) as { value: string }).value;
  return h.value;
}

/**
 * How the row stands: `new`, a row this node is creating (a new id has no history to look up);
 * `existing`, a local edit of a row in its table; `remote`, changes from another workstation,
 * for a row that may or may not be here yet.
 */
export type RowMode = 'new' | 'existing' | 'remote';

/**
 * The one apply path. A local write and a change from another workstation both come here: each
 * cell goes into the change log, the cell's winner is the change with the highest HLC (the same
 * on every node), the table holds the winners, and every other head of the cell's history (a
 * change no later change was written over) whose value differs is an open conflict, so a losing
 * value is never lost and every node that holds the same changes lists the same conflicts.
 */
export function applyRowCells(db: Db, table: WritableTable, rowId: string, cells: readonly CellChange[], mode: RowMode): RowOutcome {
  const allowed: readonly string[] = WRITABLE[table];
  const log = prepared(db, 'INSERT OR IGNORE INTO changes (hlc, node, tbl, row_id, col, value, parents) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const winners = new Map<string, string>();
  const histories = mode === 'new' ? null : historiesOf(db, table, rowId, cells);
  let logged = 0;
  for (const c of cells) {
    if (!allowed.includes(c.col)) throw new Error(`Column ${table}.${c.col} is not writable`);
    const history = histories?.get(c.col) ?? [];
    // A change this database holds already (a batch applied twice): nothing to write or decide.
    if (history.some((h) => h.hlc === c.hlc)) continue;
    const current = winnerOf(history);
    const parents = c.parents === 'current' ? (current ? [current.hlc] : []) : c.parents === 'heads' ? headsOf(history).map((h) => h.hlc) : c.parents;
    const entry: Logged = { hlc: c.hlc, node: c.node, value: c.value, parents: parents.length > 0 ? JSON.stringify(parents) : null, parsed: parents };
    if (log.run(c.hlc, c.node, table, rowId, c.col, c.value, entry.parents).changes === 0) continue;
    logged++;
    const winner = current && current.hlc > c.hlc ? current : entry;
    if (winner === entry) winners.set(c.col, c.value);
    const before = headsOf(history).length;
    history.push(entry);
    if (before > 1 || headsOf(history).length > 1) recordConflicts(db, table, rowId, c.col, history, winner);
  }
  if (mode === 'new') {
    const cols = [...winners.keys()];
    // One statement per call site's column list, compiled once: bulk imports insert thousands.
    prepared(db, `INSERT INTO ${table} (id${cols.map((c) => `, ${c}`).join('')}) VALUES (?${cols.map(() => ', ?').join('')})`).run(rowId, ...valuesOf(winners));
    return { logged, wrote: true, pending: false };
  }
  if (winners.size === 0) return { logged, wrote: false, pending: false };
  const cols = [...winners.keys()];
  // Compiled once per column list: a sync batch updates thousands of rows the same way.
  const updated = prepared(db, `UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...valuesOf(winners), rowId).changes > 0;
  // A remote row not here yet is inserted from the log's winners once it can exist. (Changes
  // that win no cell leave a missing row as it was: pending, retried at the end of the batch.)
  if (!updated && mode === 'remote') {
    const inserted = insertFromLog(db, table, rowId);
    return { logged, wrote: inserted, pending: !inserted };
  }
  return { logged, wrote: updated, pending: false };
}

function valuesOf(winners: Map<string, string>): (string | number | null)[] {
  return [...winners.values()].map((v) => JSON.parse(v) as string | number | null);
}

/**
 * A row whose values are in the log but not in its table (its first values came from another
 * workstation after later edits, or without a value its table requires): inserted from the
 * winners of every cell once they satisfy the table's constraints, else left pending.
 */
export function insertFromLog(db: Db, table: WritableTable, rowId: string): boolean {
  const rows = prepared(db, 'SELECT col, hlc, node, value, parents FROM changes WHERE tbl = ? AND row_id = ?').all(table, rowId) as (Logged & { col: string; value: string })[];
  const best = new Map<string, Logged & { value: string }>();
  for (const r of rows) if ((best.get(r.col)?.hlc ?? '') < r.hlc) best.set(r.col, r);
  const cols = [...best.keys()];
  const insert = prepared(db, `INSERT INTO ${table} (id${cols.map((c) => `, ${c}`).join('')}) VALUES (?${cols.map(() => ', ?').join('')})`);
  try {
    // A savepoint: a row that cannot exist yet fails alone, not the batch.
    db.transaction(() => insert.run(rowId, ...cols.map((c) => JSON.parse(best.get(c)!.value) as string | number | null)))();
    prepared(db, 'DELETE FROM sync_pending_rows WHERE tbl = ? AND row_id = ?').run(table, rowId);
    return true;
  } catch (error) {
    if (!isConstraintError(error)) throw error;
    prepared(db, 'INSERT OR IGNORE INTO sync_pending_rows (tbl, row_id) VALUES (?, ?)').run(table, rowId);
    return false;
  }
}

function recordConflicts(db: Db, table: string, rowId: string, col: string, history: readonly Logged[], winner: Logged): void {
  // Derived from the log, so every node holding the same changes lists the same conflicts; a
  // resolution is a change written over every head, after which none is left.
  prepared(db, 'DELETE FROM sync_conflicts WHERE tbl = ? AND row_id = ? AND col = ?').run(table, rowId, col);
  const add = prepared(db, 'INSERT INTO sync_conflicts (loser_hlc, tbl, row_id, col, value, node, winner_hlc) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const h of headsOf(history)) if (h.hlc !== winner.hlc && valueOf(db, h) !== valueOf(db, winner)) add.run(h.hlc, table, rowId, col, valueOf(db, h), h.node, winner.hlc);
}

function winnerOf(history: readonly Logged[]): Logged | null {
  let best: Logged | null = null;
  for (const h of history) if (!best || h.hlc > best.hlc) best = h;
  return best;
}

/** The changes of a cell that no other change was written over. */
function headsOf(history: readonly Logged[]): Logged[] {
  if (history.length <= 1) return [...history];
  const overwritten = new Set<string>();
  for (const h of history) for (const p of (h.parsed ??= h.parents ? (JSON.parse(h.parents) as string[]) : [])) overwritten.add(p);
  return history.filter((h) => !overwritten.has(h.hlc));
}

function isConstraintError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
