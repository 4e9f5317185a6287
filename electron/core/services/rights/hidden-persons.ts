import { can } from '../../../../shared/domain/permissions';
import type { WorkContext } from '../work-context';

/**
 * GDPR art. 18 on the reading side: a person whose processing is restricted is hidden from every
 * list and search but the coordinator's (`rights.manage`, who lifts the restriction). Their file
 * can still be opened read-only from a link; writes are refused by the router
 * (ipc/restriction-guard.ts). Read once per call: restrictions are few.
 */
export function hiddenPersons(ctx: WorkContext): ReadonlySet<string> {
  if (can(ctx.profile, 'rights.manage')) return EMPTY;
  return ctx.store.rights.restrictedPersonIds();
}

const EMPTY: ReadonlySet<string> = new Set();

/** The rows of a list this user may see listed: those of restricted people are left out. */
export function withoutRestricted<T>(ctx: WorkContext, rows: readonly T[], personOf: (row: T) => string | null): T[] {
  const hidden = hiddenPersons(ctx);
  if (hidden.size === 0) return [...rows];
  return rows.filter((r) => {
    const personId = personOf(r);
    return personId === null || !hidden.has(personId);
  });
}
