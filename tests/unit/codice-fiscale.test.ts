import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  OMOCODIA_POSITIONS,
  cfCheckChar,
  cfMismatches,
  cognomeCode,
  computeCf,
  decodeCf,
  isValidIsoDate,
  nomeCode,
  normaliseCf,
  omocodiaRoot,
  omocodiaVariants,
  provisionalCheckDigit,
  validateCf,
  type Sex,
} from '../../shared/domain/codice-fiscale';

// Real cadastral codes (comuni of the zone, big cities, the states most met at the desk).
const BELFIORE = [
  'F844',
  'A262',
  'E045',
  'A242',
  'B446',
  'L117',
  'G478',
  'H501',
  'F205',
  'F839',
  'L219',
  'G273',
  'D612',
  'A944',
  'A001',
  'A562',
  'Z129',
  'Z330',
  'Z100',
  'Z404',
  'Z110',
  'Z112',
  'Z210',
  'Z602',
];
const TODAY = '2026-06-15';

const nameArb = fc
  .array(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzàèéìòùÀÈÉÌÒÙçñ' ".split('')), { minLength: 1, maxLength: 14 })
  .map((cs) => cs.join(''));
const dateArb = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2025, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const sexArb = fc.constantFrom<Sex>('M', 'F');
const personArb = fc.record({ cognome: nameArb, nome: nameArb, birthDate: dateArb, sex: sexArb, belfiore: fc.constantFrom(...BELFIORE) });
const validCfArb = personArb.map(computeCf);

describe('codice fiscale: esempi noti', () => {
  it('Mario Rossi, nato il 10/12/1985 a San Giuliano Terme (A562): RSSMRA85T10A562S', () => {
    expect(computeCf({ cognome: 'Rossi', nome: 'Mario', birthDate: '1985-12-10', sex: 'M', belfiore: 'A562' })).toBe('RSSMRA85T10A562S');
    expect(validateCf('rssmra85t10a562s')).toEqual({ ok: true, kind: 'persona', cf: 'RSSMRA85T10A562S', root: 'RSSMRA85T10A562S' });
    expect(decodeCf('RSSMRA85T10A562S', TODAY)).toEqual({ birthDate: '1985-12-10', sex: 'M', belfiore: 'A562' });
  });

  it('a woman born in Narni: day + 40, and the code decodes back', () => {
    const cf = computeCf({ cognome: 'Bianchi', nome: 'Giulia', birthDate: '2001-03-12', sex: 'F', belfiore: 'F844' });
    expect(cf.slice(0, 15)).toBe('BNCGLI01C52F844');
    expect(decodeCf(cf, TODAY)).toEqual({ birthDate: '2001-03-12', sex: 'F', belfiore: 'F844' });
  });

  it('surname and name rules: few letters, X padding, four consonants, accents and apostrophes', () => {
    expect(cognomeCode('Fo')).toBe('FOX');
    expect(cognomeCode('Rè')).toBe('REX');
    expect(cognomeCode("D'Angelo")).toBe('DNG');
    expect(cognomeCode('De Luca')).toBe('DLC');
    expect(cognomeCode('Àlì')).toBe('LAI');
    expect(nomeCode('Gianfranco')).toBe('GFR');
    expect(nomeCode('Luca')).toBe('LCU');
    expect(nomeCode('Maria Cristina')).toBe('MCR'); // M R C R S T N: 1st, 3rd, 4th
    expect(nomeCode('Ida')).toBe('DIA');
  });

  it('normalises case and spaces', () => {
    expect(normaliseCf(' rss mra 85t10 a562s ')).toBe('RSSMRA85T10A562S');
  });

  it('a foreign-born person keeps the Z code of the state', () => {
    const cf = computeCf({ cognome: 'Popescu', nome: 'Ion', birthDate: '1979-07-01', sex: 'M', belfiore: 'Z129' });
    expect(decodeCf(cf, TODAY)?.belfiore).toBe('Z129');
  });
});

describe('codice fiscale: messaggi in italiano', () => {
  const msg = (input: string) => {
    const v = validateCf(input);
    return v.ok ? '' : v.message;
  };

  it('says what is wrong', () => {
    expect(msg('')).toBe('Inserisci il codice fiscale.');
    expect(msg('RSSMRA85T10A562')).toMatch(/16 caratteri .*ne hai inseriti 15/);
    expect(msg('RSSMRA85T10A562-')).toMatch(/caratteri non ammessi/);
    expect(msg('RSSMR185T10A562S')).toMatch(/primi sei caratteri/);
    expect(msg('RSSMRA8XT10A562S')).toMatch(/anno di nascita/);
    expect(msg('RSSMRA85F10A562S')).toMatch(/mese di nascita/);
    expect(msg('RSSMRA85TA0A562S')).toMatch(/giorno di nascita/);
    expect(msg('RSSMRA85T101562S')).toMatch(/comune o stato di nascita/);
    expect(msg('RSSMRA85T10A5621')).toMatch(/carattere di controllo/);
    expect(msg('RSSMRA85T10A562T')).toMatch(/carattere di controllo .*non corrisponde/);
    expect(msg('1234567890A')).toMatch(/11 cifre/);
    expect(msg('12345678901')).toMatch(/provvisorio .*non corrisponde/);
  });

  it('refuses days that no calendar has, with the check character right', () => {
    const withCheck = (first15: string) => first15 + cfCheckChar(first15);
    expect(msg(withCheck('RSSMRA85S31A562'))).toMatch(/data di nascita che contiene non esiste/); // 31 novembre
    expect(msg(withCheck('RSSMRA85B30A562'))).toMatch(/non esiste/); // 30 febbraio
    expect(msg(withCheck('RSSMRA85B29A562'))).toMatch(/non esiste/); // 29/02/1985
    expect(validateCf(withCheck('RSSMRA84B29A562')).ok).toBe(true); // 29/02/1984
    expect(msg(withCheck('RSSMRA85T35A562'))).toMatch(/tra 01 e 31 per gli uomini o tra 41 e 71 per le donne/);
    expect(msg(withCheck('RSSMRA85T00A562'))).toMatch(/giorno di nascita \(00\)/);
    expect(msg(withCheck('RSSMRA85T72A562'))).toMatch(/giorno/);
  });

  it('warns on typed data that contradict the code, never blocks', () => {
    const cf = 'RSSMRA85T10A562S';
    expect(cfMismatches(cf, { cognome: 'Rossi', nome: 'Mario', birthDate: '1985-12-10', sex: 'M', belfiore: 'a562' }, TODAY)).toEqual([]);
    expect(cfMismatches(cf, { birthDate: '1985-03-12' }, TODAY)).toEqual(['La data di nascita non corrisponde al codice fiscale (dal codice: 10/12/1985).']);
    expect(cfMismatches(cf, { cognome: 'Russo' }, TODAY)).toEqual([]); // same consonants: RSS
    expect(cfMismatches(cf, { cognome: 'Bianchi' }, TODAY)).toEqual(['Il cognome non corrisponde al codice fiscale (dal codice: RSS, dal cognome: BNC).']);
    expect(cfMismatches(cf, { nome: 'Maria' }, TODAY)).toEqual([]);
    expect(cfMismatches(cf, { nome: 'Marco' }, TODAY)).toEqual(['Il nome non corrisponde al codice fiscale (dal codice: MRA, dal nome: MRC).']);
    expect(cfMismatches(cf, { sex: 'F' }, TODAY)).toEqual(['Il sesso non corrisponde al codice fiscale (dal codice: maschio).']);
    expect(cfMismatches(cf, { belfiore: 'F844' }, TODAY)).toEqual(['Il luogo di nascita non corrisponde al codice fiscale (dal codice: A562).']);
    expect(cfMismatches('12345678903', { cognome: 'Rossi' }, TODAY)).toEqual([]);
    expect(cfMismatches('NONVALIDO', { cognome: 'Rossi' }, TODAY)).toEqual([]);
  });

  it('ignores accents, apostrophes and spaces in names, and the century of the date', () => {
    const cf = computeCf({ cognome: "D'Alò", nome: 'Nicolò', birthDate: '1921-04-02', sex: 'M', belfiore: 'F844' });
    expect(cfMismatches(cf, { cognome: 'DALO', nome: 'nicolo', birthDate: '1921-04-02' }, TODAY)).toEqual([]);
    expect(cfMismatches(cf, { cognome: "d' alò" }, TODAY)).toEqual([]);
  });
});

describe('codice fiscale: proprietà', () => {
  it('all 128 omocodia forms of a valid code validate and normalise to one root', () => {
    fc.assert(
      fc.property(validCfArb, (cf) => {
        const variants = omocodiaVariants(cf);
        expect(new Set(variants).size).toBe(128);
        for (const v of variants) {
          const r = validateCf(v);
          expect(r.ok && r.kind === 'persona' && r.root).toBe(cf);
          expect(omocodiaRoot(v)).toBe(cf);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the omocodia letters sit only in the seven numeric positions', () => {
    const letters = omocodiaVariants('RSSMRA85T10A562S')[127];
    expect(letters).toBe('RSSMRAURTMLARSN' + cfCheckChar('RSSMRAURTMLARSN'));
    expect(OMOCODIA_POSITIONS).toEqual([6, 7, 9, 10, 12, 13, 14]);
  });

  it('every wrong check character fails', () => {
    fc.assert(
      fc.property(validCfArb, fc.boolean(), (cf, omocodic) => {
        const base = omocodic ? (omocodiaVariants(cf)[77] as string) : cf;
        for (let c = 65; c <= 90; c++) {
          const ch = String.fromCharCode(c);
          if (ch === base.charAt(15)) continue;
          const r = validateCf(base.slice(0, 15) + ch);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.message).toMatch(/carattere di controllo/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('10,000 generated codes round-trip: computeCf → validateCf → decodeCf', () => {
    fc.assert(
      fc.property(personArb, fc.integer({ min: 0, max: 99 }), (p, age) => {
        // Anyone under a hundred decodes to the right century.
        const today = `${Number(p.birthDate.slice(0, 4)) + age}-12-31`;
        const cf = computeCf(p);
        const v = validateCf(cf);
        expect(v).toEqual({ ok: true, kind: 'persona', cf, root: cf });
        expect(decodeCf(cf, today)).toEqual({ birthDate: p.birthDate, sex: p.sex, belfiore: p.belfiore });
        expect(cfMismatches(cf, p, today)).toEqual([]);
      }),
      { numRuns: 10_000 },
    );
  });

  it('impossible dates are rejected in decode', () => {
    const impossible = fc.oneof(
      // day of month beyond the month's end (31/04, 30/02, 29/02 of a common year…)
      fc
        .record({ yy: fc.integer({ min: 0, max: 99 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 29, max: 31 }) })
        .filter(({ yy, m, d }) => !isValidIsoDate(`20${String(yy).padStart(2, '0')}-${String(m).padStart(2, '0')}-${d}`)),
      // days that exist for no one: 00, 32–40, 72–99
      fc.record({
        yy: fc.integer({ min: 0, max: 99 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.oneof(fc.constant(0), fc.integer({ min: 32, max: 40 }), fc.integer({ min: 72, max: 99 })),
      }),
    );
    fc.assert(
      fc.property(impossible, sexArb, fc.constantFrom(...BELFIORE), ({ yy, m, d }, sex, belfiore) => {
        const day = d === 0 || d > 31 ? d : sex === 'F' ? d + 40 : d;
        const first15 = `RSSMRA${String(yy).padStart(2, '0')}${'ABCDEHLMPRST'.charAt(m - 1)}${String(day).padStart(2, '0')}${belfiore}`;
        const cf = first15 + cfCheckChar(first15);
        expect(decodeCf(cf, TODAY)).toBeNull();
        expect(validateCf(cf).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('temporary 11-digit codes: valid ones pass, any single-digit change fails', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (first10, pos, delta) => {
        const cf = first10 + provisionalCheckDigit(first10);
        expect(validateCf(cf)).toEqual({ ok: true, kind: 'provvisorio', cf });
        expect(decodeCf(cf, TODAY)).toBeNull();
        const changed = cf.slice(0, pos) + String((Number(cf.charAt(pos)) + delta) % 10) + cf.slice(pos + 1);
        expect(validateCf(changed).ok).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('computeCf refuses dates and place codes that cannot be right', () => {
    const p = { cognome: 'Rossi', nome: 'Mario', sex: 'M' as const, belfiore: 'F844' };
    expect(() => computeCf({ ...p, birthDate: '2023-02-29' })).toThrow(RangeError);
    expect(() => computeCf({ ...p, birthDate: '2023-11-31' })).toThrow(RangeError);
    expect(() => computeCf({ ...p, birthDate: '2024-02-29' })).not.toThrow();
    expect(() => computeCf({ ...p, birthDate: '1985-12-10', belfiore: 'Narni' })).toThrow(RangeError);
  });
});
