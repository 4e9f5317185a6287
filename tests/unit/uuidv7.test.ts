import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Id } from '../../shared/contracts/common';

const UUIDV7_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Uuidv7 = (now?: number) => string;
let uuidv7: Uuidv7;

// The generator keeps the last millisecond in module state: each test starts from a fresh module.
beforeEach(async () => {
  vi.resetModules();
  ({ uuidv7 } = await import('../../electron/core/ids'));
});

function millisOf(id: string): number {
  return parseInt(id.replaceAll('-', '').slice(0, 12), 16);
}
function sequenceOf(id: string): number {
  return parseInt(id.replaceAll('-', '').slice(13, 16), 16);
}

function expectStrictlyIncreasing(ids: string[]): void {
  for (let i = 1; i < ids.length; i++) {
    if (!((ids[i - 1] as string) < (ids[i] as string))) {
      expect.fail(`id ${i} non crescente: ${ids[i - 1]} >= ${ids[i]}`);
    }
  }
  expect(new Set(ids).size).toBe(ids.length);
}

describe('identificativi UUIDv7', () => {
  it('have the RFC 9562 layout: version 7, variant 10xx, and pass the contract Id schema', () => {
    for (let i = 0; i < 2000; i++) {
      const id = uuidv7();
      expect(id).toMatch(UUIDV7_RE);
      const bytes = Buffer.from(id.replaceAll('-', ''), 'hex');
      expect(bytes).toHaveLength(16);
      expect((bytes[6] as number) >> 4).toBe(7);
      expect((bytes[8] as number) >> 6).toBe(0b10);
      expect(Id.safeParse(id).success).toBe(true);
    }
  });

  it('carry the given millisecond in the first 48 bits', () => {
    const now = Date.UTC(2026, 2, 15, 9, 30, 0, 123);
    const id = uuidv7(now);
    expect(millisOf(id)).toBe(now);
    expect(id.slice(0, 13)).toBe(`${now.toString(16).padStart(12, '0').slice(0, 8)}-${now.toString(16).padStart(12, '0').slice(8)}`);
    expect(sequenceOf(id)).toBe(0);
    expect(Math.abs(millisOf(uuidv7()) - Date.now())).toBeLessThan(60_000);
  });

  it('10,000 ids in the same millisecond are strictly increasing and distinct, spilling into the next milliseconds', () => {
    const now = Date.UTC(2026, 2, 15, 9, 30);
    const ids = Array.from({ length: 10_000 }, () => uuidv7(now));
    expectStrictlyIncreasing(ids);
    for (const id of ids) expect(id).toMatch(UUIDV7_RE);
    // A 12-bit counter: 4096 ids per millisecond, then the next millisecond.
    expect(millisOf(ids[0] as string)).toBe(now);
    expect(millisOf(ids[4095] as string)).toBe(now);
    expect(sequenceOf(ids[4095] as string)).toBe(0xfff);
    expect(millisOf(ids[4096] as string)).toBe(now + 1);
    expect(sequenceOf(ids[4096] as string)).toBe(0);
    expect(millisOf(ids[9999] as string)).toBe(now + 2);
  });

  it('10,000 ids from the real clock are strictly increasing and distinct', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    expectStrictlyIncreasing(ids);
  });

  it('stay strictly increasing across milliseconds, also when the system clock goes back', () => {
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: -5000, max: 5000 })), {
          minLength: 1,
          maxLength: 500,
        }),
        (steps) => {
          run += 1;
          let now = Date.UTC(2026, 0, 1) + 10_000_000 * run; // each run starts after the previous one
          const ids: string[] = [];
          for (const step of steps) {
            now += step;
            ids.push(uuidv7(now));
          }
          expectStrictlyIncreasing(ids);
          // Never earlier than the clock said.
          expect(millisOf(ids[ids.length - 1] as string)).toBeGreaterThanOrEqual(now);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a later millisecond always sorts after an earlier one', () => {
    const a = uuidv7(Date.UTC(2026, 0, 1));
    const b = uuidv7(Date.UTC(2026, 0, 1) + 1);
    const c = uuidv7(Date.UTC(2027, 0, 1));
    expect(a < b && b < c).toBe(true);
    expect(sequenceOf(b)).toBe(0);
  });
});
