import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../shared/domain/dates';
import { buildRule, describeRule, expand, isoWeekday, ruleEnd, ruleProblem, seriesLastDate, wallTimeGap, withEnd } from '../../shared/domain/recurrence';
import { AppointmentInput } from '../../shared/contracts/agenda';

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

describe('fine della serie e ore inesistenti', () => {
  it('a series that ends after N times has exactly N occurrences, and series_until is the date of the last, across DST', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DST_DAYS),
        fc.integer({ min: -40, max: 10 }),
        fc.constantFrom<'daily' | 'weekly' | 'monthly_day' | 'monthly_nth'>('daily', 'weekly', 'monthly_day', 'monthly_nth'),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('01:30', '09:00', '23:00'),
        (dst, offset, freq, count, time) => {
          const start = `${addDays(dst, offset)}T${time}`;
          const rule = buildRule(freq, start, { count });
          const occ = expand({ start, end: start.replace(/T.*/, 'T23:59'), rule }, '2025-01-01', '2036-01-01');
          expect(occ).toHaveLength(count);
          expect(seriesLastDate(start, rule)).toBe(occ.at(-1)?.date);
          for (const o of occ) expect(o.start.slice(11)).toBe(time);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a series that ends on a day includes that day and nothing after it, and series_until is that day, across DST', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DST_DAYS), fc.integer({ min: -20, max: 0 }), fc.integer({ min: 0, max: 40 }), (dst, offset, length) => {
        const first = addDays(dst, offset);
        const until = addDays(first, length);
        const rule = buildRule('daily', `${first}T09:00`, { until });
        const occ = expand({ start: `${first}T09:00`, end: `${first}T10:00`, rule }, '2025-01-01', '2031-01-01');
        expect(occ).toHaveLength(length + 1);
        expect(occ.at(-1)?.date).toBe(until);
        expect(seriesLastDate(`${first}T09:00`, rule)).toBe(until);
      }),
      { numRuns: 200 },
    );
  });

  it('"ogni domenica per 4 settimane": the end is read back and replaced without touching the rest of the rule', () => {
    const weekly = buildRule('weekly', '2026-03-22T10:00');
    const four = withEnd(weekly, { kind: 'dopo', count: 4 });
    expect(four).toBe('FREQ=WEEKLY;BYDAY=SU;COUNT=4');
    expect(ruleEnd(four)).toEqual({ kind: 'dopo', count: 4 });
    expect(describeRule(four)).toBe('ogni domenica, 4 volte');
    expect(expand({ start: '2026-03-22T10:00', end: '2026-03-22T11:00', rule: four }, '2026-01-01', '2027-01-01').map((o) => o.date)).toEqual([
      '2026-03-22',
      '2026-03-29',
      '2026-04-05',
      '2026-04-12',
    ]);
    const until = withEnd(four, { kind: 'il', until: '2026-04-05' });
    expect(until).toBe('FREQ=WEEKLY;BYDAY=SU;UNTIL=20260405');
    expect(ruleEnd(until)).toEqual({ kind: 'il', until: '2026-04-05' });
    expect(withEnd(until, { kind: 'mai' })).toBe(weekly);
    expect(ruleEnd(weekly)).toEqual({ kind: 'mai' });
    expect(withEnd('', { kind: 'dopo', count: 3 })).toBe('');
  });

  it('refuses the wall times the spring DST change skips, and only those', () => {
    expect(wallTimeGap('2026-03-29T02:30')).toBe('L’ora 02:30 del 29/03/2026 non esiste: quella notte gli orologi passano dalle 02:00 alle 03:00.');
    expect(wallTimeGap('2026-03-29T02:00')).not.toBeNull();
    expect(wallTimeGap('2027-03-28T02:59')).not.toBeNull();
    expect(wallTimeGap('2026-03-29T01:59')).toBeNull();
    expect(wallTimeGap('2026-03-29T03:00')).toBeNull();
    expect(wallTimeGap('2026-03-22T02:30')).toBeNull();
    // The autumn change repeats 02:00-02:59: those times exist (twice).
    expect(wallTimeGap('2026-10-25T02:30')).toBeNull();
    // Every last Sunday of March, 1981-2100, and no other day.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 43_000 }), (n) => {
        const date = addDays('1981-01-01', n);
        const skipped = wallTimeGap(`${date}T02:15`) !== null;
        const lastMarchSunday = date.slice(5, 7) === '03' && isoWeekday(date) === 7 && Number(date.slice(8, 10)) > 24;
        expect(skipped).toBe(lastMarchSunday);
      }),
      { numRuns: 500 },
    );
  });

  it('the contract refuses 29/03/2026 02:30 with the Italian message, on the start field', () => {
    const base = {
      tipo: 'colloquio',
      sedeId: null,
      roomId: null,
      comuneIstat: '055022',
      indirizzo: '',
      operatorIds: ['0190a5c0-0000-7000-8000-000000000001'],
      personId: null,
      caseId: null,
      note: '',
    };
    const r = AppointmentInput.safeParse({ ...base, start: '2026-03-29T02:30', end: '2026-03-29T03:30' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      'start',
      'L’ora 02:30 del 29/03/2026 non esiste: quella notte gli orologi passano dalle 02:00 alle 03:00.',
    ]);
    expect(AppointmentInput.safeParse({ ...base, start: '2026-03-29T03:30', end: '2026-03-29T04:30' }).success).toBe(true);
    const ended = AppointmentInput.safeParse({ ...base, start: '2026-05-10T09:00', end: '2026-05-10T10:00', rrule: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20260503' });
    expect(ended.error?.issues.map((i) => i.path.join('.'))).toEqual(['rrule']);
  });
});
