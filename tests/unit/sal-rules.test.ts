import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/domain/dates';
import { phaseProblem } from '../../shared/domain/sal/fasi';
import { checkCompanyCode } from '../../shared/domain/sal/partita-iva';
import { DEFAULT_PARAMETERS, hostLimit, parametersInForce, type RegimeParameters } from '../../shared/domain/sal/parameters';
import type { Orario, Regime } from '../../shared/domain/sal/regimi';
import {
  checkDuration,
  checkHostLimit,
  checkProroga,
  checkSuspensions,
  checkTimetable,
  durationLabel,
  effectiveEnd,
  suspendedDays,
  type TirocinioPlan,
} from '../../shared/domain/sal/tirocinio-rules';

const params = (regime: Regime): RegimeParameters => parametersInForce(DEFAULT_PARAMETERS, regime, '2026-06-01')!;
const ORDINARIO = params('ordinario');
const orario = (ore: number, giorni = 5): Orario => ({
  lun: ore,
  mar: giorni > 1 ? ore : 0,
  mer: giorni > 2 ? ore : 0,
  gio: giorni > 3 ? ore : 0,
  ven: giorni > 4 ? ore : 0,
  sab: 0,
  dom: 0,
});
const plan = (inizio: string, fine: string, extra: Partial<TirocinioPlan> = {}): TirocinioPlan => ({
  inizio,
  fine,
  oreSettimanali: 20,
  orario: orario(4),
  sospensioni: [],
  ...extra,
});
const RUNS = { numRuns: 300 };
const startDate = fc.date({ min: new Date('2023-01-01T12:00:00Z'), max: new Date('2029-12-31T12:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('partita IVA and company codice fiscale', () => {
  it('accepts an 11-digit partita IVA with the right check digit, with or without spaces and IT prefix', () => {
    expect(checkCompanyCode('12345678903')).toEqual({ ok: true, kind: 'partita_iva', value: '12345678903' });
    expect(checkCompanyCode(' IT 123 456 789 03 ')).toEqual({ ok: true, kind: 'partita_iva', value: '12345678903' });
  });
  it('refuses a wrong check digit, a wrong length and a zero matricola, in Italian', () => {
    expect(checkCompanyCode('12345678901')).toEqual({
      ok: false,
      message: "La partita IVA non è valida: l'ultima cifra (di controllo) non corrisponde. Controlla di averla copiata bene.",
    });
    expect(checkCompanyCode('1234567890')).toEqual({ ok: false, message: 'La partita IVA ha 11 cifre: ne hai inserite 10.' });
    expect(checkCompanyCode('00000000000')).toEqual({ ok: false, message: 'La partita IVA non è valida: il numero di matricola (le prime 7 cifre) è zero.' });
    expect(checkCompanyCode('')).toEqual({ ok: false, message: 'Indica la partita IVA o il codice fiscale.' });
  });
  it('accepts a sole trader’s 16-character codice fiscale and refuses a wrong one', () => {
    expect(checkCompanyCode('rssmra85t10a562s')).toEqual({ ok: true, kind: 'codice_fiscale', value: 'RSSMRA85T10A562S' });
    expect(checkCompanyCode('RSSMRA85T10A562X').ok).toBe(false);
    expect(checkCompanyCode('RSSMRA85T10A562')).toEqual({ ok: false, message: 'Indica una partita IVA di 11 cifre o un codice fiscale di 16 caratteri: ne hai inseriti 15.' });
  });
  it('any single changed digit of a valid partita IVA is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digits = '12345678903'.split('');
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        return !checkCompanyCode(digits.join('')).ok;
      }),
      RUNS,
    );
  });
});

describe('parameters are dated versions per regime', () => {
  it('a rule changed in 2027 does not re-judge a tirocinio started in 2026', () => {
    const v2027: RegimeParameters = { ...ORDINARIO, validoDal: '2027-01-01', durataMaxMesi: 4, fonte: 'DGR ipotetica 2027' };
    const versions = [...DEFAULT_PARAMETERS, v2027];
    const t2026 = plan('2026-11-02', '2027-05-01');
    expect(checkDuration(t2026, parametersInForce(versions, 'ordinario', t2026.inizio)!)).toEqual([]);
    const t2027 = plan('2027-01-04', '2027-07-03');
    expect(checkDuration(t2027, parametersInForce(versions, 'ordinario', t2027.inizio)!).map((b) => b.rule)).toEqual(['durata_massima']);
  });
  it('no version in force before the first one', () => {
    expect(parametersInForce(DEFAULT_PARAMETERS, 'ordinario', '2010-01-01')).toBeNull();
  });
});

