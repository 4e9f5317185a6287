import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinedEntries, protectLinked } from '../../shared/domain/report/linked-suppression';
import { MIN_THRESHOLD, protectTable, type Protection } from '../../shared/domain/report/suppression';

/**
 * The attacker of the released tables, written apart from the code under test (floating
 * Gaussian elimination on ranks, as in report-suppression.test.ts): he holds every table that
 * was released, knows a common total when any of them prints it, and writes each row and column
 * of each table as an equation. A hidden figure falls when its unit vector is in the row space.
 */
function recoverable(grids: readonly number[][][], masks: readonly boolean[][][]): { table: number; i: number; j: number }[] {
  const last = (k: number) => grids[k]!.length - 1;
  const totalKnown = (j: number) => masks.some((m, k) => !m[last(k)]![j]);
  const direct: { table: number; i: number; j: number }[] = [];
  const key = (k: number, i: number, j: number) => (i === last(k) ? `T${j}` : `${k}:${i}:${j}`);
  const unknowns = new Map<string, { table: number; i: number; j: number }>();
  masks.forEach((m, k) =>
    m.forEach((row, i) =>
      row.forEach((h, j) => {
        if (!h) return;
        if (i === last(k) && totalKnown(j)) direct.push({ table: k, i, j });
        else if (!unknowns.has(key(k, i, j))) unknowns.set(key(k, i, j), { table: k, i, j });
      }),
    ),
  );
  const names = [...unknowns.keys()];
  const at = new Map(names.map((n, x) => [n, x]));
  const equations: number[][] = [];
  grids.forEach((g, k) => {
    const R = g.length - 1;
    const C = g[0]!.length - 1;
    for (let i = 0; i <= R; i++) {
      const eq = new Array<number>(names.length).fill(0);
      for (let j = 0; j <= C; j++) {
        const x = at.get(key(k, i, j));
        if (x !== undefined) eq[x]! += j === C ? -1 : 1;
      }
      equations.push(eq);
    }
    for (let j = 0; j <= C; j++) {
      const eq = new Array<number>(names.length).fill(0);
      for (let i = 0; i <= R; i++) {
        const x = at.get(key(k, i, j));
        if (x !== undefined) eq[x]! += i === R ? -1 : 1;
      }
      equations.push(eq);
    }
  });
  const base = rank(equations);
  const solved = names.filter((_, x) => {
    const unit = new Array<number>(names.length).fill(0);
    unit[x] = 1;
    return rank([...equations, unit]) === base;
  });
  return [...direct, ...solved.map((n) => unknowns.get(n)!)];
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

const grids = (ps: Protection[]) => ps.map((p) => p.grid);
const masks = (ps: Protection[]) => ps.map((p) => p.hidden);

/** One set of facts (a grouping A, a grouping B, a month each) counted by A and by B: the same column totals. */
const facts = fc.record({ rowsA: fc.integer({ min: 1, max: 8 }), rowsB: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 4 }) }).chain(({ rowsA, rowsB, cols }) =>
  fc.array(fc.tuple(fc.nat(rowsA - 1), fc.nat(rowsB - 1), fc.nat(cols - 1)), { minLength: 0, maxLength: 70 }).map((list) => {
    const a = Array.from({ length: rowsA }, () => new Array<number>(cols).fill(0));
    const b = Array.from({ length: rowsB }, () => new Array<number>(cols).fill(0));
    for (const [i, k, j] of list) {
      a[i]![j]! += 1;
      b[k]![j]! += 1;
    }
    return { a, b };
  }),
);

describe('report: differencing across tables and exports', () => {
  // Accessi by comune (A) and by area (B): same months, same totals. B’s 1 (row 1, January) is a small count.
  const A = [
    [6, 4, 8],
    [0, 0, 0],
  ];
  const B = [
    [5, 4, 8],
    [1, 0, 0],
  ];

  it('the attack is real: each table protected alone, the comune table prints the grand total the area table hides, and the 1 falls', () => {
    const alone = [protectTable({ cells: A }, 5), protectTable({ cells: B }, 5)];
    expect(alone[1]!.hidden[1]![0]).toBe(true);
    expect(alone[1]!.hidden[2]![3]).toBe(true);
    expect(alone[0]!.hidden[2]![3]).toBe(false);
    // By hand: the grand total from the comune table (18), minus the area table's first row total (17): row 1 of the area table is 1, all in January.
    expect(alone[0]!.grid[2]![3]! - alone[1]!.grid[0]![3]!).toBe(1);
    expect(alone[1]!.hidden[0]![3]).toBe(false);
    expect(recoverable(grids(alone), masks(alone))).toContainEqual({ table: 1, i: 1, j: 0 });
  });

  it('protected together, a total hidden in one is hidden in both, and nothing falls', () => {
    const linked = protectLinked([{ cells: A }, { cells: B }], 5);
    expect(linked[1]!.hidden[1]![0]).toBe(true);
    expect(linked[0]!.hidden[2]!).toEqual(linked[1]!.hidden[2]!);
    expect(recoverable(grids(linked), masks(linked))).toEqual([]);
    expect(determinedEntries(grids(linked), masks(linked))).toEqual([]);
  });

  it('random linked tables at every threshold: every small count hidden, common totals alike, nothing recoverable (the attacker and the code agree)', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: MIN_THRESHOLD, max: 8 }), ({ a, b }, soglia) => {
        const linked = protectLinked([{ cells: a }, { cells: b }], soglia);
        for (const p of linked) p.grid.forEach((row, i) => row.forEach((v, j) => v > 0 && v < soglia && expect(p.hidden[i]![j]).toBe(true)));
        expect(linked[0]!.hidden[a.length]).toEqual(linked[1]!.hidden[b.length]);
        expect(recoverable(grids(linked), masks(linked))).toEqual([]);
        // The code's own exact check finds what the attacker finds on tables protected alone.
        const alone = [protectTable({ cells: a }, soglia), protectTable({ cells: b }, soglia)];
        expect(determinedEntries(grids(alone), masks(alone)).length > 0).toBe(recoverable(grids(alone), masks(alone)).length > 0);
      }),
      { numRuns: 150 },
    );
  });

  it('two exports of the same quarter at different thresholds: the higher one hides a superset, and together they give nothing away', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: MIN_THRESHOLD, max: 6 }), fc.integer({ min: 1, max: 4 }), ({ a, b }, low, step) => {
        const first = protectLinked([{ cells: a }, { cells: b }], low);
        const second = protectLinked([{ cells: a }, { cells: b }], low + step);
        first.forEach((p, k) => p.hidden.forEach((row, i) => row.forEach((h, j) => h && expect(second[k]!.hidden[i]![j]).toBe(true))));
        // The attacker holds both: what either shows is known; the unknowns are hidden in both, i.e. the first's.
        const both = first.map((p, k) => p.hidden.map((row, i) => row.map((h, j) => h && second[k]!.hidden[i]![j]!)));
        expect(recoverable(grids(first), both)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('the pattern at a threshold does not depend on the order the tables come in', () => {
    const ab = protectLinked([{ cells: A }, { cells: B }], 5);
    const ba = protectLinked([{ cells: B }, { cells: A }], 5);
    expect(ab[0]!.hidden[2]).toEqual(ba[0]!.hidden[2]);
    expect(recoverable(grids(ba), masks(ba))).toEqual([]);
  });

  it('refuses tables that do not share their totals (a bug in the caller, not a release)', () => {
    expect(() => protectLinked([{ cells: [[1, 2]] }, { cells: [[2, 2]] }], 5)).toThrow(/totali diversi/);
  });
});
