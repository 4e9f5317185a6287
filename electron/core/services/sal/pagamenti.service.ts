import type { z } from 'zod';
import type { PaymentRow } from '../../../../shared/contracts/sal';
import { countedRange, monthIndennitaOfMinutes } from '../../../../shared/domain/sal/indennita';
import type { Sheet } from '../../files/spreadsheet';
import { hiddenPaymentsNote } from '../../../../shared/domain/restriction';
import { withoutRestricted } from '../rights/hidden-persons';
import type { WorkContext } from '../work-context';
import { AppError } from '../../../../shared/domain/errors';
import { holidaysOfMonth, parametriVersions, planOf } from './sal-plan';

type Row = z.output<typeof PaymentRow>;

/**
 * The month's payment list: every tirocinio with hours planned in the month, its amount and the
 * reason for it. IBANs are personal data: the list is audited as one read of each person listed.
 * A person whose processing is restricted (art. 18) is not listed; how many were left out is
 * said, so that no payment is dropped silently.
 */
export function paymentList(ctx: WorkContext, month: string): { rows: Row[]; totaleCents: number; nascosti: number } {
  const rows: Row[] = [];
  const people: string[] = [];
  // Read once for the whole list: each host comune's holidays, each parameters version, the
  // sospensioni of all tirocini, and the month's presenze summed per tirocinio in one query.
  const holidaysByComune = new Map<string, Map<string, string>>();
  const versions = new Map(parametriVersions(ctx).map((v) => [v.id, v]));
  const sospensioniOf = groupBy(ctx.store.sal.sospensioniForMonth(month));
  const all = ctx.store.sal.tirociniForMonth(month);
  const listed = withoutRestricted(ctx, all, (t) => t.person_id);
  const tirocini = listed.map((t) => ({ t, plan: planOf(ctx, t, sospensioniOf.get(t.id) ?? []) }));
  const ranges = tirocini.flatMap(({ t, plan }) => {
    const range = countedRange(plan, month);
    return range ? [{ id: t.id, ...range, sospeso: plan.sospensioni.length > 0 }] : [];
  });
  const totals = new Map(ctx.store.sal.presenzeTotals(month, ranges).map((r) => [r.tirocinio_id, r]));
  for (const { t, plan } of tirocini) {
    const comune = t.azienda_comune;
    if (!holidaysByComune.has(comune)) holidaysByComune.set(comune, holidaysOfMonth(ctx, month, comune));
    const holidays = holidaysByComune.get(comune)!;
    const params = versions.get(t.parametri_id);
    if (!params) throw new AppError('NOT_FOUND', 'Parametri SAL non trovati.');
    const total = totals.get(t.id);
    const ind = monthIndennitaOfMinutes(plan, params, month, holidays, total?.minuti ?? 0);
    if (ind.previste === 0) continue;
    people.push(t.person_id);
    rows.push({
      tirocinioId: t.id,
      beneficiario: t.beneficiario,
      codiceFiscale: t.codice_fiscale,
      iban: t.iban,
      azienda: t.azienda,
      pagatoDa: t.pagato_da,
      importoCents: ind.importoCents,
      spiegazione: ind.spiegazione,
      presenzeInserite: total?.inserite === 1,
    });
  }
  // A list view: its rows go in the writer's batch, written within a second.
  ctx.store.writer.recordBatched(ctx.actor, {
    log: 'data',
    action: 'salPagamenti.month',
    subjectType: 'registro_sal',
    detail: `Elenco pagamenti di ${month}: ${rows.length} tirocini${all.length > listed.length ? `, ${all.length - listed.length} con trattamento limitato non elencati` : ''}`,
  });
  for (const personId of new Set(people)) {
    ctx.store.writer.recordBatched(ctx.actor, {
      log: 'data',
      action: 'salPagamenti.month',
      subjectType: 'persona',
      subjectId: personId,
      detail: `IBAN nell’elenco pagamenti di ${month}`,
    });
  }
  return { rows, totaleCents: rows.reduce((sum, r) => sum + r.importoCents, 0), nascosti: all.length - listed.length };
}

function groupBy<T extends { tirocinio_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.tirocinio_id);
    if (list) list.push(r);
    else out.set(r.tirocinio_id, [r]);
  }
  return out;
}

/** The list as a spreadsheet, the same columns in CSV and XLSX. */
export function paymentSheet(month: string, list: { rows: Row[]; totaleCents: number; nascosti: number }): Sheet {
  return {
    name: `Pagamenti ${month}`,
    columns: [
      { header: 'Beneficiario', kind: 'text', width: 28 },
      { header: 'Codice fiscale', kind: 'text', width: 18 },
      { header: 'IBAN', kind: 'text', width: 30 },
      { header: 'Azienda ospitante', kind: 'text', width: 28 },
      { header: 'Chi paga', kind: 'text', width: 18 },
      { header: 'Importo (€)', kind: 'euro', width: 12 },
      { header: 'Calcolo', kind: 'text', width: 80 },
    ],
    rows: [
      ...list.rows.map((r) => [
        r.beneficiario,
        r.codiceFiscale,
        r.iban,
        r.azienda,
        r.pagatoDa,
        r.importoCents,
        r.presenzeInserite ? r.spiegazione : `presenze non inserite: ${r.spiegazione}`,
      ]),
      ['Totale', null, null, null, null, list.totaleCents, null],
      ...(list.nascosti > 0 ? [[hiddenPaymentsNote(list.nascosti), null, null, null, null, null, null]] : []),
    ],
  };
}
