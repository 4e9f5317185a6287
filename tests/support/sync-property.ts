import fs from 'node:fs';
import { prepared } from '../../electron/core/db/statements';
import { isServiceOp, runService, type Op, type Written } from './sync-operations';
import { canonical, deliver, deliverAll, ownSegments, replicas, runRoot, type Replica, type Template } from './sync-replicas';

/**
 * One run of the convergence property: the operations at three replicas, then a full exchange,
 * then the checks. Throws (with a readable reason) when a check fails.
 *
 * The model keeps every write a service acknowledged, which replica made it, and which earlier
 * writes of the same cell that replica held when it wrote: a write made over one it had received
 * replaced it on purpose; any other write of the cell is concurrent, and must survive.
 */
interface Ack extends Written {
  n: number;
  at: number;
  /** The change the writer logged for it. */
  hlc: string;
  /** Earlier writes of the same cell its replica held when it wrote: replaced on purpose. */
  over: Set<number>;
}

/** Pairs of replicas a partition can cut: bit i of `cut` cuts LINKS[i]. */
const LINKS = [
  [0, 1],
  [0, 2],
  [1, 2],
] as const;

export interface RunFigures {
  acknowledged: number;
  conflicts: number;
  segments: number;
}

export function runConvergence(t: Template, ops: readonly Op[]): RunFigures {
  const root = runRoot();
  const nodes = replicas(t, root);
  try {
    return run(t, nodes, ops);
  } finally {
    for (const r of nodes) r.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function run(t: Template, nodes: Replica[], ops: readonly Op[]): RunFigures {
  const acks: Ack[] = [];
  let cut = 0;
  const linked = (a: number, b: number) => !LINKS.some(([x, y], i) => (cut & (1 << i)) !== 0 && ((x === a && y === b) || (x === b && y === a)));

  for (const op of ops) {
    if (isServiceOp(op)) {
      const r = nodes[(op as { at: number }).at]!;
      for (const w of runService(op, r, t)) {
        // What this replica held of the cell when it wrote (its own writes, what sync brought).
        const over = new Set(acks.filter((a) => a.tbl === w.tbl && a.row === w.row && a.col === w.col && holds(r, a.hlc)).map((a) => a.n));
        const hlc = ownLatest(r, w);
        if (!hlc) throw new Error(`the service acknowledged a write the change log does not hold: ${JSON.stringify(w)}`);
        acks.push({ ...w, n: acks.length, at: r.index, hlc, over });
      }
    } else if (op.k === 'sync') {
      nodes[op.at]!.sync();
    } else if (op.k === 'deliver') {
      const from = nodes[op.from]!;
      const to = nodes[op.to]!;
      const segments = ownSegments(from);
      if (from !== to && linked(op.from, op.to) && segments.length > 0) deliver(from, to, segments[op.pick % segments.length]!, op.copy);
    } else if (op.k === 'partition') {
      cut = op.cut;
    } else if (op.k === 'crash') {
      nodes[op.at]!.crash(op.point);
    } else {
      // The workstation is switched off and on again: the store reopened from its file.
      nodes[op.at]!.restart();
    }
  }

  // The network heals: every replica sends what it has, receives everything, and again.
  for (let round = 0; round < 2; round++) {
    for (const r of nodes) r.sync();
    deliverAll(nodes);
  }
  for (const r of nodes) {
    const report = r.sync();
    if (report.rejected.length > 0) throw new Error(`replica ${r.index} rejected segments: ${JSON.stringify(report.rejected)}`);
    if (report.waiting.length > 0) throw new Error(`replica ${r.index} still waits for segments: ${JSON.stringify(report.waiting)}`);
  }
  check(nodes, acks);
  return { acknowledged: acks.length, conflicts: nodes[0]!.store.sync.conflicts().length, segments: nodes.reduce((n, r) => n + ownSegments(r).length, 0) };
}

function holds(r: Replica, hlc: string): boolean {
  return prepared(r.store.db, 'SELECT 1 FROM changes WHERE hlc = ?').get(hlc) !== undefined;
}

function ownLatest(r: Replica, w: Written): string | null {
  const row = prepared(r.store.db, 'SELECT hlc, value FROM changes WHERE tbl = ? AND row_id = ? AND col = ? AND node = ? ORDER BY hlc DESC LIMIT 1').get(
    w.tbl,
    w.row,
    w.col,
    r.node,
  ) as { hlc: string; value: string } | undefined;
  return row && row.value === w.value ? row.hlc : null;
}

function check(nodes: Replica[], acks: readonly Ack[]): void {
  for (const r of nodes) {
    const pending = r.store.db.prepare('SELECT tbl, row_id FROM sync_pending_rows ORDER BY tbl, row_id').all();
    if (pending.length > 0) throw new Error(`replica ${r.index} holds rows it cannot insert: ${JSON.stringify(pending)}`);
  }
  const first = nodes[0]!;
  for (const r of nodes.slice(1)) {
    if (canonical(r) !== canonical(first)) throw new Error(`replicas 0 and ${r.index} differ after a full exchange: ${firstDifference(first, r)}`);
    const a = JSON.stringify(first.store.sync.conflicts());
    if (JSON.stringify(r.store.sync.conflicts()) !== a) throw new Error(`replicas 0 and ${r.index} list different conflicts`);
  }
  for (const r of nodes) {
    for (const a of acks) {
      if (!holds(r, a.hlc)) throw new Error(`replica ${r.index} never received an acknowledged write: ${JSON.stringify(describe(a))}`);
      if (!kept(r, a, acks)) throw new Error(`replica ${r.index} lost an acknowledged write: ${JSON.stringify(describe(a))}`);
    }
  }
}

/**
 * A written value is the cell's value, or a loser listed in the conflicts table, or it was
 * replaced by a write made over it. Diary text is never just replaced: it is the entry's text, a
 * conflict copy, or one of the entry's kept earlier versions.
 */
function kept(r: Replica, a: Ack, acks: readonly Ack[]): boolean {
  const db = r.store.db;
  const current = prepared(db, `SELECT ${a.col} AS v FROM ${a.tbl} WHERE id = ?`).get(a.row) as { v: unknown } | undefined;
  if (current && JSON.stringify(current.v) === a.value) return true;
  if (prepared(db, 'SELECT 1 FROM sync_conflicts WHERE tbl = ? AND row_id = ? AND col = ? AND value = ?').get(a.tbl, a.row, a.col, a.value)) return true;
  if (a.tbl === 'diary_entries') return prepared(db, 'SELECT 1 FROM diary_versions WHERE entry_id = ? AND testo = ?').get(a.row, JSON.parse(a.value) as string) !== undefined;
  return acks.some((later) => later.over.has(a.n));
}

const describe = (a: Ack) => ({ tbl: a.tbl, row: a.row, col: a.col, value: a.value, replica: a.at });

/** The first table whose rows differ, for the failure message (ids and columns only). */
function firstDifference(a: Replica, b: Replica): string {
  const tables = (a.store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((x) => x.name);
  for (const name of tables) {
    if (['meta', 'changes', 'audit_log', 'sync_pending_rows', 'sync_unknown_changes'].includes(name) || name.startsWith('audit') || name.includes('search')) continue;
    const rowsA = JSON.stringify(a.store.db.prepare(`SELECT * FROM ${name} ORDER BY 1`).all());
    const rowsB = JSON.stringify(b.store.db.prepare(`SELECT * FROM ${name} ORDER BY 1`).all());
    if (rowsA !== rowsB) return `table ${name}`;
  }
  return 'no table differs row by row (the digest covers columns differently)';
}
