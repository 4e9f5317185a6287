import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../shared/domain/dates';
import { buildRule, describeRule, expand, isoWeekday, ruleProblem, seriesLastDate } from '../../shared/domain/recurrence';

// The last Sundays of March and October, when Italy changes clock.
const DST_DAYS = ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2028-03-26', '2028-10-29'];

describe('ricorrenze (RRULE, ora locale)', () => {
  it('a weekly 09:00 series stays at 09:00 local time on every occurrence, 2026-2028, DST days included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 - 8 }), fc.integer({ min: 1, max: 7 }), (offset, weekday) => {
        // Start on some day of 2026-2028, on any weekday; expand to the end of 2028.
        let start = addDays('2026-01-01', offset);
        while (isoWeekday(start) !== weekday) start = addDays(start, 1);
        const rule = buildRule('weekly', `${start}T09:00`);
        const occ = expand({ start: `${start}T09:00`, end: `${start}T10:00`, rule }, '2026-01-01', '2029-01-01');
        expect(occ.length).toBeGreaterThan(0);
        for (const o of occ) {
          expect(o.start.slice(11)).toBe('09:00');
          expect(o.end.slice(11)).toBe('10:00');
          expect(isoWeekday(o.date)).toBe(weekday);
        }
        for (let i = 1; i < occ.length; i++) expect(addDays(occ[i - 1]!.date, 7)).toBe(occ[i]!.date);
      }),
      { numRuns: 200 },
    );
  });

  it('a Sunday series lands on the DST-change Sundays at 09:00', () => {
    const occ = expand({ start: '2026-01-04T09:00', end: '2026-01-04T09:30', rule: 'FREQ=WEEKLY;BYDAY=SU' }, '2026-01-01', '2029-01-01');
    const byDate = new Map(occ.map((o) => [o.date, o.start]));
    for (const d of DST_DAYS) expect(byDate.get(d)).toBe(`${d}T09:00`);
  });

  it('«riunione d’équipe ogni martedì alle 9»: every Tuesday in the window, exceptions skipped', () => {
    const rule = buildRule('weekly', '2026-05-05T09:00');
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(describeRule(rule)).toBe('ogni martedì');
    const occ = expand({ start: '2026-05-05T09:00', end: '2026-05-05T11:00', rule, exdates: ['2026-05-19'] }, '2026-05-01', '2026-06-01');
    expect(occ.map((o) => o.date)).toEqual(['2026-05-05', '2026-05-12', '2026-05-26']);
  });

  it('«sportello a Giove il primo lunedì del mese»', () => {
    const rule = buildRule('monthly_nth', '2026-01-05T10:00');
    expect(rule).toBe('FREQ=MONTHLY;BYDAY=1MO');
    expect(describeRule(rule)).toBe('il primo lunedì del mese');
    const occ = expand({ start: '2026-01-05T10:00', end: '2026-01-05T12:00', rule }, '2026-01-01', '2026-07-01');
    expect(occ.map((o) => o.date)).toEqual(['2026-01-05', '2026-02-02', '2026-03-02', '2026-04-06', '2026-05-04', '2026-06-01']);
    expect(occ.every((o) => o.start.endsWith('T10:00'))).toBe(true);
  });

  it('UNTIL includes its day; COUNT ends the series; the last date is known for indexing', () => {
    const until = buildRule('weekly', '2026-05-05T09:00', { until: '2026-05-19' });
    expect(expand({ start: '2026-05-05T09:00', end: '2026-05-05T10:00', rule: until }, '2026-01-01', '2027-01-01')).toHaveLength(3);
    expect(seriesLastDate('2026-05-05T09:00', until)).toBe('2026-05-19');
    const count = buildRule('daily', '2026-05-05T09:00', { count: 4 });
    expect(seriesLastDate('2026-05-05T09:00', count)).toBe('2026-05-08');
    expect(seriesLastDate('2026-05-05T09:00', 'FREQ=WEEKLY')).toBeNull();
  });

  it('refuses rules it does not handle, in Italian', () => {
    expect(ruleProblem('FREQ=WEEKLY;BYDAY=TU')).toBeNull();
    expect(ruleProblem('FREQ=HOURLY')).toMatch(/frequenza/);
    expect(ruleProblem('FREQ=WEEKLY;BYHOUR=9')).toMatch(/non è gestita/);
    expect(ruleProblem('DROP TABLE')).toMatch(/non valida/);
  });
});
