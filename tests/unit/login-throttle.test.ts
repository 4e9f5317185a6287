import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FREE_ATTEMPTS, LoginThrottle, waitMessage } from '../../electron/core/services/auth/login-throttle';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function fakeClock(start = Date.UTC(2026, 2, 2, 8, 30)) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

describe('accesso: rallentamento dei tentativi sbagliati', () => {
  it('allows five wrong passwords without any wait', () => {
    expect(FREE_ATTEMPTS).toBe(5);
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    expect(throttle.waitMs('mario.rossi')).toBe(0);
    expect(throttle.failures('mario.rossi')).toBe(0);
    for (let i = 1; i <= 4; i++) {
      throttle.fail('mario.rossi');
      expect(throttle.failures('mario.rossi')).toBe(i);
      expect(throttle.waitMs('mario.rossi'), `dopo ${i} errori`).toBe(0);
    }
    throttle.fail('mario.rossi');
    expect(throttle.failures('mario.rossi')).toBe(5);
    expect(throttle.waitMs('mario.rossi')).toBe(30 * SECOND);
  });

  it('doubles the wait from 30 s up to a 15-minute cap', () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 4; i++) throttle.fail('anna');
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      throttle.fail('anna');
      waits.push(throttle.waitMs('anna'));
      clock.t += throttle.waitMs('anna'); // the person waits it out and tries again
      expect(throttle.waitMs('anna')).toBe(0);
    }
    expect(waits).toEqual([
      30 * SECOND,
      1 * MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      8 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
    ]);
  });

  it('stays at 15 minutes however many failures pile up', () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 2000; i++) throttle.fail('ostinato');
    expect(throttle.waitMs('ostinato')).toBe(15 * MINUTE);
  });

  it('the wait counts down with the clock and never goes negative', () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 6; i++) throttle.fail('luca');
    expect(throttle.waitMs('luca')).toBe(60 * SECOND);
    clock.t += 20 * SECOND;
    expect(throttle.waitMs('luca')).toBe(40 * SECOND);
    clock.t += 40 * SECOND;
    expect(throttle.waitMs('luca')).toBe(0);
    clock.t += 3600 * SECOND;
    expect(throttle.waitMs('luca')).toBe(0);
  });

  it('a correct password clears the count: five free tries again', () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 7; i++) throttle.fail('giulia');
    clock.t += 15 * MINUTE;
    throttle.succeed('giulia');
    expect(throttle.failures('giulia')).toBe(0);
    expect(throttle.waitMs('giulia')).toBe(0);
    for (let i = 0; i < 4; i++) throttle.fail('giulia');
    expect(throttle.waitMs('giulia')).toBe(0);
    throttle.fail('giulia');
    expect(throttle.waitMs('giulia')).toBe(30 * SECOND);
  });

  it('counts each user name on its own', () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 8; i++) throttle.fail('mario.rossi');
    expect(throttle.waitMs('mario.rossi')).toBeGreaterThan(0);
    expect(throttle.waitMs('anna.bianchi')).toBe(0);
    expect(throttle.failures('anna.bianchi')).toBe(0);
    throttle.succeed('anna.bianchi');
    expect(throttle.failures('mario.rossi')).toBe(8);
  });

  it('the wait after n failures is min(15 min, 30 s · 2^(n-5)), for any n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        const clock = fakeClock();
        const throttle = new LoginThrottle(clock.now);
        for (let i = 0; i < n; i++) throttle.fail('x');
        const expected = n < 5 ? 0 : Math.min(15 * MINUTE, 30 * SECOND * 2 ** (n - 5));
        expect(throttle.waitMs('x')).toBe(expected);
      }),
      { numRuns: 200 },
    );
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
