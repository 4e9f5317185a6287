/**
 * Slows down password guessing per user name: five free tries, then a wait that doubles on each
 * further failure (30 s, 1 min, 2 min … up to 15 min). A success clears the count.
 */
export const FREE_ATTEMPTS = 5;
const BASE_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

interface Entry {
  failures: number;
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds still to wait before this name may try again; 0 when it may. */
  waitMs(username: string): number {
    const e = this.entries.get(username);
    return e ? Math.max(0, e.blockedUntil - this.now()) : 0;
  }

  fail(username: string): void {
    const e = this.entries.get(username) ?? { failures: 0, blockedUntil: 0 };
    e.failures += 1;
    if (e.failures >= FREE_ATTEMPTS) {
      e.blockedUntil = this.now() + Math.min(MAX_WAIT_MS, BASE_WAIT_MS * 2 ** (e.failures - FREE_ATTEMPTS));
    }
    this.entries.set(username, e);
  }

  succeed(username: string): void {
    this.entries.delete(username);
  }

  failures(username: string): number {
    return this.entries.get(username)?.failures ?? 0;
  }
}

export function waitMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const when = seconds === 1 ? '1 secondo' : seconds < 90 ? `${seconds} secondi` : `${Math.ceil(seconds / 60)} minuti`;
  return `Troppi tentativi non riusciti per questo utente: riprova tra ${when}.`;
}