describe('duration', () => {
  it('names the rule and the dates in Italian', () => {
    expect(checkDuration(plan('2026-03-02', '2026-04-20'), ORDINARIO)).toEqual([
      { rule: 'durata_minima', message: 'Durata minima 2 mesi: questo tirocinio dura 1 mese e 19 giorni (fine almeno il 01/05/2026).', deroga: null },
    ]);
    expect(checkDuration(plan('2026-03-02', '2026-10-01'), ORDINARIO)).toEqual([
      {
        rule: 'durata_massima',
        message: 'Durata massima 6 mesi per questo regime, proroghe comprese: questo tirocinio dura 7 mesi (fine al più tardi il 01/09/2026).',
        deroga: null,
      },
    ]);
    expect(checkDuration(plan('2026-05-10', '2026-05-01'), ORDINARIO)[0]!.message).toBe('La data di fine è precedente alla data di inizio.');
  });
  it('7 months: refused as ordinario, accepted as disabili / svantaggiati; TIS beyond 24 months only by recorded exception', () => {
    const seven = plan('2026-03-02', '2026-10-01');
    expect(checkDuration(seven, params('disabili_svantaggiati'))).toEqual([]);
    const long = checkDuration(plan('2026-03-02', '2028-03-10'), params('inclusione_sociale'));
    expect(long).toHaveLength(1);
    expect(long[0]!.deroga).toContain('attestazione del servizio');
  });
  it('a month from 31 January runs to the day before 28 February, or 29 in a leap year', () => {
    expect(durationLabel('2027-01-31', '2027-02-27')).toBe('1 mese');
    expect(durationLabel('2027-01-31', '2027-02-26')).toBe('27 giorni');
    expect(durationLabel('2028-01-31', '2028-02-28')).toBe('1 mese');
    expect(durationLabel('2028-01-31', '2028-03-01')).toBe('1 mese e 2 giorni');
    expect(durationLabel('2026-01-01', '2026-01-31')).toBe('1 mese');
  });
  it('property: whole months between the minimum and the maximum pass, one day outside fails, from any start', () => {
    fc.assert(
      fc.property(startDate, fc.constantFrom<Regime>('ordinario', 'disabili_svantaggiati', 'inclusione_sociale'), fc.integer({ min: 0, max: 30 }), (inizio, regime, k) => {
        const p = params(regime);
        const months = p.durataMinMesi + (k % (p.durataMaxMesi - p.durataMinMesi + 1));
        const fine = addDays(addMonths(inizio, months), -1);
        expect(checkDuration({ inizio, fine }, p)).toEqual([]);
        expect(checkDuration({ inizio, fine: addDays(addMonths(inizio, p.durataMinMesi), -2) }, p).map((b) => b.rule)).toEqual(['durata_minima']);
        expect(checkDuration({ inizio, fine: addMonths(inizio, p.durataMaxMesi) }, p).map((b) => b.rule)).toEqual(['durata_massima']);
      }),
      RUNS,
    );
  });
  it('property: a sospensione moves the end by its days and does not count towards the duration', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 30, max: 120 }), (inizio, months, offset, length) => {
        const fine = addDays(addMonths(inizio, months), -1);
        const dal = addDays(inizio, offset);
        const s = { dal, al: addDays(dal, length - 1), motivo: 'malattia' as const };
        const p = plan(inizio, fine, { sospensioni: [s] });
        expect(suspendedDays(p.sospensioni)).toBe(length);
        expect(effectiveEnd(p)).toBe(addDays(fine, length));
        expect(checkDuration(p, ORDINARIO)).toEqual([]);
        expect(checkSuspensions(p, ORDINARIO)).toEqual([]);
      }),
      RUNS,
    );
  });
  it('a proroga stays within the maximum', () => {
    const p = plan('2026-03-02', '2026-07-01');
    expect(checkProroga(p, '2026-09-01', ORDINARIO)).toEqual([]);
    expect(checkProroga(p, '2026-09-02', ORDINARIO).map((b) => b.rule)).toEqual(['durata_massima']);
    expect(checkProroga(p, '2026-06-30', ORDINARIO)[0]!.message).toBe('La proroga deve spostare la fine dopo il 01/07/2026.');
  });
});

