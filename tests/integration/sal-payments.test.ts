import { describe, expect, it } from 'vitest';
import { call } from '../support/core-harness';
import { office, withHost } from '../support/sal-fixtures';

const MONTHS = ['2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07'];

describe('SAL payment list', () => {
  it('sums each month’s presenze in one query and agrees, month by month, with the indennità of the tirocinio’s own grid', async () => {
    const o = await office();
    const h = await withHost(o);
    // Starts mid-February (first month pro rata), 2 June is a holiday.
    const { id } = await call(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio({ inizio: '2027-02-10', fine: '2027-07-31' }) });
    for (const month of MONTHS) {
      const { grid } = await call(o.sal, 'salPresenze.month', { tirocinioId: id, month });
      const presenze = grid.filter((d) => d.kind === 'previsto').map((d, i) => ({ date: d.date, ore: i % 5 === 4 ? 0 : 4, assenza: i % 5 === 4 ? 'malattia' : '' }));
      await call(o.sal, 'salPresenze.save', { tirocinioId: id, month, presenze });
    }
    // Hours already entered in April and May fall in a sospensione recorded afterwards, and
    // those of late July after a cessazione: they must stop counting in both computations.
    await call(o.sal, 'salTirocini.sospendi', { id, sospensione: { dal: '2027-04-12', al: '2027-05-20', motivo: 'malattia' } });
    await call(o.sal, 'salTirocini.cessa', { id, data: '2027-07-16', motivo: 'Trasferimento della famiglia' });

    const seen: number[] = [];
    for (const month of MONTHS) {
      const own = (await call(o.sal, 'salPresenze.month', { tirocinioId: id, month })).indennita;
      const list = await call(o.sal, 'salPagamenti.month', { month });
      const row = list.rows.find((r) => r.tirocinioId === id);
      expect(row, month).toBeDefined();
      expect({ importo: row!.importoCents, spiegazione: row!.spiegazione, inserite: row!.presenzeInserite }, month).toEqual({
        importo: own.importoCents,
        spiegazione: own.spiegazione,
        inserite: true,
      });
      expect(list.totaleCents).toBe(own.importoCents);
      seen.push(own.importoCents);
    }
    // The cases are really different: a partial first month, a suspended stretch, a cut last month.
    expect(new Set(seen).size).toBeGreaterThanOrEqual(4);
    const april = (await call(o.sal, 'salPresenze.month', { tirocinioId: id, month: '2027-04' })).indennita;
    expect(april.previste).toBeLessThan(april.previsteMeseIntero);
    // A month the tirocinio no longer reaches has no row.
    expect((await call(o.sal, 'salPagamenti.month', { month: '2027-10' })).rows).toEqual([]);
  });
});
