import fs from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../../shared/domain/errors';
import { atomicWrite } from '../../files/atomic-write';

/**
 * Slows down guessing per user name: five free tries, then a wait that doubles on each further
 * failure (30 s, 1 min, 2 min … up to 15 min). Three properties the attacker measured:
 * - an attempt is counted when it starts, before the KDF's `await`, so parallel attempts cannot
 *   all slip through the check; a success takes back only its own count;
 * - one attempt per name is in flight at a time; the others are refused at once, without a KDF;
 * - the counts live in a file of the data folder, so a restart does not clear them. The file
 *   names no one: a name in the key file is stored as its user id, any other name as an HMAC
 *   under a salt kept in the same file.
 */
export const FREE_ATTEMPTS = 5;
const BASE_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
/** Entries not blocked and untouched for a day are forgotten; the file never grows past this. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;
const MAX_ENTRIES = 1_000;

export type ThrottleScope = 'login' | 'recovery';

const EntrySchema = z.object({ failures: z.number().int().min(0), blockedUntil: z.number(), last: z.number() });
type Entry = z.infer<typeof EntrySchema>;
const FileSchema = z.object({
  format: z.literal('udc-tentativi'),
  version: z.literal(1),
  salt: z.string(),
  entries: z.record(z.string(), EntrySchema),
});
type ThrottleFile = z.infer<typeof FileSchema>;

/** One started attempt: it must end with exactly one of these. */
export interface Attempt {
  /** The secret was right: take back this attempt's count and, if that unblocks the name, forget it. */
  succeed(): void;
  /** The secret was wrong: the count stays. Returns the failures so far for this name. */
  fail(): number;
  /** The attempt never reached the check (key file unreadable, overload): take back its count. */
  cancel(): void;
}

export class LoginThrottle {
  private state: ThrottleFile | null = null;
  private readonly inFlight = new Set<string>();

  /**
   * @param file where the counts persist (null: memory only)
   * @param userIdOf the user id a name has in the key file, or null
   */
  constructor(
    private readonly file: string | null,
    private readonly userIdOf: (username: string) => string | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds still to wait before this name may try again; 0 when it may. */
  waitMs(scope: ThrottleScope, username: string): number {
    const e = this.load().entries[this.keyOf(scope, username)];
    return e ? Math.max(0, e.blockedUntil - this.now()) : 0;
  }

  /**
   * Start an attempt, synchronously: refuses a blocked name or a name with an attempt already in
   * flight, else counts the attempt now and persists the count.
   */
  begin(scope: ThrottleScope, username: string): Attempt {
    const key = this.keyOf(scope, username);
    const wait = this.waitMs(scope, username);
    if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', waitMessage(wait));
    if (this.inFlight.has(key)) throw new AppError('TOO_MANY_ATTEMPTS', IN_FLIGHT_MESSAGE);
    this.inFlight.add(key);
    let counted = 0;
    try {
      this.update(key, (e) => {
        counted = e.failures + 1;
        return { ...e, failures: counted, blockedUntil: this.blockFor(counted), last: this.now() };
      });
    } catch (error) {
      this.inFlight.delete(key);
      throw error;
    }
    let ended = false;
    const end = (change: (e: Entry) => Entry | null) => {
      if (ended) return;
      ended = true;
      this.inFlight.delete(key);
      this.update(key, change);
    };
    // Others failed meanwhile (another process on the same folder) and blocked the name.
    const othersBlocked = (e: Entry) => e.failures > counted && e.failures - 1 >= FREE_ATTEMPTS && e.blockedUntil > this.now();
    return {
      // A success clears the name, unless it stays blocked without this attempt's own count.
      succeed: () => end((e) => (othersBlocked(e) ? { ...e, failures: e.failures - 1 } : null)),
      fail: () => {
        end((e) => ({ ...e, blockedUntil: Math.max(e.blockedUntil, this.blockFor(e.failures)), last: this.now() }));
        return this.failures(scope, username);
      },
      cancel: () =>
        end((e) => {
          const failures = Math.max(0, e.failures - 1);
          if (othersBlocked(e)) return { ...e, failures };
          // The wait this attempt's own count started goes with it.
          return failures === 0 ? null : { ...e, failures, blockedUntil: e.failures === counted ? 0 : e.blockedUntil };
        }),
    };
  }

  failures(scope: ThrottleScope, username: string): number {
    return this.load().entries[this.keyOf(scope, username)]?.failures ?? 0;
  }

  private blockFor(failures: number): number {
    return failures >= FREE_ATTEMPTS ? this.now() + Math.min(MAX_WAIT_MS, BASE_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS)) : 0;
  }

  private keyOf(scope: ThrottleScope, username: string): string {
    const name = username.trim().toLowerCase();
    let userId: string | null = null;
    try {
      userId = this.userIdOf(name);
    } catch {
      // No readable key file: the name is throttled under its HMAC all the same.
    }
    const who = userId ? `u:${userId}` : `h:${createHmac('sha256', Buffer.from(this.load().salt, 'base64')).update(name, 'utf8').digest('base64url')}`;
    return `${scope === 'login' ? 'l' : 'r'}:${who}`;
  }

  private update(key: string, change: (e: Entry) => Entry | null): void {
    const state = this.load();
    const next = change(state.entries[key] ?? { failures: 0, blockedUntil: 0, last: this.now() });
    const entries = { ...state.entries };
    if (next) entries[key] = next;
    else delete entries[key];
    this.save({ ...state, entries: this.pruned(entries) });
  }

  private pruned(entries: Record<string, Entry>): Record<string, Entry> {
    const now = this.now();
    const kept = Object.entries(entries).filter(([, e]) => e.blockedUntil > now || now - e.last < FORGET_AFTER_MS);
    kept.sort(([, a], [, b]) => b.last - a.last);
    return Object.fromEntries(kept.slice(0, MAX_ENTRIES));
  }

  /** Read afresh each time: another process on the same folder (the CLI) shares the counts. */
  private load(): ThrottleFile {
    let loaded: ThrottleFile | null = null;
    if (this.file && fs.existsSync(this.file)) {
      try {
        const parsed = FileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
        if (parsed.success) loaded = parsed.data;
      } catch {
        // Missing or damaged: start afresh. A damaged file loses counts, never blocks anyone forever.
      }
    }
    this.state = loaded ?? this.state ?? { format: 'udc-tentativi', version: 1, salt: randomBytes(16).toString('base64'), entries: {} };
    return this.state;
  }

  private save(state: ThrottleFile): void {
    this.state = state;
    if (this.file) atomicWrite(this.file, `${JSON.stringify(state)}\n`);
  }
}

const IN_FLIGHT_MESSAGE = 'Troppe richieste per questo utente: attendi l’esito del tentativo in corso e riprova.';

export function waitMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const when = seconds === 1 ? '1 secondo' : seconds < 90 ? `${seconds} secondi` : `${Math.ceil(seconds / 60)} minuti`;
  return `Troppi tentativi non riusciti per questo utente: riprova tra ${when}.`;
}