describe('sospensioni', () => {
  it('malattia under 30 days and chiusura aziendale under 15 are not sospensioni; overlaps and outside dates refused', () => {
    const p = plan('2026-03-02', '2026-09-01', {
      sospensioni: [
        { dal: '2026-04-01', al: '2026-04-20', motivo: 'malattia' },
        { dal: '2026-04-15', al: '2026-04-29', motivo: 'chiusura_aziendale' },
        { dal: '2026-08-01', al: '2026-08-10', motivo: 'chiusura_aziendale' },
        { dal: '2027-01-01', al: '2027-02-15', motivo: 'maternita' },
      ],
    });
    expect(checkSuspensions(p, ORDINARIO).map((b) => b.message)).toEqual([
      'Sospensione dal 01/04/2026 al 20/04/2026: per malattia la sospensione vale solo se dura almeno 30 giorni.',
      'Sospensione dal 15/04/2026 al 29/04/2026: si sovrappone alla sospensione precedente.',
      'Sospensione dal 01/08/2026 al 10/08/2026: per chiusura aziendale la sospensione vale solo se dura almeno 15 giorni.',
      'Sospensione dal 01/01/2027 al 15/02/2027: è fuori dal periodo del tirocinio.',
    ]);
  });
});

describe('hours', () => {
  it('at most 8 hours a day, and the days add up to the PFI’s weekly hours', () => {
    expect(checkTimetable({ oreSettimanali: 20, orario: orario(4) }, ORDINARIO)).toEqual([]);
    expect(checkTimetable({ oreSettimanali: 27, orario: { ...orario(4), lun: 9, mar: 6 } }, ORDINARIO).map((b) => b.message)).toEqual([
      'Al massimo 8 ore al giorno: lunedì ne prevede 9.',
    ]);
    expect(checkTimetable({ oreSettimanali: 20, orario: orario(5) }, ORDINARIO).map((b) => b.message)).toEqual([
      'L’orario dei giorni somma 25 ore, ma il progetto formativo ne prevede 20 a settimana.',
    ]);
    expect(checkTimetable({ oreSettimanali: 0, orario: orario(0) }, ORDINARIO)[0]!.message).toBe('Indica le ore settimanali del progetto formativo.');
  });
});

describe('host limits by open-ended employees', () => {
  it('up to 5 → 1; 6–20 → 2; 21 or more → 10%, rounded down', () => {
    expect([0, 1, 5, 6, 20, 21, 29, 30, 99, 100].map((n) => hostLimit(ORDINARIO, n))).toEqual([1, 1, 1, 2, 2, 2, 2, 3, 9, 10]);
  });
  it('refuses the tirocinante beyond the limit, saying why', () => {
    expect(checkHostLimit(4, 0, ORDINARIO)).toEqual([]);
    expect(checkHostLimit(4, 1, ORDINARIO)).toEqual([
      {
        rule: 'limite_ospitante',
        message: 'Un ospitante con 4 dipendenti a tempo indeterminato può avere al massimo 1 tirocinante alla volta: ne ha già 1 tirocinio nello stesso periodo.',
        deroga: null,
      },
    ]);
    expect(checkHostLimit(12, 1, ORDINARIO)).toEqual([]);
    expect(checkHostLimit(12, 2, ORDINARIO)).toHaveLength(1);
  });
  it('property: the limit never decreases as the host grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (n) => hostLimit(ORDINARIO, n + 1) >= hostLimit(ORDINARIO, n)),
      RUNS,
    );
  });
});

describe('phases of the path', () => {
  it('go forward only, and the progettazione needs the valutazione con l’inviante on record', () => {
    expect(phaseProblem(null, 'preliminare', [])).toBeNull();
    expect(phaseProblem('preliminare', 'orientamento', [])).toBe('Per passare a «Orientamento» registra prima l’attività «Colloquio di accoglienza».');
    expect(phaseProblem('orientamento', 'progettazione', ['colloquio_accoglienza'])).toBe(
      'Per passare a «Progettazione» registra prima l’attività «Valutazione con il servizio inviante».',
    );
    expect(phaseProblem('orientamento', 'progettazione', ['colloquio_accoglienza', 'valutazione_inviante'])).toBeNull();
    expect(phaseProblem('progettazione', 'orientamento', [])).toBe('Il percorso è già nella fase «Progettazione»: si può solo passare a una fase successiva.');
  });
});
