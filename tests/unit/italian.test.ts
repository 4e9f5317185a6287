import { describe, expect, it } from 'vitest';
import { aLuogo, conteggio, elenco, nato } from '../../shared/domain/italian';

describe('italiano composto', () => {
  it('puts the euphonic d before a place that starts with a, and only there', () => {
    expect(aLuogo('Amelia')).toBe('ad Amelia');
    expect(aLuogo('Alviano')).toBe('ad Alviano');
    expect(aLuogo('Attigliano')).toBe('ad Attigliano');
    expect(aLuogo('Narni')).toBe('a Narni');
    expect(aLuogo('Orvieto')).toBe('a Orvieto');
    expect(aLuogo('Este')).toBe('a Este');
    // "ad Ad…" is avoided.
    expect(aLuogo('Adria')).toBe('a Adria');
  });

  it('agrees "nato" with the sex, and leaves both forms only when it is unknown', () => {
    expect(nato('F')).toBe('nata');
    expect(nato('M')).toBe('nato');
    expect(nato(null)).toBe('nato/a');
    expect(nato('')).toBe('nato/a');
  });

  it('says "1 risultato" and "2 risultati"', () => {
    expect(conteggio(1, 'risultato', 'risultati')).toBe('1 risultato');
    expect(conteggio(0, 'risultato', 'risultati')).toBe('0 risultati');
    expect(conteggio(2, 'risultato', 'risultati')).toBe('2 risultati');
  });

  it('lists names with commas and a final "e"', () => {
    expect(elenco([])).toBe('');
    expect(elenco(['Narni'])).toBe('Narni');
    expect(elenco(['Amelia', 'Narni'])).toBe('Amelia e Narni');
    expect(elenco(['Alviano', 'Amelia', 'Narni'])).toBe('Alviano, Amelia e Narni');
  });
});
