import { MIN_THRESHOLD, effectiveThreshold, gridOf, protectTable, type Protection, type TableFigures } from './suppression';

/**
 * Differencing across the tables that leave the office. The report is fixed: one quarter, every
 * comune (and area, sede, operatore) on its own row, always, with the same months as columns: no
 * filter narrows a table to one small comune or a shorter period, and quarters never overlap.
 * What is left to subtract is what the tables share:
 *
 * - The four groupings of one measure (accessi by comune, by area, by sede, by operatore) have
 *   the same totals row (the month totals and the quarter's total). A total hidden in one table
 *   and printed in another would open the first: here a total hidden in any of them is hidden in
 *   all, the tables protected again with it, until nothing changes; then the whole system (every
 *   row and column of the four tables, their common totals as one unknown each) is solved exactly,
 *   and a hidden figure it still determines gets one more hidden neighbour.
 * - The threshold can change between two exports of the same quarter: the pattern at a threshold
 *   is built from the one of the threshold below (from 3, the SISTAN minimum), so a higher
 *   threshold hides a superset and two exports together say no more than the lower one alone.
 *
 * The rule on screen (RULE_TEXT) says the same in Italian.
 */
export const RULE_TEXT =
  'Ogni comune, area, sede e operatore ha sempre la sua riga e il periodo è sempre un trimestre intero: nessun filtro restringe una tabella a un piccolo comune. ' +
  'Un totale nascosto in una tabella è nascosto in tutte quelle che lo riportano, e una soglia più alta nasconde sempre anche ciò che nasconde una più bassa: ' +
  'nessun conteggio nascosto si ricava per differenza tra tabelle, trimestri o esportazioni.';

/** How many extra hidden cells the joint check may add before giving up (it never needs many). */
const MAX_ROUNDS = 500;

/**
 * Protects tables that share their totals row (same columns, same column and grand totals; the
 * rows differ). Returns one Protection per table, in order; `primary` is at `threshold`.
 */
export function protectLinked(tables: readonly TableFigures[], threshold: number): Protection[] {
  if (tables.length === 0) return [];
  const t = effectiveThreshold(threshold);
  const grids = tables.map(gridOf);
  checkSharedTotals(grids);
  let forced = grids.map((g) => g.map((row) => row.map(() => false)));
  let result: Protection[] = [];
  for (let level = MIN_THRESHOLD; level <= t; level++) {
    for (let round = 0; ; round++) {
      if (round > MAX_ROUNDS) throw new Error('Protezione dei conteggi: nessuna soluzione stabile.');
      result = tables.map((f, k) => protectTable(f, level, forced[k]));
      const next = result.map((p) => p.hidden.map((row) => [...row]));
      shareTotalsRow(next);
      if (
        !sameMasks(
          next,
          result.map((p) => p.hidden),
        )
      ) {
        forced = next;
        continue;
      }
      const leak = determinedEntries(grids, next)[0];
      if (!leak) break;
      hideNeighbour(grids[leak.table]!, next[leak.table]!, leak.i, leak.j);
      forced = next;
    }
    forced = result.map((p) => p.hidden.map((row) => [...row]));
  }
  return result;
}

function checkSharedTotals(grids: readonly number[][][]): void {
  const first = grids[0]!;
  const totals = first[first.length - 1]!;
  for (const g of grids) {
    const row = g[g.length - 1]!;
    if (row.length !== totals.length || row.some((v, j) => v !== totals[j])) throw new Error('Tabelle collegate con totali diversi.');
  }
}

/** A total hidden in one table is hidden in every table that prints it. */
function shareTotalsRow(masks: boolean[][][]): void {
  const C = masks[0]![0]!.length;
  for (let j = 0; j < C; j++) {
    const any = masks.some((m) => m[m.length - 1]![j]);
    if (any) for (const m of masks) m[m.length - 1]![j] = true;
  }
}

function sameMasks(a: readonly (readonly (readonly boolean[])[])[], b: readonly (readonly (readonly boolean[])[])[]): boolean {
  return a.every((m, k) => m.every((row, i) => row.every((h, j) => h === b[k]![i]![j])));
}

