import { addDays, formatItalianDate, todayInRome } from '../../../../shared/domain/dates';
import type { BackupAlertData } from '../../../../shared/contracts/backup';
import type { BackupSettingsFile } from './settings-file';

const DAY_MS = 86_400_000;
/** After a failed automatic backup, the next try waits this long (not every minute). */
export const RETRY_AFTER_MS = 60 * 60_000;

/** Rome's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function romeOffsetMinutes(at: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(at / 60_000) * 60_000) / 60_000;
}

/** The instant of a Rome wall time (`YYYY-MM-DD`, `HH:MM`); a time skipped by the spring change falls an hour later. */
export function romeInstant(day: string, time: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, mi);
  let guess = wall - romeOffsetMinutes(wall) * 60_000;
  guess = wall - romeOffsetMinutes(guess) * 60_000;
  return guess;
}

/** The newest scheduled moment at or before `now`: today's time, or yesterday's if it has not come yet. */
function latestSlot(time: string, now: number): number {
  const today = todayInRome(new Date(now));
  const slot = romeInstant(today, time);
  return slot <= now ? slot : romeInstant(addDays(today, -1), time);
}

const periodDays = (s: BackupSettingsFile) => (s.frequency === 'weekly' ? 7 : 1);

/**
 * When the next automatic backup is due (an instant in ms), or null when none is scheduled.
 * Daily: once per day after its time; weekly: once seven days have passed since the last one
 * that succeeded. The database is open only while someone is logged in, so a backup missed
 * while no one was (the PC off, everyone logged out) is made at the next moment someone is.
 */
export function nextDueAt(s: BackupSettingsFile, now: number): number | null {
  if (s.frequency === 'off' || s.folder === '') return null;
  const last = s.lastSuccessAt ? Date.parse(s.lastSuccessAt) : null;
  const slot = latestSlot(s.time, now);
  const period = periodDays(s);
  if (last === null || last < slot - (period - 1) * DAY_MS) return Math.min(slot, now);
  // The first slot more than (period - 1) days after the last success.
  let day = todayInRome(new Date(last + (period - 1) * DAY_MS));
  while (romeInstant(day, s.time) <= last + (period - 1) * DAY_MS) day = addDays(day, 1);
  return romeInstant(day, s.time);
}

/** Whether the scheduler should start an automatic backup now. */
export function isDue(s: BackupSettingsFile, now: number): boolean {
  const due = nextDueAt(s, now);
  if (due === null || due > now) return false;
  const lastAuto = s.runs.find((r) => r.kind === 'auto');
  return !(lastAuto && lastAuto.outcome === 'error' && now - Date.parse(lastAuto.at) < RETRY_AFTER_MS);
}

/** The administrator's Home banner: backups not configured, or none succeeded for N days. */
export function backupAlert(s: BackupSettingsFile, now: number): BackupAlertData {
  if (s.folder === '') {
    return { show: true, message: 'I backup non sono ancora configurati: scegli la cartella dove salvarli in Impostazioni → Backup.' };
  }
  const since = s.lastSuccessAt ?? s.configuredAt;
  if (since === null) return { show: false, message: '' };
  const days = Math.floor((now - Date.parse(since)) / DAY_MS);
  if (days < s.alertAfterDays) return { show: false, message: '' };
  const lastError = s.runs.find((r) => r.outcome === 'error');
  const tail = lastError ? ` Ultimo errore: ${lastError.message}` : '';
  const message = s.lastSuccessAt
    ? `Nessun backup riuscito da ${days} giorni (l’ultimo è del ${formatItalianDate(todayInRome(new Date(since)))}). Controlla la cartella in Impostazioni → Backup ed esegui un backup.${tail}`
    : `Nessun backup riuscito da quando è stata scelta la cartella, ${days} giorni fa. Controlla la cartella in Impostazioni → Backup ed esegui un backup.${tail}`;
  return { show: true, message };
}
