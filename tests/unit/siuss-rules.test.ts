import { describe, expect, it } from 'vitest';
import { computeCf } from '../../shared/domain/codice-fiscale';
import { SIUSS_COLUMNS, buildRecord, quarterLabel, quarterRange, sameAsSent, whereOf, type SiussRecord, type SiussSource } from '../../shared/domain/siuss';

const CF = computeCf({ cognome: 'Ferri', nome: 'Giulia', birthDate: '1975-03-04', sex: 'F', belfiore: 'F844' });

const ok: SiussSource = {
  deliveryId: 'd1',
  interventionId: 'i1',
  caseId: 'c1',
  caseNumero: '2026/N-0007',
  descrizione: 'Contributo per il canone',
  prestazioneCodice: 'A1.05.01',
  dataInizio: '2026-07-01',
  dataFine: null,
  dataErogazione: '2026-07-31',
  importoCents: 30000,
  quotaEnteCents: 25000,
  quotaUtenteCents: 5000,
  oreMensili: null,
  codiceFiscale: CF,
  cognome: 'Ferri',
  nome: 'Giulia',
  area: 'disabilita',
  presaInCarico: true,
  dsuProtocollo: 'INPS-ISEE-2026-00000001A-00',
};

describe('SIUSS: trimestri', () => {
  it('gives each quarter its first and last day, leap years included', () => {
    expect(quarterRange('2026-T1')).toEqual({ inizio: '2026-01-01', fine: '2026-03-31' });
    expect(quarterRange('2028-T1').fine).toBe('2028-03-31');
    expect(quarterRange('2026-T2')).toEqual({ inizio: '2026-04-01', fine: '2026-06-30' });
    expect(quarterRange('2026-T4')).toEqual({ inizio: '2026-10-01', fine: '2026-12-31' });
    expect(quarterLabel('2026-T3')).toBe('3º trimestre 2026');
    expect(() => quarterRange('2026-T5')).toThrow();
  });
});

describe('SIUSS: regole del record', () => {
  it('builds the record of a complete erogazione: area mapped to the SIUSS code, presa in carico S/N', () => {
    const built = buildRecord(ok);
    expect(built.ok).toBe(true);
    expect(built.ok && built.record).toMatchObject({
      codiceFiscale: CF,
      areaUtenza: 2,
      presaInCarico: 'S',
      importoCents: 30000,
      quotaUtenteCents: 5000,
      protocolloDsu: 'INPS-ISEE-2026-00000001A-00',
    });
    const noDsu = buildRecord({ ...ok, dsuProtocollo: null, presaInCarico: false, quotaUtenteCents: null, quotaEnteCents: 30000 });
    expect(noDsu.ok && noDsu.record).toMatchObject({ protocolloDsu: '', presaInCarico: 'N', quotaUtenteCents: 0 });
  });

  it('carries the intervento’s monthly hours (OreMensili), and a record sent before that column existed is not resent as a correction', () => {
    const built = buildRecord({ ...ok, oreMensili: 20 });
    if (!built.ok) throw new Error('record atteso');
    expect(built.record.oreMensili).toBe(20);
    expect(SIUSS_COLUMNS).toContain('OreMensili');
    const { oreMensili: _, ...older } = built.record;
    expect(sameAsSent(older as SiussRecord, built.record)).toBe(true);
    expect(sameAsSent(built.record, { ...built.record, oreMensili: 24 })).toBe(false);
    expect(sameAsSent(older as SiussRecord, { ...built.record, importoCents: 1 })).toBe(false);
  });

  it('lists every missing or wrong field at once, in Italian', () => {
    const built = buildRecord({ ...ok, codiceFiscale: null, prestazioneCodice: '', importoCents: null, quotaEnteCents: null, area: '' });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.map((p) => p.campo)).toEqual(['codiceFiscale', 'codicePrestazione', 'importo', 'quotaEnte', 'areaUtenza']);
    expect(built.problems[0]!.messaggio).toBe('manca il codice fiscale della persona: inseriscilo nell’anagrafica.');
  });

  it('refuses a wrong codice fiscale, quotas that do not add up, dates out of order', () => {
    const wrongCf = buildRecord({ ...ok, codiceFiscale: `${CF.slice(0, 15)}${CF[15] === 'A' ? 'B' : 'A'}` });
    expect(!wrongCf.ok && wrongCf.problems[0]!.messaggio).toMatch(/^codice fiscale della persona non valido/);
    const quote = buildRecord({ ...ok, quotaEnteCents: 20000 });
    expect(!quote.ok && quote.problems.map((p) => p.campo)).toEqual(['quote']);
    expect(!quote.ok && quote.problems[0]!.messaggio).toMatch(/non fanno l’importo/);
    const early = buildRecord({ ...ok, dataErogazione: '2026-06-30', dataFine: '2026-06-01' });
    expect(!early.ok && early.problems.map((p) => p.campo)).toEqual(['dataFine', 'dataErogazione']);
  });

  it('says where the problem is as the case screen shows it', () => {
    expect(whereOf(ok)).toBe('Cartella 2026/N-0007, intervento «Contributo per il canone» (A1.05.01), erogazione del 31/07/2026');
  });
});
