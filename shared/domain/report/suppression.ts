/**
 * Statistical disclosure control for the report tables that leave the office (print, CSV, XLSX):
 * small counts are hidden (primary suppression, SISTAN: below the zone's threshold, never below
 * 3) and enough other cells with them (secondary suppression) that no hidden cell can be worked
 * out from the row and column totals that are shown.
 *
 * The table is seen with its margins as one (R+1)×(C+1) grid: body cells, the row totals in the
 * last column, the column totals in the last row, the grand total in the corner. Every row and
 * every column of that grid is one equation (its cells add up to its total). A hidden entry is
 * recoverable exactly when it lies on no cycle of hidden entries in the bipartite graph whose
 * vertices are the lines and whose edges are the hidden entries (a leaf line gives it away at
 * once; a "bridge" entry between two blocks of hidden cells falls out of summing one block's
 * equations). So: hide the primary cells, then, until nothing changes, give every line with a
 * single hidden entry a second one (the smallest visible cell, totals last) and break every
 * bridge the same way.
 */

export const MIN_THRESHOLD = 3;
export const DEFAULT_THRESHOLD = 5;
export const MAX_THRESHOLD = 20;

/** The threshold actually applied: a stored value below 3 (or nonsense) never weakens protection. */
export function effectiveThreshold(value: number | null | undefined): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return DEFAULT_THRESHOLD;
  return Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, value));
}

export interface TableFigures {
  /** Body cells, R rows × C columns (R ≥ 1, C ≥ 1), counts ≥ 0. */
  cells: readonly (readonly number[])[];
  /** Row, column and grand totals; by default the sums (pass them for distinct counts). */
  rowTotals?: readonly number[];
  colTotals?: readonly number[];
  grand?: number;
}

export interface Protection {
  /** The (R+1)×(C+1) grid of figures, margins included (exact). */
  grid: number[][];
  /** Same shape: true where the figure is hidden in anything leaving the office. */
  hidden: boolean[][];
  /** Same shape: true where the figure itself is a small count (the primary cells). */
  primary: boolean[][];
}

export function isSmall(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

/**
 * `forced`: entries hidden whatever their value, same shape as the grid (what the linked tables
 * and the lower thresholds hide, see linked-suppression.ts); they are protected like primaries.
 */
export function protectTable(figures: TableFigures, threshold: number, forced?: readonly (readonly boolean[])[]): Protection {
  const t = effectiveThreshold(threshold);
  const grid = gridOf(figures);
  const R = grid.length - 1;
  const C = (grid[0]?.length ?? 1) - 1;
  const primary = grid.map((row) => row.map((v) => isSmall(v, t)));
  const hidden = primary.map((row, i) => row.map((h, j) => h || forced?.[i]?.[j] === true));
  // Lines of the grid: rows 0..R, then columns 0..C, each as its list of [row, col] entries.
  const lines: [number, number][][] = [
    ...Array.from({ length: R + 1 }, (_, i) => Array.from({ length: C + 1 }, (_, j) => [i, j] as [number, number])),
    ...Array.from({ length: C + 1 }, (_, j) => Array.from({ length: R + 1 }, (_, i) => [i, j] as [number, number])),
  ];
  const isTotal = (i: number, j: number) => i === R || j === C;
  const hiddenIn = (line: readonly [number, number][]) => line.filter(([i, j]) => hidden[i]![j]).length;
  /**
   * Hides the cheapest visible entry of a line: first one whose crossing line also has a single
   * hidden entry (one cell settles both), then the smallest positive body cell, zeros, totals.
   */
  const hideComplement = (line: readonly [number, number][], across: (i: number, j: number) => readonly [number, number][]): boolean => {
    let best: [number, number] | null = null;
    let bestRank: number[] = [Infinity];
    for (const [i, j] of line) {
      if (hidden[i]![j]) continue;
      const v = grid[i]![j]!;
      const rank = [hiddenIn(across(i, j)) === 1 ? 0 : 1, isTotal(i, j) ? 2 : v > 0 ? 0 : 1, v];
      if (lexLess(rank, bestRank)) {
        best = [i, j];
        bestRank = rank;
      }
    }
    if (!best) return false;
    hidden[best[0]]![best[1]] = true;
    return true;
  };
  const rowLine = (i: number) => lines[i]!;
  const colLine = (j: number) => lines[R + 1 + j]!;
  for (;;) {
    let changed = false;
    for (let i = 0; i <= R; i++) if (hiddenIn(rowLine(i)) === 1 && hideComplement(rowLine(i), (_, j) => colLine(j))) changed = true;
    for (let j = 0; j <= C; j++) if (hiddenIn(colLine(j)) === 1 && hideComplement(colLine(j), (i) => rowLine(i))) changed = true;
    if (changed) continue;
    const bridge = findBridge(hidden, R, C);
    if (!bridge) break;
    // A second path around the bridge: one more hidden entry in its row (or, if full, its column).
    const [bi, bj] = bridge;
    if (!hideComplement(rowLine(bi), (_, j) => colLine(j)) && !hideComplement(colLine(bj), (i) => rowLine(i))) break;
  }
  return { grid, hidden, primary };
}

/** The table with its margins: each row with its total, then the column totals and the grand total. */
export function gridOf(figures: TableFigures): number[][] {
  const R = figures.cells.length;
  const C = figures.cells[0]?.length ?? 0;
  if (R === 0 || C === 0) throw new Error('Tabella vuota: servono almeno una riga e una colonna.');
  const grid: number[][] = figures.cells.map((row, i) => {
    if (row.length !== C) throw new Error(`Riga ${i} di lunghezza diversa.`);
    return [...row, figures.rowTotals?.[i] ?? sum(row)];
  });
  const colTotals = Array.from({ length: C }, (_, j) => figures.colTotals?.[j] ?? sum(figures.cells.map((r) => r[j] as number)));
  grid.push([...colTotals, figures.grand ?? sum(colTotals)]);
  return grid;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k] ?? -Infinity;
    const y = b[k] ?? -Infinity;
    if (x !== y) return x < y;
  }
  return false;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * A hidden entry on no cycle of the line graph (rows 0..R are vertices 0..R, columns are
 * R+1..R+C+1), found with Tarjan's bridge search; null when every hidden entry is on a cycle.
 */
export function findBridge(hidden: readonly (readonly boolean[])[], R: number, C: number): [number, number] | null {
  const V = R + C + 2;
  const adj: { to: number; edge: number }[][] = Array.from({ length: V }, () => []);
  const edges: [number, number][] = [];
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      if (!hidden[i]![j]) continue;
      const e = edges.length;
      edges.push([i, j]);
      adj[i]!.push({ to: R + 1 + j, edge: e });
      adj[R + 1 + j]!.push({ to: i, edge: e });
    }
  }
  const order = new Array<number>(V).fill(-1);
  const low = new Array<number>(V).fill(0);
  let counter = 0;
  let found: [number, number] | null = null;
  const visit = (v: number, viaEdge: number): void => {
    order[v] = low[v] = counter++;
    for (const { to, edge } of adj[v]!) {
      if (found) return;
      if (edge === viaEdge) continue;
      if (order[to] === -1) {
        visit(to, edge);
        low[v] = Math.min(low[v], low[to]!);
        if (low[to]! > order[v]) found = edges[edge]!;
      } else {
        low[v] = Math.min(low[v], order[to]!);
      }
    }
  };
  for (let v = 0; v < V && !found; v++) if (order[v] === -1) visit(v, -1);
  return found;
}
