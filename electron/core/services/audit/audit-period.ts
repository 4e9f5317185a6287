import type { AuditFilterData } from '../../../../shared/contracts/audit';
import { addDays } from '../../../../shared/domain/dates';
import type { AuditQuery } from '../../db/repositories/audit.repo';

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'shortOffset' });

/** The UTC instant at which a day begins in Rome (the log stores UTC; the user thinks in Rome's days). */
export function romeDayStart(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // Rome's offset one hour before that UTC midnight, i.e. at or just before Rome's midnight:
  // DST changes at 01:00 UTC, so the offset at Rome's midnight is the one in force the evening before.
  const probe = new Date(Date.UTC(y, m - 1, d) - 3_600_000);
  const name = offsetFormat.formatToParts(probe).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+1';
  const hours = Number(/GMT([+-]\d+)/.exec(name)?.[1] ?? '1');
  return new Date(Date.UTC(y, m - 1, d) - hours * 3_600_000).toISOString();
}

/** The viewer's filters as the repository reads them: the period from Rome's days to UTC instants. */
export function toAuditQuery(f: Pick<AuditFilterData, 'outcome' | 'username' | 'action' | 'soggetto' | 'dal' | 'al'>): AuditQuery {
  return {
    outcome: f.outcome,
    username: f.username === null || f.username.trim() === '' ? null : f.username.trim().toLowerCase(),
    action: f.action,
    soggetto: f.soggetto,
    fromAt: f.dal === null ? null : romeDayStart(f.dal),
    toAt: f.al === null ? null : romeDayStart(addDays(f.al, 1)),
  };
}
