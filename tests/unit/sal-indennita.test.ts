import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates';
import { holidaysBetween } from '../../shared/domain/holidays';
import { monthIndennita } from '../../shared/domain/sal/indennita';
import { DEFAULT_PARAMETERS, parametersInForce } from '../../shared/domain/sal/parameters';
import { checkPresenze, monthGrid, type Presenza } from '../../shared/domain/sal/presenze';
import type { Orario } from '../../shared/domain/sal/regimi';
import type { TirocinioPlan } from '../../shared/domain/sal/tirocinio-rules';

const P = parametersInForce(DEFAULT_PARAMETERS, 'ordinario', '2027-01-01')!;
const weekdays = (ore: number): Orario => ({ lun: ore, mar: ore, mer: ore, gio: ore, ven: ore, sab: 0, dom: 0 });
const plan = (inizio: string, fine: string, ore = 4, extra: Partial<TirocinioPlan> = {}): TirocinioPlan => ({
  inizio,
  fine,
  oreSettimanali: ore * 5,
  orario: weekdays(ore),
  sospensioni: [],
  ...extra,
});
const holidays = (month: string) => new Map(holidaysBetween(`${month}-01`, addDays(`${month}-28`, 4)).map((h) => [h.date, h.name]));
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

/** `hours` spread over the month's planned days, in the grid's order, at most the planned hours each. */
function attended(p: TirocinioPlan, month: string, hours: number): Presenza[] {
  const out: Presenza[] = [];
  let left = hours;
  for (const d of monthGrid(p, month, holidays(month))) {
    if (d.kind !== 'previsto' || left <= 0) continue;
    const ore = Math.min(d.previste, left);
    out.push({ date: d.date, ore });
    left -= ore;
  }
  return out;
}

const FULL = plan('2027-01-04', '2027-06-30');

describe('indennità: worked examples (Mon–Fri 4 h = 20 h a week: 450,00 € a month)', () => {
  it('a full month: February 2027 plans 80 hours; 62 attended is 77,5%, above 70%: full amount', () => {
    const r = monthIndennita(FULL, P, '2027-02', holidays('2027-02'), attended(FULL, '2027-02', 62));
    expect(r).toMatchObject({ previste: 80, previsteMeseIntero: 80, svolte: 62, percentuale: 77.5, piena: true, importoCents: 45_000 });
    expect(nbsp(r.spiegazione)).toBe('ore previste 80, svolte 62 = 77,5% ≥ 70%: indennità piena 450,00 €');
  });
  it('69,9% is paid in proportion, 70% in full (25 h a week: 100 hours in February 2027)', () => {
    const p = plan('2027-01-04', '2027-06-30', 5);
    const below = monthIndennita(p, P, '2027-02', holidays('2027-02'), attended(p, '2027-02', 69.9));
    expect(below).toMatchObject({ previste: 100, percentuale: 69.9, piena: false, importoCents: 31_455 });
    expect(nbsp(below.spiegazione)).toBe('ore previste 100, svolte 69,9 = 69,9% < 70%: indennità in proporzione alle ore svolte (69,9 su 100 × 450,00 €) 314,55 €');
    const at = monthIndennita(p, P, '2027-02', holidays('2027-02'), attended(p, '2027-02', 70));
    expect(at).toMatchObject({ percentuale: 70, piena: true, importoCents: 45_000 });
  });
  it('first month from 15 February: 40 of the month’s 80 hours, half the amount; 30 attended is 75%', () => {
    const p = plan('2027-02-15', '2027-08-14');
    const r = monthIndennita(p, P, '2027-02', holidays('2027-02'), attended(p, '2027-02', 30));
    expect(r).toMatchObject({ previste: 40, previsteMeseIntero: 80, svolte: 30, piena: true, importoCents: 22_500 });
    expect(nbsp(r.spiegazione)).toBe(
      'mese in parte: ore previste 40 su 80 del mese intero, quota 225,00 € di 450,00 €; ore previste 40, svolte 30 = 75% ≥ 70%: indennità piena 225,00 €',
    );
  });
  it('last month ending Friday 12 February: 40 planned, 20 attended (50%): 20 of 80 hours of the amount', () => {
    const p = plan('2026-09-01', '2027-02-12');
    const r = monthIndennita(p, P, '2027-02', holidays('2027-02'), attended(p, '2027-02', 20));
    expect(r).toMatchObject({ previste: 40, svolte: 20, percentuale: 50, piena: false, importoCents: 11_250 });
  });
  it('a chiusura aziendale from 8 to 22 February: its 11 working days earn nothing and hours in it do not count', () => {
    const p = { ...FULL, sospensioni: [{ dal: '2027-02-08', al: '2027-02-22', motivo: 'chiusura_aziendale' as const }] };
    const grid = monthGrid(p, '2027-02', holidays('2027-02'));
    expect(grid.filter((d) => d.kind === 'sospeso')).toHaveLength(15);
    const presenze = [...attended(p, '2027-02', 36), { date: '2027-02-10', ore: 4 }];
    const r = monthIndennita(p, P, '2027-02', holidays('2027-02'), presenze);
    expect(r).toMatchObject({ previste: 36, previsteMeseIntero: 80, svolte: 36, piena: true, importoCents: 20_250 });
  });
  it('June 2027: 2 June is a holiday, marked in the grid and planned by no one; 59 of 84 hours is 70,2%', () => {
    const grid = monthGrid(FULL, '2027-06', holidays('2027-06'));
    expect(grid.find((d) => d.date === '2027-06-02')).toMatchObject({ kind: 'festivo', festa: 'Festa della Repubblica', previste: 0 });
    const r = monthIndennita(FULL, P, '2027-06', holidays('2027-06'), attended(FULL, '2027-06', 59));
    expect(r).toMatchObject({ previste: 84, previsteMeseIntero: 84, percentuale: 70.2, piena: true, importoCents: 45_000 });
  });
  it('a month outside the tirocinio earns nothing, and says so', () => {
    const r = monthIndennita(FULL, P, '2027-09', holidays('2027-09'), []);
    expect(r.importoCents).toBe(0);
    expect(r.spiegazione).toContain('nessuna indennità');
  });
  it('property: never more than the full amount, never less for more hours, full exactly from the threshold', () => {
    const month = '2027-03';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 40 }), (quarters, more) => {
        const a = monthIndennita(FULL, P, month, holidays(month), attended(FULL, month, quarters / 4));
        const b = monthIndennita(FULL, P, month, holidays(month), attended(FULL, month, (quarters + more) / 4));
        expect(a.importoCents).toBeLessThanOrEqual(a.importoPienoCents);
        expect(b.importoCents).toBeGreaterThanOrEqual(a.importoCents);
        expect(a.piena).toBe(a.svolte * 100 >= 70 * a.previste);
      }),
      { numRuns: 200 },
    );
  });
});