/** One more hidden body cell next to a determined entry: the smallest visible one of its row, else of its column. */
function hideNeighbour(grid: readonly number[][], mask: boolean[][], i: number, j: number): void {
  const R = grid.length - 1;
  const C = grid[0]!.length - 1;
  const pick = (cells: [number, number][]) => {
    const open = cells.filter(([a, b]) => !mask[a]![b]);
    open.sort(([a, b], [c, d]) => rankOf(grid[a]![b]!) - rankOf(grid[c]![d]!));
    return open[0] ?? null;
  };
  const inRow = i < R ? pick(Array.from({ length: C }, (_, b) => [i, b] as [number, number])) : null;
  const inCol = pick(Array.from({ length: R }, (_, a) => [a, Math.min(j, C)] as [number, number]));
  const any = pick(Array.from({ length: R * C }, (_, n) => [Math.floor(n / C), n % C] as [number, number]));
  const cell = inRow ?? inCol ?? any;
  if (!cell) throw new Error('Protezione dei conteggi: nessuna cella da nascondere.');
  mask[cell[0]]![cell[1]] = true;
}

/** Positive counts first (smallest first), zeros last: a hidden zero protects little. */
function rankOf(v: number): number {
  return v > 0 ? v : Number.MAX_SAFE_INTEGER;
}

export interface DeterminedEntry {
  table: number;
  i: number;
  j: number;
}

/**
 * The hidden entries that the shown figures of all the tables together determine exactly:
 * unknowns are the hidden entries (the common totals row one unknown per column), equations every
 * row and column of every table; an unknown is determined when its unit vector is in the row
 * space, found by exact reduced row echelon form over the rationals (BigInt, no rounding).
 */
export function determinedEntries(grids: readonly (readonly (readonly number[])[])[], masks: readonly (readonly (readonly boolean[])[])[]): DeterminedEntry[] {
  const last = (k: number) => grids[k]!.length - 1;
  // A common total printed by any table is known to whoever reads them all.
  const totalHidden = (j: number) => masks.every((m, k) => m[last(k)]![j]);
  const readElsewhere: DeterminedEntry[] = [];
  const unknowns: DeterminedEntry[] = [];
  const index = new Map<string, number>();
  const keyOf = (k: number, i: number, j: number) => (i === last(k) ? `T,${j}` : `${k},${i},${j}`);
  masks.forEach((m, k) =>
    m.forEach((row, i) =>
      row.forEach((h, j) => {
        if (!h) return;
        if (i === last(k) && !totalHidden(j)) return void readElsewhere.push({ table: k, i, j });
        const key = keyOf(k, i, j);
        if (index.has(key)) return;
        index.set(key, unknowns.length);
        unknowns.push({ table: k, i, j });
      }),
    ),
  );
  if (unknowns.length === 0) return readElsewhere;
  const n = unknowns.length;
  const equations: bigint[][] = [];
  grids.forEach((g, k) => {
    const R = g.length - 1;
    const C = g[0]!.length - 1;
    const line = (cells: [number, number][], total: [number, number]) => {
      const eq = new Array<bigint>(n).fill(0n);
      for (const [i, j] of cells) {
        const u = index.get(keyOf(k, i, j));
        if (u !== undefined) eq[u]! += 1n;
      }
      const u = index.get(keyOf(k, total[0], total[1]));
      if (u !== undefined) eq[u]! -= 1n;
      if (eq.some((c) => c !== 0n)) equations.push(eq);
    };
    for (let i = 0; i <= R; i++)
      line(
        Array.from({ length: C }, (_, j) => [i, j]),
        [i, C],
      );
    for (let j = 0; j <= C; j++)
      line(
        Array.from({ length: R }, (_, i) => [i, j]),
        [R, j],
      );
  });
  return [...readElsewhere, ...rrefUnitRows(equations, n).map((u) => unknowns[u]!)];
}

/** Columns whose unit vector is a row of the reduced row echelon form of `rows`. */
function rrefUnitRows(rows: bigint[][], n: number): number[] {
  const m = rows.map((r) => [...r]);
  const pivots: { row: number; col: number }[] = [];
  let r = 0;
  for (let c = 0; c < n && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]!;
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c] === 0n) continue;
      const a = m[i]![c]!;
      const b = pivot[c]!;
      m[i] = normalise(m[i]!.map((v, x) => v * b - pivot[x]! * a));
    }
    pivots.push({ row: r, col: c });
    r++;
  }
  return pivots.filter(({ row, col }) => m[row]!.every((v, x) => x === col || v === 0n)).map(({ col }) => col);
}

function normalise(row: bigint[]): bigint[] {
  let g = 0n;
  for (const v of row) g = gcd(g, v < 0n ? -v : v);
  return g > 1n ? row.map((v) => v / g) : row;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
