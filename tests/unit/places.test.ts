import { beforeAll, describe, expect, it } from 'vitest';
import { ZONA_SOCIALE_11 } from '../../shared/domain/zone-seed';
import { Belfiore, PlaceSearchInput, placesContract } from '../../shared/contracts/places';
import { loadPlaces, loadedPlaces, placeByBelfiore, searchPlaces } from '../../electron/core/places/places';
import type { PlaceIndex } from '../../electron/core/places/place-index';
import { buildPlaces, fixMojibake, joinIstat, type BelfioreRow } from '../../electron/core/places/sources';
import { searchKey } from '../../electron/core/places/search-key';

let index: PlaceIndex;

beforeAll(async () => {
  index = await loadPlaces();
}, 30_000);

const names = (query: string, options?: Parameters<PlaceIndex['search']>[1]) => index.search(query, options).map((p) => p.nome);

describe('luoghi: i comuni della Zona Sociale 11', () => {
  it.each(ZONA_SOCIALE_11.comuni)('$nome ($catastale) has the ISTAT code, name and province of the seed', async (seed) => {
    const place = await placeByBelfiore(seed.catastale);
    expect(place).toEqual({ belfiore: seed.catastale, istat: seed.istat, nome: seed.nome, provincia: seed.provincia, kind: 'comune', ceased: false });
  });

  it('Narni, Amelia and Giove are found by name with their ISTAT codes', async () => {
    for (const [query, belfiore, istat] of [
      ['narni', 'F844', '055022'],
      ['Amelia', 'A262', '055004'],
      ['GIOVE', 'E045', '055014'],
    ] as const) {
      const [first] = await searchPlaces(query, { kind: 'comune' });
      expect(first).toMatchObject({ belfiore, istat, provincia: 'TR', kind: 'comune', ceased: false });
    }
  });
});