describe('presenze', () => {
  const grid = monthGrid({ ...FULL, sospensioni: [{ dal: '2027-06-14', al: '2027-07-20', motivo: 'malattia' }] }, '2027-06', holidays('2027-06'));
  it('marks days outside the tirocinio, suspended, holidays and rest days', () => {
    const kinds = (dates: string[]) => dates.map((date) => grid.find((d) => d.date === date)!.kind);
    expect(kinds(['2027-06-01', '2027-06-02', '2027-06-05', '2027-06-14'])).toEqual(['previsto', 'festivo', 'riposo', 'sospeso']);
    const late = monthGrid(FULL, '2027-07', holidays('2027-07'));
    expect(late.find((d) => d.date === '2027-07-01')!.kind).toBe('fuori');
  });
  it('refuses 9 hours in a day, hours in a suspension, and a week over the PFI’s hours, naming the day', () => {
    const problems = checkPresenze(
      grid,
      [
        { date: '2027-06-01', ore: 9 },
        { date: '2027-06-03', ore: 8 },
        { date: '2027-06-04', ore: 8 },
        { date: '2027-06-15', ore: 4 },
        { date: '2027-06-16', ore: 0, assenza: 'malattia' },
      ],
      FULL,
      P,
    );
    expect(problems).toEqual([
      '01/06/2027: al massimo 8 ore al giorno (qui 9).',
      '15/06/2027: il tirocinio è sospeso, non si possono registrare ore.',
      'Settimana dal 31/05/2027: 25 ore, oltre le 20 settimanali del progetto formativo.',
    ]);
  });
  it('refuses a day of another month and negative hours', () => {
    expect(
      checkPresenze(
        grid,
        [
          { date: '2027-07-01', ore: 2 },
          { date: '2027-06-07', ore: -1 },
        ],
        FULL,
        P,
      ),
    ).toEqual(['01/07/2027: non è un giorno di questo mese.', '07/06/2027: le ore non possono essere negative.']);
  });
});
