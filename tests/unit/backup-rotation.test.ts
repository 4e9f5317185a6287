import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupBaseName, backupsToKeep, isoWeekOf, parseBackupName, type BackupStamp } from '../../shared/domain/backup-rotation';
import { addDays, toDayNumber } from '../../shared/domain/dates';

const stamp = (day: string, time = '130000', n?: number): BackupStamp => parseBackupName(`udc-backup-${day.replace(/-/g, '')}-${time}${n ? `-${n}` : ''}`)!;

describe('backup names', () => {
  it('carry only the Rome date and time', () => {
    expect(backupBaseName(new Date('2026-12-02T02:03:04Z'))).toBe('udc-backup-20261202-030304');
    expect(backupBaseName(new Date('2026-07-31T22:30:00Z'))).toBe('udc-backup-20260801-003000');
  });

  it('are parsed back; anything else is not a backup', () => {
    expect(parseBackupName('udc-backup-20261202-030304')).toEqual({ name: 'udc-backup-20261202-030304', day: '2026-12-02', sortKey: '2026-12-02T03:03:04#001' });
    expect(parseBackupName('udc-backup-20261202-030304-2')?.sortKey).toBe('2026-12-02T03:03:04#002');
    for (const other of ['udc-backup-20261302-030304', 'udc-backup-20261202-250000', 'foto.jpg', '.udc-backup-20261202-030304.ab12.tmp', 'udc-backup-20261202']) {
      expect(parseBackupName(other), other).toBeNull();
    }
  });

  it('ISO weeks belong to the year of their Thursday', () => {
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2026-12-02')).toBe('2026-W49');
  });
});

describe('rotation: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps the right backups across a simulated year of daily backups, rotated after each', () => {
    let folder: BackupStamp[] = [];
    const first = '2026-01-01';
    let day = first;
    for (let i = 0; i < 365; i++, day = addDays(day, 1)) {
      folder.push(stamp(day));
      const keep = backupsToKeep(folder);
      folder = folder.filter((s) => keep.has(s.name));
      expect(folder.length).toBeLessThanOrEqual(7 + 4 + 12);
      // Never loses today's, nor any of the last seven days.
      for (let back = 0; back < Math.min(7, i + 1); back++) expect(keep.has(stamp(addDays(day, -back)).name)).toBe(true);
    }
    const last = addDays(day, -1);
    expect(last).toBe('2026-12-31');
    // Worked out by hand: the last 7 days, the Sunday (or newest day) of the last 4 ISO weeks, the last day of every month.
    const expected = new Set<string>();
    for (let back = 0; back < 7; back++) expected.add(addDays(last, -back));
    for (const d of ['2026-12-31', '2026-12-27', '2026-12-20', '2026-12-13']) expected.add(d);
    for (const d of ['01-31', '02-28', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31']) expected.add(`2026-${d}`);
    expect(folder.map((s) => s.day).sort()).toEqual([...expected].sort());
  });

  it('keeps the newest of a day when several were made, and ignores suffixes in ordering', () => {
    const list = [stamp('2026-05-04', '090000'), stamp('2026-05-04', '130000'), stamp('2026-05-04', '130000', 2)];
    const keep = backupsToKeep(list);
    expect([...keep]).toEqual(['udc-backup-20260504-130000-2']);
  });

  it('holds for any set of backups: bounded, newest kept, the last 7 backup days kept, stable when applied again', () => {
    const arbitraryStamp = fc
      .record({ offset: fc.integer({ min: 0, max: 800 }), h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
      .map(({ offset, h, m }) => stamp(addDays('2025-01-01', offset), `${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}00`));
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryStamp, { selector: (s) => s.name, maxLength: 200 }), (list) => {
        const keep = backupsToKeep(list);
        expect(keep.size).toBeLessThanOrEqual(Math.min(list.length, 23));
        if (list.length === 0) return;
        const newest = [...list].sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1));
        expect(keep.has(newest[0]!.name)).toBe(true);
        const days = [...new Set(newest.map((s) => s.day))].slice(0, 7);
        for (const d of days) expect(newest.some((s) => s.day === d && keep.has(s.name))).toBe(true);
        // Months: the newest of each of the last 12 months that have a backup.
        const months = [...new Set(newest.map((s) => s.day.slice(0, 7)))].slice(0, 12);
        for (const mo of months) expect(keep.has(newest.find((s) => s.day.startsWith(mo))!.name)).toBe(true);
        const again = backupsToKeep(list.filter((s) => keep.has(s.name)));
        expect([...again].sort()).toEqual([...keep].sort());
        // Nothing is kept that is older than every rule reaches.
        const oldestKept = Math.min(...[...keep].map((n) => toDayNumber(parseBackupName(n)!.day)));
        expect(oldestKept).toBeGreaterThanOrEqual(toDayNumber(newest.at(-1)!.day));
      }),
      { numRuns: 300 },
    );
  });
});