describe('luoghi: ricerca', () => {
  it('is accent- and case-insensitive, by word prefix', () => {
    expect(names('nicolo')).toContain('San Nicolò di Comelico');
    expect(names('san nicolo').every((n) => searchKey(n).includes('san nicol'))).toBe(true);
    expect(index.search('forli')[0]).toMatchObject({ nome: 'Forlì', belfiore: 'D704', provincia: 'FC' });
    expect(index.search('FORLÌ')[0]?.belfiore).toBe('D704');
    expect(index.search('calvi dell')[0]).toMatchObject({ nome: "Calvi dell'Umbria", belfiore: 'B446' });
    expect(index.search("calvi dell'u")[0]?.belfiore).toBe('B446');
    expect(names('citta della pieve')).toEqual(['Città della Pieve']);
    expect(names('sannicolo')).toContain("San Nicolò d'Arcidano");
    expect(index.search('bozen')[0]).toMatchObject({ belfiore: 'A952', provincia: 'BZ' });
  });

  it('puts the exact name first, then names that begin with the query', () => {
    const roma = names('roma', { kind: 'comune', limit: 5 });
    expect(roma[0]).toBe('Roma');
    expect(roma.slice(1).every((n) => searchKey(n).startsWith('roma'))).toBe(true);
  });

  it('finds Romania, Marocco and Albania as states with their Z codes', () => {
    for (const [query, code] of [
      ['romania', 'Z129'],
      ['Marocco', 'Z330'],
      ['albania', 'Z100'],
    ] as const) {
      expect(index.search(query, { kind: 'stato' })).toEqual([
        { belfiore: code, istat: null, nome: query.charAt(0).toUpperCase() + query.slice(1).toLowerCase(), provincia: null, kind: 'stato', ceased: false },
      ]);
    }
    expect(index.search('romania', { kind: 'comune' })).toEqual([]);
    expect(index.search('narni', { kind: 'stato' })).toEqual([]);
  });

  it('finds a ceased comune (Abetone, merged in 2017) only with includeCeased', async () => {
    expect(names('abetone')).toEqual(['Abetone Cutigliano']);
    const withCeased = index.search('abetone', { includeCeased: true });
    // The exact name comes first, ceased or not.
    expect(withCeased.map((p) => p.nome)).toEqual(['Abetone', 'Abetone Cutigliano']);
    expect(withCeased[0]).toMatchObject({ belfiore: 'A012', istat: null, ceased: true, kind: 'comune' });
    expect(await placeByBelfiore('a012')).toMatchObject({ nome: 'Abetone', ceased: true });
    expect(index.search('jugoslavia', { kind: 'stato' })).toEqual([]);
    expect(index.search('jugoslavia', { kind: 'stato', includeCeased: true })[0]).toMatchObject({ belfiore: 'Z118', ceased: true });
  });

  it('respects the limit', () => {
    for (const limit of [1, 5, 20, 50]) expect(index.search('san', { limit })).toHaveLength(limit);
    expect(index.search('s', { includeCeased: true, limit: 50 })).toHaveLength(50);
    expect(index.search('xyzzy')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });
});

describe('luoghi: dati', () => {
  it('holds comuni since 1861 and states, looked up by cadastral or ISTAT code', () => {
    expect(index.size).toBeGreaterThan(10_000);
    expect(index.byBelfiore('F844')?.nome).toBe('Narni');
    expect(index.byBelfiore(' f844 ')?.nome).toBe('Narni');
    expect(index.byBelfiore('Z999')).toBeNull();
    expect(index.byIstat('055022')?.belfiore).toBe('F844');
    expect(index.byIstat('999999')).toBeNull();
    expect(loadedPlaces()).toBe(index);
  });

  it('repairs names read with the wrong encoding', () => {
    expect(fixMojibake('ChÃ¢tillon')).toBe('Châtillon');
    expect(fixMojibake('CittÃ\u00a0 della Pieve')).toBe('Città della Pieve');
    expect(fixMojibake('Forlì')).toBe('Forlì');
    expect(index.byBelfiore('C294')).toMatchObject({ nome: 'Châtillon', istat: '007020' });
  });

  it('joins ISTAT codes by name, correcting a pre-1945 province, and never by guess', () => {
    const row = (code: string, name: string, province: string): BelfioreRow => ({ code, name, province, isState: false, expiration: new Date('9999-12-31') });
    const joined = joinIstat(
      [row('A074', 'Agliè', 'AO'), row('X001', 'Samone', 'TN'), row('X002', 'Samone', 'AO'), row('X003', 'Cervignano', 'UD'), row('X004', 'Masino', 'AO')],
      [
        { istat: '001001', name: 'Agliè', province: 'TO' },
        { istat: '022165', name: 'Samone', province: 'TN' },
        { istat: '001235', name: 'Samone', province: 'TO' },
        { istat: '030023', name: 'Cervignano del Friuli', province: 'UD' },
        { istat: '001056', name: 'Caravino', province: 'TO' },
      ],
    );
    expect(Object.fromEntries([...joined].map(([k, v]) => [k, v.istat]))).toEqual({ A074: '001001', X001: '022165', X002: '001235', X003: '030023' });
    const [aglie] = buildPlaces([row('A074', 'Agliè', 'AO')], [{ istat: '001001', name: 'Agliè', province: 'TO' }], new Date());
    expect(aglie).toMatchObject({ istat: '001001', provincia: 'TO', ceased: false });
  });
});

describe('luoghi: contratto', () => {
  it('fills the defaults and refuses bad input in Italian', () => {
    expect(PlaceSearchInput.parse({ query: '  narni ' })).toEqual({ query: 'narni', kind: 'tutti', includeCeased: false, limit: 20 });
    const issue = (input: unknown) => {
      const r = PlaceSearchInput.safeParse(input);
      return r.success ? '' : (r.error.issues[0]?.message ?? '');
    };
    expect(issue({ query: '   ' })).toBe('Comune o stato da cercare: campo obbligatorio.');
    expect(issue({ query: 'x'.repeat(61) })).toBe('Comune o stato da cercare: massimo 60 caratteri.');
    expect(issue({ query: 'narni', limit: 51 })).toBe('Numero di risultati: al massimo 50.');
    expect(issue({ query: 'narni', limit: 0 })).toBe('Numero di risultati: almeno 1.');
    expect(issue({ query: 'narni', limit: 2.5 })).toBe('Numero di risultati: un numero intero.');
    expect(issue({ query: 'narni', kind: 'provincia' })).toBe('Tipo di luogo: comune, stato o tutti.');
    expect(issue({ query: 'narni', includeCeased: 'sì' })).toBe('Comuni soppressi: indica sì o no.');
    expect(issue({ query: 'nar\u0000ni' })).toBe('Comune o stato da cercare: contiene caratteri non ammessi.');
    expect(PlaceSearchInput.safeParse({ query: 'narni', extra: 1 }).success).toBe(false);
    expect(Belfiore.parse(' f844 ')).toBe('F844');
    expect(Belfiore.safeParse('Narni').error?.issues[0]?.message).toMatch(/^Codice catastale: una lettera e tre cifre/);
    expect(placesContract['places.get'].input.safeParse({ belfiore: 'Z129' }).success).toBe(true);
    expect(placesContract['places.search'].access).toBe('session');
  });

  it('the search results fit the output schema', () => {
    expect(placesContract['places.search'].output.safeParse(index.search('narni')).success).toBe(true);
    expect(placesContract['places.get'].output.safeParse(index.byBelfiore('Z999')).success).toBe(true);
  });
});
