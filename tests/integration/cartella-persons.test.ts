import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import { omocodiaVariants } from '../../shared/domain/codice-fiscale';
import { addDays } from '../../shared/domain/dates';
import { call, callError, setUpZone } from '../support/core-harness';
import { TODAY, person, personWithCf, sedeId, staff } from '../support/cartella-fixtures';

let core: Core;
let as: Connection;
let edu: Connection;
let adm: Connection;

beforeAll(async () => {
  const zone = await setUpZone();
  core = zone.core;
  const s = await staff(core, zone.admin);
  as = s.assistente_sociale.conn;
  edu = s.educatore.conn;
  adm = s.amministrativo.conn;
});

describe('anagrafica', () => {
  it('creates a person with a valid codice fiscale and proposes data decoded from it', async () => {
    const input = personWithCf({ cognome: 'Bianchi', nome: 'Giulia', sesso: 'F', dataNascita: '1991-03-12', luogoNascita: 'A262' });
    const check = await call(adm, 'persons.check', { codiceFiscale: input.codiceFiscale.toLowerCase(), cognome: '', nome: '' });
    expect(check.codiceFiscale).toMatchObject({ valid: true, provvisorio: false, decoded: { dataNascita: '1991-03-12', sesso: 'F', luogoNascita: 'A262' } });
    const created = await call(adm, 'persons.create', input);
    expect(created.person.codiceFiscale).toBe(input.codiceFiscale);
    expect(created.warnings).toEqual([]);
  });

  it('refuses a second person with the same code, in any omocodia form, naming the first', async () => {
    const input = personWithCf({ cognome: 'Verdi', nome: 'Luca', dataNascita: '1975-01-20' });
    await call(adm, 'persons.create', input);
    const variant = omocodiaVariants(input.codiceFiscale).find((v) => v !== input.codiceFiscale)!;
    const error = await callError(adm, 'persons.create', { ...input, nome: 'Luca Maria', codiceFiscale: variant });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'codiceFiscale' });
    expect(error.message).toMatch(/Esiste già una persona con questo codice fiscale: Verdi Luca, nato il 20\/01\/1975/);
    const check = await call(adm, 'persons.check', { codiceFiscale: variant, cognome: 'Verdi', nome: 'Luca' });
    expect(check.duplicateOf?.cognome).toBe('Verdi');
  });

  it('flags a similar person (same name and birth date) without blocking', async () => {
    await call(adm, 'persons.create', person({ cognome: 'Esposito', nome: 'Anna', dataNascita: '1960-07-07' }));
    const check = await call(adm, 'persons.check', { codiceFiscale: '', cognome: 'esposito', nome: 'ANNA', dataNascita: '1960-07-07' });
    expect(check.similar.map((p) => `${p.cognome} ${p.nome}`)).toEqual(['Esposito Anna']);
    await call(adm, 'persons.create', person({ cognome: 'Esposito', nome: 'Anna', dataNascita: '1960-07-07' }));
  });

  it('warns, without blocking, when typed data contradicts the code; accepts temporary 11-digit codes', async () => {
    const input = personWithCf({ cognome: 'Neri', nome: 'Paolo', dataNascita: '1982-02-02' });
    const created = await call(adm, 'persons.create', { ...input, dataNascita: '1982-02-03' });
    expect(created.warnings.join(' ')).toMatch(/data di nascita/i);
    const temp = await call(adm, 'persons.create', person({ cognome: 'Kone', nome: 'Awa', codiceFiscale: '12345678903' }));
    expect(temp.person.codiceFiscale).toBe('12345678903');
  });

  it('rejects malformed codes and impossible dates with Italian messages', async () => {
    const bad = await callError(adm, 'persons.create', person({ codiceFiscale: 'RSSMRA80E10E045X' }));
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'codiceFiscale' });
    expect(bad.message).toMatch(/carattere di controllo|non corrisponde|non valido/i);
    for (const date of ['2023-02-29', '2026-11-31', '1990-13-01', '10/05/1980']) {
      const e = await callError(adm, 'persons.create', person({ dataNascita: date }));
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'dataNascita' });
      expect(e.message).toMatch(/data non valida/);
    }
    await call(adm, 'persons.create', person({ cognome: 'Bisestile', dataNascita: '2024-02-29' }));
  });
});

describe('search', () => {
  it('finds by surname, name, code, address and case number; accents and case ignored', async () => {
    const nicolo = await call(adm, 'persons.create', personWithCf({ cognome: 'Ciòccolo', nome: 'Nicolò', dataNascita: '1999-09-09', residenzaIndirizzo: 'Via Cavour 12, Amelia' }));
    const q = async (query: string) => (await call(as, 'persons.search', { query })).results.map((r) => r.id);
    expect(await q('nicolo')).toContain(nicolo.person.id);
    expect(await q('CIOCCOLO nic')).toContain(nicolo.person.id);
    expect(await q(nicolo.person.codiceFiscale.slice(0, 9).toLowerCase())).toContain(nicolo.person.id);
    expect(await q('cavour')).toContain(nicolo.person.id);
    const opened = await call(as, 'cases.open', { personId: nicolo.person.id, sedeId: await sedeId(as, 'Amelia'), area: 'poverta', problematiche: [], apertaIl: TODAY });
    expect(await q(opened.numero)).toEqual([nicolo.person.id]);
    expect(await q('"*) OR NEAR(')).toEqual([]);
  });

  it('filters by comune, area, stato and operatore; an educatore finds only the people of their cases', async () => {
    const found = await call(as, 'persons.search', { query: '', comuneIstat: '055014', limit: 100 });
    expect(found.results.length).toBeGreaterThan(0);
    expect(found.results.every((r) => r.comune === 'Giove')).toBe(true);
    const poverty = await call(as, 'persons.search', { query: '', area: 'poverta', stato: 'aperto', limit: 100 });
    expect(poverty.results.map((r) => r.cognome)).toEqual(['Ciòccolo']);
    expect((await call(edu, 'persons.search', { query: 'nicolo' })).results).toEqual([]);
    expect((await callError(edu, 'persons.get', { id: poverty.results[0]!.id })).code).toBe('FORBIDDEN');
  });
});

