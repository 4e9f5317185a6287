import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FREE_ATTEMPTS, LoginThrottle, waitMessage } from '../../electron/core/services/auth/login-throttle';
import { AppError } from '../../shared/domain/errors';
import { tempDir } from '../support/core-harness';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function fakeClock(start = Date.UTC(2026, 2, 2, 8, 30)) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

/** A throttle in memory, with the two outcomes of one whole attempt as helpers. */
function memoryThrottle(clock: { now: () => number }) {
  const throttle = new LoginThrottle(null, () => null, clock.now);
  return {
    throttle,
    waitMs: (name: string) => throttle.waitMs('login', name),
    failures: (name: string) => throttle.failures('login', name),
    fail: (name: string) => throttle.begin('login', name).fail(),
    succeed: (name: string) => throttle.begin('login', name).succeed(),
  };
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('accesso: rallentamento dei tentativi sbagliati', () => {
  it('allows five wrong passwords without any wait', () => {
    expect(FREE_ATTEMPTS).toBe(5);
    const t = memoryThrottle(fakeClock());
    expect(t.waitMs('mario.rossi')).toBe(0);
    expect(t.failures('mario.rossi')).toBe(0);
    for (let i = 1; i <= 4; i++) {
      expect(t.fail('mario.rossi')).toBe(i);
      expect(t.waitMs('mario.rossi'), `dopo ${i} errori`).toBe(0);
    }
    t.fail('mario.rossi');
    expect(t.failures('mario.rossi')).toBe(5);
    expect(t.waitMs('mario.rossi')).toBe(30 * SECOND);
  });

  it('refuses any attempt while blocked, without counting it', () => {
    const t = memoryThrottle(fakeClock());
    for (let i = 0; i < 5; i++) t.fail('anna');
    const refused = refusal(() => t.throttle.begin('login', 'anna'));
    expect(refused.code).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.message).toBe(waitMessage(30 * SECOND));
    expect(t.failures('anna')).toBe(5);
  });

  it('doubles the wait from 30 s up to a 15-minute cap', () => {
    const clock = fakeClock();
    const t = memoryThrottle(clock);
    for (let i = 0; i < 4; i++) t.fail('anna');
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      t.fail('anna');
      waits.push(t.waitMs('anna'));
      clock.t += t.waitMs('anna'); // the person waits it out and tries again
      expect(t.waitMs('anna')).toBe(0);
    }
    expect(waits).toEqual([30 * SECOND, 1 * MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 15 * MINUTE, 15 * MINUTE, 15 * MINUTE, 15 * MINUTE, 15 * MINUTE]);
  });

  it('the wait counts down with the clock and never goes negative', () => {
    const clock = fakeClock();
    const t = memoryThrottle(clock);
    for (let i = 0; i < 5; i++) t.fail('luca');
    clock.t += 30 * SECOND;
    t.fail('luca');
    expect(t.waitMs('luca')).toBe(60 * SECOND);
    clock.t += 20 * SECOND;
    expect(t.waitMs('luca')).toBe(40 * SECOND);
    clock.t += 40 * SECOND;
    expect(t.waitMs('luca')).toBe(0);
    clock.t += 3600 * SECOND;
    expect(t.waitMs('luca')).toBe(0);
  });

  it('a correct password clears the count: five free tries again', () => {
    const clock = fakeClock();
    const t = memoryThrottle(clock);
    for (let i = 0; i < 7; i++) {
      t.fail('giulia');
      clock.t += t.waitMs('giulia');
    }
    clock.t += 15 * MINUTE;
    t.succeed('giulia');
    expect(t.failures('giulia')).toBe(0);
    expect(t.waitMs('giulia')).toBe(0);
    for (let i = 0; i < 4; i++) t.fail('giulia');
    expect(t.waitMs('giulia')).toBe(0);
    t.fail('giulia');
    expect(t.waitMs('giulia')).toBe(30 * SECOND);
  });

  it('counts each user name on its own', () => {
    const t = memoryThrottle(fakeClock());
    for (let i = 0; i < 5; i++) t.fail('mario.rossi');
    expect(t.waitMs('mario.rossi')).toBeGreaterThan(0);
    expect(t.waitMs('anna.bianchi')).toBe(0);
    expect(t.failures('anna.bianchi')).toBe(0);
    t.succeed('anna.bianchi');
    expect(t.failures('mario.rossi')).toBe(5);
  });

  it('the wait after n failures is min(15 min, 30 s · 2^(n-5)), for any n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        const clock = fakeClock();
        const t = memoryThrottle(clock);
        for (let i = 0; i < n - 1; i++) {
          t.fail('x');
          clock.t += t.waitMs('x');
        }
        t.fail('x');
        const expected = n < 5 ? 0 : Math.min(15 * MINUTE, 30 * SECOND * 2 ** (n - 5));
        expect(t.waitMs('x')).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('accesso: tentativi contemporanei', () => {
  it('an attempt counts as soon as it starts, and a second one for the same name is refused while it runs', () => {
    const t = memoryThrottle(fakeClock());
    const first = t.throttle.begin('login', 'anna');
    expect(t.failures('anna')).toBe(1);
    const refused = refusal(() => t.throttle.begin('login', 'anna'));
    expect(refused.code).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.message).toMatch(/Troppe richieste per questo utente/);
    expect(t.failures('anna')).toBe(1);
    // Another name, or the recovery of the same name, is not held up.
    t.throttle.begin('login', 'luca').cancel();
    t.throttle.begin('recovery', 'anna').cancel();
    first.fail();
    t.throttle.begin('login', 'anna').cancel();
    expect(t.failures('anna')).toBe(1);
  });

  it('the fifth attempt starting blocks the name before its KDF ends', () => {
    const t = memoryThrottle(fakeClock());
    for (let i = 0; i < 4; i++) t.fail('anna');
    const fifth = t.throttle.begin('login', 'anna');
    expect(t.waitMs('anna')).toBe(30 * SECOND);
    // It may still succeed: it started while the name was free, and it clears the count.
    fifth.succeed();
    expect(t.failures('anna')).toBe(0);
    expect(t.waitMs('anna')).toBe(0);
  });
});

describe('accesso: conteggi su file', () => {
  it('survive a new throttle on the same file, which names no one', () => {
    const clock = fakeClock();
    const file = path.join(tempDir(), 'tentativi.json');
    const ids: Record<string, string> = { 'anna.bianchi': '0190a0b0-0000-7000-8000-000000000001' };
    const first = new LoginThrottle(file, (n) => ids[n] ?? null, clock.now);
    for (let i = 0; i < 5; i++) {
      first.begin('login', 'anna.bianchi').fail();
      first.begin('login', 'mario.rossi').fail();
      first.begin('recovery', 'mario.rossi').fail();
    }
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toMatch(/anna|bianchi|mario|rossi/);
    expect(text).toContain(ids['anna.bianchi']);
    const second = new LoginThrottle(file, (n) => ids[n] ?? null, clock.now);
    for (const name of ['anna.bianchi', 'Mario.Rossi']) {
      expect(second.waitMs('login', name)).toBe(30 * SECOND);
      expect(refusal(() => second.begin('login', name)).code).toBe('TOO_MANY_ATTEMPTS');
    }
    expect(second.waitMs('recovery', 'mario.rossi')).toBe(30 * SECOND);
    expect(second.waitMs('login', 'luca.verdi')).toBe(0);
  });

  it('a damaged file loses the counts and blocks no one', () => {
    const file = path.join(tempDir(), 'tentativi.json');
    fs.writeFileSync(file, '{"format": "udc-tentativi", "entr');
    const throttle = new LoginThrottle(file, () => null, fakeClock().now);
    expect(throttle.waitMs('login', 'anna')).toBe(0);
    throttle.begin('login', 'anna').fail();
    expect(throttle.failures('login', 'anna')).toBe(1);
  });
});

describe('accesso: messaggio di attesa', () => {
  it('speaks Italian, in seconds for short waits and minutes for long ones', () => {
    expect(waitMessage(30 * SECOND)).toBe('Troppi tentativi non riusciti per questo utente: riprova tra 30 secondi.');
    expect(waitMessage(60 * SECOND)).toBe('Troppi tentativi non riusciti per questo utente: riprova tra 60 secondi.');
    expect(waitMessage(89 * SECOND)).toBe('Troppi tentativi non riusciti per questo utente: riprova tra 89 secondi.');
    expect(waitMessage(4 * MINUTE)).toBe('Troppi tentativi non riusciti per questo utente: riprova tra 4 minuti.');
    expect(waitMessage(15 * MINUTE)).toBe('Troppi tentativi non riusciti per questo utente: riprova tra 15 minuti.');
  });

  it('rounds up, so nobody is told to retry too early', () => {
    expect(waitMessage(29_001)).toContain('30 secondi');
    expect(waitMessage(4 * MINUTE + 1)).toContain('5 minuti');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 * MINUTE }), (ms) => {
        const m = /riprova tra (\d+) (secondo|secondi|minuto|minuti)\.$/.exec(waitMessage(ms));
        expect(m).not.toBeNull();
        const amount = Number(m?.[1]);
        const unitMs = m?.[2]?.startsWith('second') ? SECOND : MINUTE;
        expect(amount * unitMs).toBeGreaterThanOrEqual(ms);
        expect(amount).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('uses the singular for one second ("1 secondo", not "1 secondi")', () => {
    expect(waitMessage(1)).toBe('Troppi tentativi non riusciti per questo utente: riprova tra 1 secondo.');
    expect(waitMessage(1000)).toBe('Troppi tentativi non riusciti per questo utente: riprova tra 1 secondo.');
    expect(waitMessage(1001)).toBe('Troppi tentativi non riusciti per questo utente: riprova tra 2 secondi.');
  });
});
