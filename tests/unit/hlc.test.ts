import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClockDriftError, MAX_COUNTER, MAX_DRIFT_MS, formatHlc, parseHlc, receive, tick, type HlcState } from '../../shared/domain/hlc';

// Wall clocks between 2000 and 2100: the ISO form stays four-digit-year and fixed width.
const Y2000 = Date.UTC(2000, 0, 1);
const Y2100 = Date.UTC(2100, 0, 1);

const nodeArb = fc.stringMatching(/^[0-9a-f]{16}$/);
const millisArb = fc.integer({ min: Y2000, max: Y2100 });
const counterArb = fc.integer({ min: 0, max: MAX_COUNTER });
const stateArb: fc.Arbitrary<HlcState> = fc.record({ millis: millisArb, counter: counterArb, node: nodeArb });

const NODE_A = '00000000000000aa';
const NODE_B = '00000000000000bb';
const NODE_C = '00000000000000cc';

function cmpTuple(a: HlcState, b: HlcState): number {
  if (a.millis !== b.millis) return a.millis < b.millis ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return 0;
}

function cmpString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

describe('HLC: formato e ordinamento', () => {
  it('the string order of formatted stamps equals the (millis, counter, node) order', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (a, b) => {
        expect(cmpString(formatHlc(a), formatHlc(b))).toBe(cmpTuple(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('format then parse gives back the same state', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(parseHlc(formatHlc(s))).toEqual(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('has the documented shape: ISO millis, 4 hex counter, 16 hex node', () => {
    const s: HlcState = { millis: Date.UTC(2026, 2, 15, 9, 30, 0, 7), counter: 0x2a, node: '0123456789abcdef' };
    expect(formatHlc(s)).toBe('2026-03-15T09:30:00.007Z-002a-0123456789abcdef');
  });

  it('parse refuses what is not a stamp', () => {
    for (const bad of [
      '',
      'ciao',
      '2026-03-15T09:30:00.007Z-002a',
      '2026-03-15T09:30:00.007Z-002A-0123456789abcdef', // upper-case counter
      '2026-03-15T09:30:00.007Z-02a-0123456789abcdef', // 3-digit counter
      '2026-03-15T09:30:00.007Z-002a-0123456789abcde', // 15-digit node
      '2026-03-15T09:30:00.007Z-002a-0123456789ABCDEF',
      '2026-03-15T09:30:00Z-002a-0123456789abcdef', // no millis
      ' 2026-03-15T09:30:00.007Z-002a-0123456789abcdef',
      '2026-03-15T09:30:00.007Z-002a-0123456789abcdef\n',
      '2026-13-15T09:30:00.007Z-002a-0123456789abcdef', // month 13
    ]) {
      expect(parseHlc(bad), bad).toBeNull();
    }
  });

  it('parse accepts only canonical stamps (parse then format gives back the same text)', () => {
    // A stamp that parses must format back to itself, otherwise its string order and its
    // parsed time disagree: "2026-02-30…" sorts before "2026-03-01…" but would be read as 2 March.
    for (const text of ['2026-02-30T00:00:00.000Z-0000-0123456789abcdef', '2026-04-31T12:00:00.000Z-0000-0123456789abcdef', '2026-01-01T24:00:00.000Z-0000-0123456789abcdef']) {
      const parsed = parseHlc(text);
      if (parsed !== null) expect(formatHlc(parsed), text).toBe(text);
    }
    fc.assert(
      fc.property(
        fc.record({
          y: fc.integer({ min: 2000, max: 2099 }),
          mo: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 1, max: 31 }),
          h: fc.integer({ min: 0, max: 23 }),
        }),
        counterArb,
        nodeArb,
        ({ y, mo, d, h }, counter, node) => {
          const pad = (n: number, w = 2) => String(n).padStart(w, '0');
          const text = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:00:00.000Z-${counter.toString(16).padStart(4, '0')}-${node}`;
          const parsed = parseHlc(text);
          if (parsed !== null) expect(formatHlc(parsed)).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('HLC: tick per gli eventi locali', () => {
  it('is strictly increasing for any wall clock, also when the clock goes backwards', () => {
    fc.assert(
      fc.property(
        stateArb,
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }), // jitter, repeated millis
            fc.integer({ min: -3_600_000, max: 3_600_000 }), // clock set back or forward by up to an hour
            fc.constant(0),
          ),
          { minLength: 1, maxLength: 200 },
        ),
        (start, deltas) => {
          let state = start;
          let wall = start.millis;
          for (const delta of deltas) {
            wall = Math.min(Y2100, Math.max(Y2000, wall + delta));
            const next = tick(state, wall);
            expect(formatHlc(next) > formatHlc(state)).toBe(true);
            expect(cmpTuple(next, state)).toBe(1);
            expect(next.millis).toBeGreaterThanOrEqual(wall);
            expect(next.node).toBe(state.node);
            expect(next.counter).toBeLessThanOrEqual(MAX_COUNTER);
            state = next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('follows the wall clock when it moves forward, restarting the counter', () => {
    const prev: HlcState = { millis: Date.UTC(2026, 0, 1), counter: 7, node: NODE_A };
    expect(tick(prev, prev.millis + 10)).toEqual({ millis: prev.millis + 10, counter: 0, node: NODE_A });
  });

  it('keeps its millis and bumps the counter when the wall clock stands still or goes back', () => {
    const prev: HlcState = { millis: Date.UTC(2026, 0, 1), counter: 7, node: NODE_A };
    expect(tick(prev, prev.millis)).toEqual({ millis: prev.millis, counter: 8, node: NODE_A });
    expect(tick(prev, prev.millis - 60_000)).toEqual({ millis: prev.millis, counter: 8, node: NODE_A });
  });

  it('carries a counter overflow into the millis', () => {
    const m = Date.UTC(2026, 0, 1);
    const prev: HlcState = { millis: m, counter: MAX_COUNTER, node: NODE_A };
    const next = tick(prev, m);
    expect(next).toEqual({ millis: m + 1, counter: 0, node: NODE_A });
    expect(formatHlc(next) > formatHlc(prev)).toBe(true);
    // Also when the wall clock is behind.
    expect(tick(prev, m - 1000)).toEqual({ millis: m + 1, counter: 0, node: NODE_A });
  });

  it('70,000 events in the same millisecond stay strictly ordered', () => {
    const m = Date.UTC(2026, 0, 1);
    let state: HlcState = { millis: m, counter: 0, node: NODE_A };
    let prevText = formatHlc(state);
    for (let i = 0; i < 70_000; i++) {
      state = tick(state, m);
      const text = formatHlc(state);
      expect(text > prevText).toBe(true);
      prevText = text;
    }
    expect(state.millis).toBe(m + 1);
  });
});

describe('HLC: receive per i timestamp remoti', () => {
  it('the result is greater than both the local and the remote stamp', () => {
    fc.assert(
      fc.property(stateArb, stateArb, fc.integer({ min: -MAX_DRIFT_MS, max: 10 * MAX_DRIFT_MS }), (local, remote, wallOffset) => {
        const wall = remote.millis + wallOffset; // remote at most MAX_DRIFT_MS ahead of the wall clock
        const next = receive(local, remote, wall);
        const text = formatHlc(next);
        expect(text > formatHlc(local)).toBe(true);
        expect(cmpTuple(next, remote)).toBe(1);
        // Strictly greater even ignoring the node id: a tie is never resolved by the node alone.
        expect(next.millis > remote.millis || (next.millis === remote.millis && next.counter > remote.counter)).toBe(true);
        expect(next.node).toBe(local.node);
        expect(next.millis).toBeGreaterThanOrEqual(wall);
        expect(next.counter).toBeLessThanOrEqual(MAX_COUNTER);
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the larger counter plus one when all three clocks agree', () => {
    const m = Date.UTC(2026, 0, 1);
    const local: HlcState = { millis: m, counter: 3, node: NODE_A };
    const remote: HlcState = { millis: m, counter: 9, node: NODE_B };
    expect(receive(local, remote, m)).toEqual({ millis: m, counter: 10, node: NODE_A });
    expect(receive(local, remote, m - 1)).toEqual({ millis: m, counter: 10, node: NODE_A });
  });

  it('follows a remote clock that is ahead (within the allowed drift)', () => {
    const m = Date.UTC(2026, 0, 1);
    const local: HlcState = { millis: m, counter: 3, node: NODE_A };
    const remote: HlcState = { millis: m + 1000, counter: 5, node: NODE_B };
    expect(receive(local, remote, m)).toEqual({ millis: m + 1000, counter: 6, node: NODE_A });
  });

  it('uses the wall clock when it is ahead of both', () => {
    const m = Date.UTC(2026, 0, 1);
    const local: HlcState = { millis: m, counter: 3, node: NODE_A };
    const remote: HlcState = { millis: m + 10, counter: 5, node: NODE_B };
    expect(receive(local, remote, m + 20)).toEqual({ millis: m + 20, counter: 0, node: NODE_A });
  });

  it('carries a counter overflow into the millis', () => {
    const m = Date.UTC(2026, 0, 1);
    const local: HlcState = { millis: m, counter: 10, node: NODE_A };
    const remote: HlcState = { millis: m, counter: MAX_COUNTER, node: NODE_B };
    const next = receive(local, remote, m);
    expect(next).toEqual({ millis: m + 1, counter: 0, node: NODE_A });
    expect(formatHlc(next) > formatHlc(remote)).toBe(true);
    const local2: HlcState = { millis: m + 5, counter: MAX_COUNTER, node: NODE_A };
    expect(receive(local2, remote, m)).toEqual({ millis: m + 6, counter: 0, node: NODE_A });
  });

  it('throws ClockDriftError for a remote clock more than MAX_DRIFT_MS ahead, and accepts exactly MAX_DRIFT_MS', () => {
    const wall = Date.UTC(2026, 0, 1);
    const local: HlcState = { millis: wall, counter: 0, node: NODE_A };
    const atLimit: HlcState = { millis: wall + MAX_DRIFT_MS, counter: 0, node: NODE_B };
    expect(receive(local, atLimit, wall).millis).toBe(wall + MAX_DRIFT_MS);

    const beyond: HlcState = { millis: wall + MAX_DRIFT_MS + 1, counter: 0, node: NODE_B };
    let caught: unknown;
    try {
      receive(local, beyond, wall);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ClockDriftError);
    expect((caught as ClockDriftError).driftMs).toBe(MAX_DRIFT_MS + 1);
    expect((caught as ClockDriftError).message).toBe('Orologio remoto avanti di 300 s rispetto a questa postazione');
  });

  it('reports any drift beyond the limit, however far', () => {
    fc.assert(
      fc.property(stateArb, nodeArb, fc.integer({ min: MAX_DRIFT_MS + 1, max: 365 * 86_400_000 }), (local, node, drift) => {
        const wall = Date.UTC(2026, 0, 1);
        const remote: HlcState = { millis: wall + drift, counter: 0, node };
        expect(() => receive(local, remote, wall)).toThrow(ClockDriftError);
      }),
      { numRuns: 300 },
    );
  });

  it('the drift is measured against the wall clock, not against the local stamp', () => {
    // The local stamp may already be ahead of the wall clock (it followed an earlier remote):
    // a remote that is far ahead of the wall clock is refused all the same.
    const wall = Date.UTC(2026, 0, 1);
    const local: HlcState = { millis: wall + MAX_DRIFT_MS, counter: 0, node: NODE_A };
    const remote: HlcState = { millis: wall + MAX_DRIFT_MS + 1000, counter: 0, node: NODE_B };
    expect(() => receive(local, remote, wall)).toThrow(ClockDriftError);
  });
});

describe('HLC: ordine totale fra tre postazioni', () => {
  it('ties on millis and counter are broken by node id', () => {
    const m = Date.UTC(2026, 0, 1);
    const stamps = [NODE_C, NODE_A, NODE_B].map((node) => formatHlc({ millis: m, counter: 4, node }));
    expect([...stamps].sort()).toEqual([NODE_A, NODE_B, NODE_C].map((node) => formatHlc({ millis: m, counter: 4, node })));
  });

  it('three nodes with skewed, jumping clocks exchanging messages produce distinct stamps consistent with causality', () => {
    type Op = { kind: 'local'; node: number; advance: number } | { kind: 'send'; from: number; to: number; advance: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('local' as const), node: fc.integer({ min: 0, max: 2 }), advance: fc.integer({ min: -50, max: 200 }) }),
      fc.record({
        kind: fc.constant('send' as const),
        from: fc.integer({ min: 0, max: 2 }),
        to: fc.integer({ min: 0, max: 2 }),
        advance: fc.integer({ min: -50, max: 200 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: -60_000, max: 60_000 }), fc.integer({ min: -60_000, max: 60_000 }), fc.integer({ min: -60_000, max: 60_000 })),
        fc.array(opArb, { minLength: 1, maxLength: 150 }),
        (skews, ops) => {
          const nodes = [NODE_A, NODE_B, NODE_C];
          let global = Date.UTC(2026, 0, 1);
          const wall = (i: number) => global + (skews[i] as number);
          const states: HlcState[] = nodes.map((node, i) => ({ millis: wall(i), counter: 0, node }));
          const lastPerNode: string[] = states.map((s) => formatHlc(s));
          const all = new Set<string>(lastPerNode);

          const record = (i: number, s: HlcState) => {
            const text = formatHlc(s);
            // Each node's own history is strictly increasing...
            expect(text > (lastPerNode[i] as string)).toBe(true);
            // ...and no two events anywhere share a stamp.
            expect(all.has(text)).toBe(false);
            all.add(text);
            lastPerNode[i] = text;
            states[i] = s;
          };

          for (const op of ops) {
            global += op.advance; // may go backwards
            if (op.kind === 'local') {
              record(op.node, tick(states[op.node] as HlcState, wall(op.node)));
            } else {
              const sent = tick(states[op.from] as HlcState, wall(op.from));
              record(op.from, sent);
              const received = receive(states[op.to] as HlcState, sent, wall(op.to));
              // The receipt happens after the sending.
              expect(formatHlc(received) > formatHlc(sent)).toBe(true);
              record(op.to, received);
            }
          }
          // String sort is a total order that agrees with the tuple order.
          const sorted = [...all].sort();
          const parsed = sorted.map((t) => parseHlc(t) as HlcState);
          for (let i = 1; i < parsed.length; i++) expect(cmpTuple(parsed[i - 1] as HlcState, parsed[i] as HlcState)).toBe(-1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
