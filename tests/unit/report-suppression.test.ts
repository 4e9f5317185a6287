import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveThreshold, protectTable, type Protection } from '../../shared/domain/report/suppression';

/**
 * Which hidden entries an outsider can work out from what is shown: the unknowns are the hidden
 * entries; each row and column of the grid (margins included) gives one equation. An unknown is
 * determined when its unit vector lies in the row space of the equations (rank does not grow).
 * Written independently of the code under test (Gaussian elimination, not the bridge search).
 */
function recoverable(p: Protection): [number, number][] {
  const R = p.grid.length - 1;
  const C = (p.grid[0]?.length ?? 1) - 1;
  const unknowns: [number, number][] = [];
  p.hidden.forEach((row, i) => row.forEach((h, j) => h && unknowns.push([i, j])));
  if (unknowns.length === 0) return [];
  const index = new Map(unknowns.map(([i, j], k) => [`${i},${j}`, k]));
  const equations: number[][] = [];
  // Row i: body cells − row total = 0 (the totals row likewise: column totals − grand = 0).
  for (let i = 0; i <= R; i++) {
    const eq = new Array<number>(unknowns.length).fill(0);
    for (let j = 0; j <= C; j++) {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) eq[k] = j === C ? -1 : 1;
    }
    equations.push(eq);
  }
  for (let j = 0; j <= C; j++) {
    const eq = new Array<number>(unknowns.length).fill(0);
    for (let i = 0; i <= R; i++) {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) eq[k] = i === R ? -1 : 1;
    }
    equations.push(eq);
  }
  const base = rank(equations);
  return unknowns.filter((_, k) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[k] = 1;
    return rank([...equations, unit]) === base;
  });
}

function rank(rows: readonly number[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    let pivot = -1;
    for (let i = r; i < m.length; i++) if (Math.abs(m[i]![c]!) > 1e-9) pivot = i;
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const factor = m[i]![c]! / m[r]![c]!;
      if (factor !== 0) for (let k = c; k < cols; k++) m[i]![k]! -= factor * m[r]![k]!;
    }
    r++;
  }
  return r;
}

const lineCounts = (p: Protection) => {
  const rows = p.hidden.map((row) => row.filter(Boolean).length);
  const cols = p.hidden[0]!.map((_, j) => p.hidden.filter((row) => row[j]).length);
  return [...rows, ...cols];
};

// Small counts are common in a zone of small comuni: weight the draw towards 0..6.
const count = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 60 }) });
const table = fc.integer({ min: 1, max: 6 }).chain((cols) => fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 13 }));

describe('report suppression (primary and secondary)', () => {
  it('hides every count between 1 and threshold−1, zeros and larger counts are primary-free', () => {
    const p = protectTable(
      {
        cells: [
          [0, 3, 12],
          [7, 8, 9],
        ],
      },
      5,
    );
    expect(p.primary[0]).toEqual([false, true, false, false]);
    expect(p.hidden[0]![1]).toBe(true);
    expect(p.grid[0]).toEqual([0, 3, 12, 15]);
    expect(p.grid[2]).toEqual([7, 11, 21, 39]);
  });

  it('a single hidden cell in a row gets a complementary cell, the smallest one, and its column too', () => {
    const p = protectTable(
      {
        cells: [
          [2, 10, 30],
          [9, 50, 60],
          [20, 40, 80],
        ],
      },
      5,
    );
    // Row 0: 2 is hidden, 10 (smallest other) goes with it; column 0 needs a second: 9; then row 1 and column 1 are balanced by 9/10 being hidden.
    expect(p.hidden[0]!.slice(0, 3)).toEqual([true, true, false]);
    expect(p.hidden[1]!.slice(0, 3)).toEqual([true, true, false]);
    expect(p.hidden[2]!.slice(0, 3)).toEqual([false, false, false]);
    expect(recoverable(p)).toEqual([]);
  });

  it('a row of one group alone (one column) is protected through its total', () => {
    const p = protectTable({ cells: [[3], [40], [50]] }, 5);
    expect(recoverable(p)).toEqual([]);
    expect(p.hidden[0]).toEqual([true, true]);
  });

  it('breaks a bridge between two hidden blocks (each line has two hidden cells, yet one is solvable)', () => {
    // Two 2×2 blocks of small counts joined only through one more cell of row 1.
    const p = protectTable(
      {
        cells: [
          [1, 1, 30, 30, 30],
          [1, 1, 30, 30, 30],
          [30, 30, 30, 1, 1],
          [30, 30, 30, 1, 1],
        ],
      },
      3,
    );
    expect(recoverable(p)).toEqual([]);
  });

  it('never goes below 3, and a missing setting means 5', () => {
    expect(effectiveThreshold(2)).toBe(3);
    expect(effectiveThreshold(0)).toBe(3);
    expect(effectiveThreshold(null)).toBe(5);
    expect(effectiveThreshold(7)).toBe(7);
    const p = protectTable(
      {
        cells: [
          [2, 40],
          [40, 40],
        ],
      },
      1,
    );
    expect(p.hidden[0]![0]).toBe(true);
  });

  it('property: every small count is hidden, no row or column has exactly one hidden entry, and no hidden entry can be solved from what is shown', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 3, max: 6 }), (cells, threshold) => {
        const p = protectTable({ cells }, threshold);
        p.grid.forEach((row, i) => row.forEach((v, j) => v > 0 && v < threshold && expect(p.hidden[i]![j]).toBe(true)));
        for (const n of lineCounts(p)) expect(n).not.toBe(1);
        expect(recoverable(p)).toEqual([]);
      }),
      { numRuns: 100, seed: 12 },
    );
  });

  it('property: exact figures are kept (totals are sums of the exact cells), whatever is hidden', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const p = protectTable({ cells }, 5);
        const R = cells.length;
        cells.forEach((row, i) => expect(p.grid[i]![row.length]).toBe(row.reduce((a, b) => a + b, 0)));
        expect(p.grid[R]![cells[0]!.length]).toBe(cells.flat().reduce((a, b) => a + b, 0));
      }),
      { numRuns: 100, seed: 13 },
    );
  });
});
