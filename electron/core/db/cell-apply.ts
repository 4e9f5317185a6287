import type { Db } from './open';
import { hlcOf, hlcsOf, stampOf, stampsOf } from './change-stamp';
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
  /** Where the change sits in this database's log (its value is read by it, only when needed). */
  seq: number;
  hlc: string;
  node: string;
  /** Read only when a cell has more than one head (a conflict): values can be long. */
  value?: string;
  /** The changes of the cell it was written over. */
  parents: readonly string[];
}

interface IndexEntry {
  seq: number;
  col: string;
  stamp: Buffer;
  over: Buffer | null;
}

// Covering (changes_by_cell holds row key, column, stamp and parents; seq is its rowid), so a
// history is read from the index alone. The LEFT JOIN also says whether the row has a key yet.
const ROW_HISTORY =
  'SELECT k.id AS key, c.seq, c.col, c.stamp, c.over FROM change_rows k LEFT JOIN changes c INDEXED BY changes_by_cell ON c.row_key = k.id WHERE k.tbl = ? AND k.row_id = ?';
const CELL_HISTORY =
  'SELECT k.id AS key, c.seq, c.col, c.stamp, c.over FROM change_rows k LEFT JOIN changes c INDEXED BY changes_by_cell ON c.row_key = k.id AND c.col = ? WHERE k.tbl = ? AND k.row_id = ?';
const NEW_KEY = 'INSERT INTO change_rows (tbl, row_id) VALUES (?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET tbl = excluded.tbl RETURNING id';

function logged(e: IndexEntry): Logged {
  const hlc = hlcOf(e.stamp);
  return { seq: e.seq, hlc, node: hlc.slice(-16), parents: hlcsOf(e.over) };
}

/**
 * The row's key in the log and the history of each cell a change touches, in one query: of the
 * one cell when one changes (a field edited, a sync batch's usual change), else of the whole
 * row (a form saved, a row's values arriving together), whose entries are adjacent in the index.
 */
function historiesOf(db: Db, table: string, rowId: string, cells: readonly CellChange[]): { key: number; byCol: Map<string, Logged[]> } {
  const byCol = new Map<string, Logged[]>();
  for (const c of cells) byCol.set(c.col, []);
  const entries = (cells.length === 1 ? prepared(db, CELL_HISTORY).all(cells[0]!.col, table, rowId) : prepared(db, ROW_HISTORY).all(table, rowId)) as (IndexEntry & {
    key: number;
  })[];
  for (const e of entries) if (e.seq !== null) byCol.get(e.col)?.push(logged(e));
  const key = entries[0]?.key ?? (prepared(db, NEW_KEY).get(table, rowId) as { id: number }).id;
  return { key, byCol };
}

function valueAt(db: Db, seq: number): string {
  return (prepared(db, 'SELECT value FROM changes WHERE seq = ?').get(seq) as { value: string }).value;
}

function valueOf(db: Db, h: Logged): string {
  h.value ??= valueAt(db, h.seq);
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
  const log = prepared(db, 'INSERT OR IGNORE INTO changes (hlc, node, tbl, row_id, col, value, parents, row_key, stamp, over) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const winners = new Map<string, string>();
  // A new row has no history to look up, only a key to take.
  const { key, byCol } = mode === 'new' ? { key: (prepared(db, NEW_KEY).get(table, rowId) as { id: number }).id, byCol: null } : historiesOf(db, table, rowId, cells);
  let logged = 0;
  for (const c of cells) {
    if (!allowed.includes(c.col)) throw new Error(`Column ${table}.${c.col} is not writable`);
    const history = byCol?.get(c.col) ?? [];
    // A change this database holds already (a batch applied twice): nothing to write or decide.
    if (history.some((h) => h.hlc === c.hlc)) continue;
    const current = winnerOf(history);
    const parents = c.parents === 'current' ? (current ? [current.hlc] : []) : c.parents === 'heads' ? headsOf(history).map((h) => h.hlc) : c.parents;
    const run = log.run(c.hlc, c.node, table, rowId, c.col, c.value, parents.length > 0 ? JSON.stringify(parents) : null, key, stampOf(c.hlc), stampsOf(parents));
    if (run.changes === 0) continue;
    const entry: Logged = { seq: Number(run.lastInsertRowid), hlc: c.hlc, node: c.node, value: c.value, parents };
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
  // The index lists each cell's changes in stamp order: the last one of each column wins it.
  const best = new Map<string, number>();
  for (const e of prepared(db, ROW_HISTORY).all(table, rowId) as IndexEntry[]) if (e.seq !== null) best.set(e.col, e.seq);
  const cols = [...best.keys()];
  const insert = prepared(db, `INSERT INTO ${table} (id${cols.map((c) => `, ${c}`).join('')}) VALUES (?${cols.map(() => ', ?').join('')})`);
  try {
    // A savepoint: a row that cannot exist yet fails alone, not the batch.
    db.transaction(() => insert.run(rowId, ...cols.map((c) => JSON.parse(valueAt(db, best.get(c)!)) as string | number | null)))();
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
  for (const h of history) for (const p of h.parents) overwritten.add(p);
  return history.filter((h) => !overwritten.has(h.hlc));
}

function isConstraintError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
