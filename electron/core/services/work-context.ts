import { todayInRome } from '../../../shared/domain/dates';
import type { Profile } from '../../../shared/domain/permissions';
import type { Actor } from '../db/repositories/audit.repo';
import type { Store } from '../store';

/** Who is working, on what, and when: what every case-file service needs besides its input. */
export interface WorkContext {
  store: Store;
  actor: Actor;
  userId: string;
  profile: Profile;
  /** Wall clock, injectable for tests. */
  now: () => number;
}

export function today(ctx: WorkContext): string {
  return todayInRome(new Date(ctx.now()));
}

export function nowIso(ctx: WorkContext): string {
  return new Date(ctx.now()).toISOString();
}