describe('accesso, nucleo, ISEE', () => {
  it('a walk-in becomes a case at Amelia with one action; numbers run per sede and year', async () => {
    const p = await call(adm, 'persons.create', personWithCf({ cognome: 'Giovannini', nome: 'Rita', sesso: 'F', dataNascita: '1970-04-04' }));
    const amelia = await sedeId(adm, 'Amelia');
    const withAccesso = await call(adm, 'accessi.create', {
      personId: p.person.id,
      data: TODAY,
      sedeId: amelia,
      inviatoDa: 'Medico di base',
      motivo: 'Difficoltà a pagare l’affitto',
      esito: 'presa_in_carico',
      note: '',
    });
    const accesso = withAccesso.accessi[0]!;
    expect(accesso).toMatchObject({ sedeNome: 'Amelia', inviatoDa: 'Medico di base', caseNumero: null });
    expect((await callError(adm, 'accessi.toCase', { accessoId: accesso.id, sedeId: amelia, area: 'poverta', problematiche: ['abitativa'] })).code).toBe('FORBIDDEN');
    const opened = await call(as, 'accessi.toCase', { accessoId: accesso.id, sedeId: amelia, area: 'poverta', problematiche: ['abitativa', 'economica'] });
    expect(opened.numero).toMatch(new RegExp(`^${TODAY.slice(0, 4)}/A-\\d{4}$`));
    expect((await call(as, 'persons.get', { id: p.person.id })).accessi[0]!.caseNumero).toBe(opened.numero);
    expect((await callError(as, 'accessi.toCase', { accessoId: accesso.id, sedeId: amelia, area: 'poverta', problematiche: [] })).code).toBe('CONFLICT');
    const next = await call(as, 'cases.open', { personId: p.person.id, sedeId: amelia, area: 'anziani', problematiche: [], apertaIl: TODAY });
    const n1 = Number(opened.numero.slice(-4));
    expect(next.numero).toBe(`${TODAY.slice(0, 4)}/A-${String(n1 + 1).padStart(4, '0')}`);
    const narni = await call(as, 'cases.open', { personId: p.person.id, sedeId: await sedeId(as, 'Narni'), area: 'anziani', problematiche: [], apertaIl: TODAY });
    expect(narni.numero).toMatch(/\/N-\d{4}$/);
  });

  it('a household of three with parentela and convivente; a person is in one household at a time', async () => {
    const mother = await call(adm, 'persons.create', person({ cognome: 'Fabbri', nome: 'Elena', sesso: 'F', dataNascita: '1985-01-01' }));
    const son = await call(adm, 'persons.create', person({ cognome: 'Fabbri', nome: 'Marco', dataNascita: '2012-06-01' }));
    const daughter = await call(adm, 'persons.create', person({ cognome: 'Fabbri', nome: 'Sara', sesso: 'F', dataNascita: '2015-06-01' }));
    await call(adm, 'households.addMember', { personId: mother.person.id, memberPersonId: son.person.id, parentela: 'figlio', convivente: true, dal: TODAY });
    const three = await call(adm, 'households.addMember', { personId: mother.person.id, memberPersonId: daughter.person.id, parentela: 'figlio', convivente: true, dal: TODAY });
    expect(three.household?.members.map((m) => [m.nome, m.parentela])).toEqual([
      ['Elena', 'intestatario'],
      ['Marco', 'figlio'],
      ['Sara', 'figlio'],
    ]);
    const other = await call(adm, 'persons.create', person({ cognome: 'Altri', nome: 'Ugo' }));
    const refused = await callError(adm, 'households.addMember', { personId: other.person.id, memberPersonId: son.person.id, parentela: 'nipote', convivente: false, dal: TODAY });
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    const sara = three.household!.members.find((m) => m.nome === 'Sara')!;
    const two = await call(adm, 'households.removeMember', { personId: mother.person.id, memberId: sara.memberId, al: TODAY });
    expect(two.household?.members.map((m) => m.nome)).toEqual(['Elena', 'Marco']);
  });

  it('an ISEE shows as due 30 days before it expires, and as expired after', async () => {
    const p = await call(adm, 'persons.create', person({ cognome: 'Isee', nome: 'Prova' }));
    const base = {
      personId: p.person.id,
      anno: 2026,
      tipo: 'ordinario' as const,
      iseCents: 1_500_000,
      iseeCents: 812_345,
      dsuProtocollo: 'INPS-ISEE-2026-000123',
      dsuData: '2026-01-15',
    };
    const soon = await call(adm, 'isee.save', { ...base, scadenza: addDays(TODAY, 20) });
    expect(soon.isee[0]).toMatchObject({ iseeCents: 812_345, inScadenza: true, scaduto: false });
    const later = await call(adm, 'isee.save', { ...base, id: soon.isee[0]!.id, scadenza: addDays(TODAY, 40) });
    expect(later.isee[0]).toMatchObject({ inScadenza: false, scaduto: false });
    const past = await call(adm, 'isee.save', { ...base, id: soon.isee[0]!.id, scadenza: addDays(TODAY, -1) });
    expect(past.isee[0]).toMatchObject({ scaduto: true });
    expect((await callError(adm, 'isee.save', { ...base, iseeCents: -5, scadenza: TODAY })).field).toBe('iseeCents');
  });
});
