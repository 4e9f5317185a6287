import { AppError } from '../../../../shared/domain/errors';

/** Said when every password check slot is taken (a flood of logins). */
export const KDF_BUSY = 'Troppe richieste contemporanee: riprova tra qualche secondo.';

/**
 * Bounds the password KDFs running at once in the whole core (each costs about 128 MiB and a
 * core's worth of time): the excess is refused at once, never queued, so a flood of logins
 * cannot exhaust the machine or delay the office's own staff for long.
 */
export class KdfGate {
  private running = 0;

  constructor(readonly limit = 2) {}

  get available(): boolean {
    return this.running < this.limit;
  }

  /** Take a slot synchronously or throw TOO_MANY_REQUESTS; the work's end frees it. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (!this.available) throw new AppError('TOO_MANY_REQUESTS', KDF_BUSY);
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
    }
  }
}
