import { describe, expect, it } from 'vitest';
import { periodTitle, shiftPeriod, slotWindow, weekStart } from '../../shared/domain/agenda-period';

describe('periodo mostrato dall’agenda', () => {
  it('titles the day, the week and the month in Italian', () => {
    expect(periodTitle('timeGridDay', '2026-12-01')).toBe('martedì 1 dicembre 2026');
    expect(periodTitle('timeGridWeek', '2026-12-01')).toBe('settimana dal 30 novembre al 6 dicembre 2026');
    expect(periodTitle('timeGridWeek', '2026-12-09')).toBe('settimana dal 7 al 13 dicembre 2026');
    expect(periodTitle('listWeek', '2026-12-31')).toBe('settimana dal 28 dicembre 2026 al 3 gennaio 2027');
    expect(periodTitle('dayGridMonth', '2026-12-15')).toBe('dicembre 2026');
  });

  it('moves by one day, week or month', () => {
    expect(weekStart('2026-12-06')).toBe('2026-11-30');
    expect(shiftPeriod('timeGridDay', '2026-03-28', 1)).toBe('2026-03-29');
    expect(shiftPeriod('timeGridWeek', '2026-12-03', -1)).toBe('2026-11-23');
    expect(shiftPeriod('timeGridWeek', '2026-12-03', 1)).toBe('2026-12-07');
    expect(shiftPeriod('dayGridMonth', '2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftPeriod('dayGridMonth', '2026-01-31', -1)).toBe('2025-12-01');
  });

  it('the grid shows 07:00-20:00 and widens to whole hours around what it holds', () => {
    expect(slotWindow([])).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '20:00:00' });
    expect(slotWindow([{ start: '2026-12-01T09:00', end: '2026-12-01T10:00' }])).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '20:00:00' });
    expect(
      slotWindow([
        { start: '2026-12-01T06:30', end: '2026-12-01T07:15' },
        { start: '2026-12-02T20:30', end: '2026-12-02T21:10' },
      ]),
    ).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '22:00:00' });
    expect(slotWindow([{ start: '2026-12-01T23:00', end: '2026-12-01T23:59' }]).slotMaxTime).toBe('24:00:00');
  });
});
