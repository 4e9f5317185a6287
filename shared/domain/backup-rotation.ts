import { fromDayNumber, toDayNumber } from './dates';

/**
 * Backup names carry only the moment they were made (Europe/Rome wall time), never anything
 * about the people in them: `udc-backup-20261202-030000`, with `-2`, `-3`… when two fall in the
 * same second.
 */
export const BACKUP_NAME_RE = /^udc-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,3}))?$/;

export interface BackupStamp {
  name: string;
  /** `YYYY-MM-DD` of the backup (Rome). */
  day: string;
  /** Sortable `YYYY-MM-DDTHH:MM:SS` (Rome wall time) plus the collision suffix. */
  sortKey: string;
}

/** Grandfather-father-son, as restic's `forget --keep-daily 7 --keep-weekly 4 --keep-monthly 12`. */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** Wall time in Rome as name parts: the name a backup made at `at` gets (before any suffix). */
export function backupBaseName(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `udc-backup-${get('year')}${get('month')}${get('day')}-${get('hour')}${get('minute')}${get('second')}`;
}

/** The stamp of a backup name, or null for any other file or folder (never touched by rotation). */
export function parseBackupName(name: string): BackupStamp | null {
  const m = BACKUP_NAME_RE.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, n] = m as unknown as string[];
  const day = `${y}-${mo}-${d}`;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return { name, day, sortKey: `${day}T${h}:${mi}:${s}#${(n ?? '1').padStart(3, '0')}` };
}

/** ISO 8601 week (`2026-W49`) of a `YYYY-MM-DD` day: the week belongs to the year of its Thursday. */
export function isoWeekOf(day: string): string {
  const thursday = thursdayOf(toDayNumber(day));
  const year = Number(fromDayNumber(thursday).slice(0, 4));
  const week = 1 + Math.round((thursday - thursdayOf(toDayNumber(`${year}-01-04`))) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Thursday of a day's ISO week (day 0 of toDayNumber, 1970-01-01, was a Thursday). */
function thursdayOf(dayNumber: number): number {
  const weekday = ((((dayNumber + 3) % 7) + 7) % 7) + 1; // 1 = Monday … 7 = Sunday
  return dayNumber + 4 - weekday;
}

/**
 * Which backups to keep: walking newest first, the newest of each of the last `daily` days
 * that have a backup, of the last `weekly` ISO weeks and of the last `monthly` months; the
 * newest backup is always kept. Everything else may be deleted. Pure, so a simulated year can
 * test it.
 */
export function backupsToKeep(stamps: readonly BackupStamp[], policy: RotationPolicy = DEFAULT_ROTATION): Set<string> {
  const newestFirst = [...stamps].sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  const keep = new Set<string>();
  const first = newestFirst[0];
  if (first) keep.add(first.name);
  const rules: [number, (s: BackupStamp) => string][] = [
    [policy.daily, (s) => s.day],
    [policy.weekly, (s) => isoWeekOf(s.day)],
    [policy.monthly, (s) => s.day.slice(0, 7)],
  ];
  for (const [count, bucketOf] of rules) {
    let last: string | null = null;
    let kept = 0;
    for (const s of newestFirst) {
      if (kept >= count) break;
      const bucket = bucketOf(s);
      if (bucket === last) continue;
      last = bucket;
      kept++;
      keep.add(s.name);
    }
  }
  return keep;
}
