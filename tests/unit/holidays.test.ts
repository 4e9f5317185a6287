import { describe, expect, it } from 'vitest';
import Holidays from 'date-holidays';
import { easterSunday, holidaysBetween, nationalHolidays } from '../../shared/domain/holidays';

describe('festività', () => {
  it('Easter Sunday and Monday for known years', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect(nationalHolidays(2026).find((h) => h.name.startsWith('Lunedì dell’Angelo'))?.date).toBe('2026-04-06');
  });

  it('agrees with date-holidays on Italian public holidays, 2012-2040 (4 October added from 2026, Legge 151/2025)', () => {
    const hd = new Holidays('IT');
    for (let y = 2012; y <= 2040; y++) {
      const theirs = hd
        .getHolidays(y)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10))
        .filter((d) => !(y >= 2026 && d.endsWith('-10-04')));
      const ours = nationalHolidays(y)
        .map((h) => h.date)
        .filter((d) => !(y >= 2026 && d.endsWith('-10-04')));
      expect([...new Set(ours)]).toEqual([...new Set(theirs)].sort());
    }
  });

  it('a comune’s patron day applies only to that comune', () => {
    const list = holidaysBetween('2026-05-01', '2026-05-05', [{ comuneIstat: '055022', comuneNome: 'Narni', giorno: '05-03', santo: 'San Giovenale' }]);
    expect(list.map((h) => [h.date, h.kind, h.comuneIstat ?? null])).toEqual([
      ['2026-05-01', 'nazionale', null],
      ['2026-05-03', 'patrono', '055022'],
    ]);
  });
});
