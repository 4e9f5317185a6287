import { describe, expect, it } from 'vitest';
import { parseSearch } from '../../electron/core/services/persons/search-query';
import { computeCf, omocodiaRoot } from '../../shared/domain/codice-fiscale';

describe('parseSearch', () => {
  const cf = computeCf({ cognome: 'Rossi', nome: 'Mario', birthDate: '1970-03-03', sex: 'M', belfiore: 'F844' });

  it('recognises a whole codice fiscale (any case, spaces) and a whole case number', () => {
    expect(parseSearch(` ${cf.toLowerCase().slice(0, 6)} ${cf.slice(6)} `)).toMatchObject({ cfRoot: omocodiaRoot(cf), caseNumero: null });
    expect(parseSearch('12345678903').cfRoot).toBe('12345678903');
    expect(parseSearch('2026/N-0042')).toMatchObject({ caseNumero: '2026/N-0042', cfRoot: null, surnamePrefix: null });
    expect(parseSearch('2026 / a-7').caseNumero).toBe('2026/A-0007');
    expect(parseSearch(cf.slice(0, 8))).toMatchObject({ cfRoot: null, caseNumero: null, surnamePrefix: null });
  });

  it('takes the first word as a surname prefix only when it is letters', () => {
    expect(parseSearch('Rossi mar')).toMatchObject({ surnamePrefix: 'rossi', words: 2, match: '"Rossi"* "mar"*' });
    expect(parseSearch("D'Angelo")).toMatchObject({ surnamePrefix: 'd', words: 2 });
    expect(parseSearch('Via Roma 12').surnamePrefix).toBe('via');
    expect(parseSearch('12 Roma').surnamePrefix).toBeNull();
    expect(parseSearch('  ')).toMatchObject({ match: null, surnamePrefix: null, words: 0 });
    expect(parseSearch('"*) OR NEAR(').match).toBe('"OR"* "NEAR"*');
  });
});
