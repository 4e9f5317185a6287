import { describe, expect, it } from 'vitest';
import { backupAlert, isDue, nextDueAt, romeInstant, RETRY_AFTER_MS } from '../../electron/core/services/backup/schedule';
import { DEFAULT_SETTINGS, type BackupSettingsFile } from '../../electron/core/services/backup/settings-file';

const at = (iso: string) => Date.parse(iso);
const settings = (over: Partial<BackupSettingsFile>): BackupSettingsFile => ({ ...DEFAULT_SETTINGS, folder: '/media/backup', configuredAt: '2026-11-01T08:00:00Z', ...over });

describe('backup schedule', () => {
  it('reads Rome wall times in summer and winter', () => {
    expect(new Date(romeInstant('2026-07-01', '13:00')).toISOString()).toBe('2026-07-01T11:00:00.000Z');
    expect(new Date(romeInstant('2026-12-01', '13:00')).toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });

  it('daily: due once the day’s time has come and today has no backup yet', () => {
    const s = settings({ lastSuccessAt: '2026-12-01T12:30:00Z' });
    expect(isDue(s, at('2026-12-02T11:59:00Z'))).toBe(false);
    expect(new Date(nextDueAt(s, at('2026-12-02T11:59:00Z'))!).toISOString()).toBe('2026-12-02T12:00:00.000Z');
    expect(isDue(s, at('2026-12-02T12:00:00Z'))).toBe(true);
    const done = settings({ lastSuccessAt: '2026-12-02T12:01:00Z' });
    expect(isDue(done, at('2026-12-02T18:00:00Z'))).toBe(false);
    expect(new Date(nextDueAt(done, at('2026-12-02T18:00:00Z'))!).toISOString()).toBe('2026-12-03T12:00:00.000Z');
  });

  it('a backup missed while no one was logged in is due at once; never when off or without a folder', () => {
    expect(isDue(settings({ lastSuccessAt: '2026-11-20T12:00:00Z' }), at('2026-12-02T08:00:00Z'))).toBe(true);
    expect(isDue(settings({ lastSuccessAt: null }), at('2026-12-02T08:00:00Z'))).toBe(true);
    expect(nextDueAt(settings({ frequency: 'off' }), at('2026-12-02T08:00:00Z'))).toBeNull();
    expect(nextDueAt(settings({ folder: '' }), at('2026-12-02T08:00:00Z'))).toBeNull();
  });

  it('weekly: seven days after the last success, at the set time', () => {
    const s = settings({ frequency: 'weekly', lastSuccessAt: '2026-12-01T12:05:00Z' });
    expect(isDue(s, at('2026-12-07T13:00:00Z'))).toBe(false);
    expect(new Date(nextDueAt(s, at('2026-12-02T08:00:00Z'))!).toISOString()).toBe('2026-12-08T12:00:00.000Z');
    expect(isDue(s, at('2026-12-08T12:00:00Z'))).toBe(true);
  });

  it('after a failed automatic backup, waits before trying again', () => {
    const failedAt = '2026-12-02T12:00:05Z';
    const s = settings({ lastSuccessAt: '2026-12-01T12:00:00Z', runs: [{ at: failedAt, kind: 'auto', outcome: 'error', name: null, sizeBytes: null, message: 'Disco pieno' }] });
    expect(isDue(s, at(failedAt) + 60_000)).toBe(false);
    expect(isDue(s, at(failedAt) + RETRY_AFTER_MS)).toBe(true);
  });

  it('the Home banner: not configured, or no success for N days', () => {
    const unset = backupAlert({ ...DEFAULT_SETTINGS }, at('2026-12-02T08:00:00Z'));
    expect(unset.show).toBe(true);
    expect(unset.message).toMatch(/non sono ancora configurati/);
    expect(backupAlert(settings({ lastSuccessAt: '2026-11-30T12:00:00Z' }), at('2026-12-02T13:00:00Z')).show).toBe(false);
    const late = backupAlert(settings({ lastSuccessAt: '2026-11-28T12:00:00Z' }), at('2026-12-02T13:00:00Z'));
    expect(late.show).toBe(true);
    expect(late.message).toMatch(/Nessun backup riuscito da 4 giorni \(l’ultimo è del 28\/11\/2026\)/);
    expect(backupAlert(settings({ lastSuccessAt: '2026-11-28T12:00:00Z', alertAfterDays: 7 }), at('2026-12-02T13:00:00Z')).show).toBe(false);
    expect(backupAlert(settings({ configuredAt: '2026-11-25T08:00:00Z' }), at('2026-12-02T13:00:00Z')).message).toMatch(/da quando è stata scelta la cartella, 7 giorni fa/);
  });
});
