import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../electron/core/app';
import { omocodiaVariants } from '../../shared/domain/codice-fiscale';
import { call, setUpZone } from '../support/core-harness';
import { TODAY, person, personWithCf, sedeId, staff } from '../support/cartella-fixtures';

let as: Connection;
let edu: Connection;
const ids: Record<string, string> = {};
let numero = '';
let cf = '';

beforeAll(async () => {
  const zone = await setUpZone();
  const s = await staff(zone.core, zone.admin);
  as = s.assistente_sociale.conn;
  edu = s.educatore.conn;
  const adm = s.amministrativo.conn;
  const made = async (key: string, input: Parameters<typeof person>[0], withCf = false) => {
    ids[key] = (await call(adm, 'persons.create', withCf ? personWithCf(input) : person(input))).person.id;
  };
  await made('mario', { cognome: 'Rossi', nome: 'Mario', dataNascita: '1970-03-03' }, true);
  await made('anna', { cognome: 'Rossini', nome: 'Anna', dataNascita: '1981-04-04' });
  await made('carla', { cognome: 'Bianchi', nome: 'Carla', residenzaIndirizzo: 'Via Rossi 3, Giove' });
  await made('bruno', { cognome: 'Aldi', nome: 'Bruno', residenzaIndirizzo: 'Via Roma 8, Giove' });
  await made('marta', { cognome: 'Ragni', nome: 'Marta', residenzaIndirizzo: 'Piazza Garibaldi 1, Giove' });
  cf = (await call(as, 'persons.get', { id: ids.mario! })).person.codiceFiscale;
  numero = (await call(as, 'cases.open', { personId: ids.anna!, sedeId: await sedeId(as, 'Narni'), area: 'poverta', problematiche: [], apertaIl: TODAY })).numero;
});

const q = async (query: string, conn = as) => (await call(conn, 'persons.search', { query, limit: 100 })).results.map((r) => r.id);

describe('search order', () => {
  it('a codice fiscale typed whole, in any case or omocodia form, finds its holder alone', async () => {
    expect(await q(cf)).toEqual([ids.mario]);
    expect(await q(` ${cf.toLowerCase()} `)).toEqual([ids.mario]);
    const variant = omocodiaVariants(cf).find((v) => v !== cf)!;
    expect(await q(variant)).toEqual([ids.mario]);
  });

  it('a case number typed whole finds its holder alone, with or without the zeros', async () => {
    expect(numero).toMatch(/^\d{4}\/N-\d{4}$/);
    expect(await q(numero)).toEqual([ids.anna]);
    const [anno, rest] = numero.split('/') as [string, string];
    expect(await q(`${anno}/n-${Number(rest.slice(2))}`)).toEqual([ids.anna]);
  });

  it('surnames starting with the first word come first, by name; then the other matches, by name', async () => {
    expect(await q('rossi')).toEqual([ids.mario, ids.anna, ids.carla]);
    expect(await q('Ro')).toEqual([ids.mario, ids.anna, ids.bruno, ids.carla]);
    const r = await q('r');
    expect(r.slice(0, 3)).toEqual([ids.marta, ids.mario, ids.anna]);
    expect(new Set(r.slice(3))).toEqual(new Set([ids.bruno, ids.carla]));
    expect(await q('rossi mar')).toEqual([ids.mario]);
    expect(await q('carla rossi')).toEqual([ids.carla]);
    expect(await q('garibaldi')).toEqual([ids.marta]);
  });

  it('keeps the filters and the scope: an educatore with no cases finds no one, even by code', async () => {
    expect(await q('rossi', edu)).toEqual([]);
    expect(await q(cf, edu)).toEqual([]);
    expect(await q(numero, edu)).toEqual([]);
    const inGiove = await call(as, 'persons.search', { query: 'ro', comuneIstat: '055014', limit: 100 });
    expect(inGiove.results.every((p) => p.comune === 'Giove')).toBe(true);
  });
});
