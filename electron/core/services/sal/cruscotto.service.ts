import { addDays, todayInRome } from '../../../../shared/domain/dates';
import { effectiveEnd } from '../../../../shared/domain/sal/tirocinio-rules';
import type { OutputOf } from '../../../../shared/contracts';
import { withoutRestricted } from '../rights/hidden-persons';
import type { WorkContext } from '../work-context';
import { planOf } from './sal-plan';
import { tirocinioSummary } from './tirocinio-mapping';
import { monthGrid } from '../../../../shared/domain/sal/presenze';

/** The month before `today`'s, 'YYYY-MM'. */
function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * What the mediatori must act on: tirocini ending within 30 days, convenzioni expiring within 60,
 * last month's presenze not yet entered, beneficiari waiting for a placement.
 */
export function cruscotto(ctx: WorkContext): OutputOf<'salTirocini.cruscotto'> {
  const today = todayInRome(new Date(ctx.now()));
  const month = previousMonth(today);
  const running = ctx.store.sal.tirocini('in_corso');
  // The lists name people: a restricted one is left out (art. 18); the counts only count.
  const listed = withoutRestricted(ctx, running, (t) => t.person_id);
  const inScadenza = listed.filter((t) => {
    const end = effectiveEnd(planOf(ctx, t));
    return end >= today && end <= addDays(today, 30);
  });
  const daInserire = listed.filter((t) => {
    const planned = monthGrid(planOf(ctx, t), month, new Map()).some((d) => d.kind === 'previsto');
    return planned && !ctx.store.sal.presenze(t.id, month).some((p) => p.ore > 0 || p.assenza !== '');
  });
  const attesa = ctx.store.sal.beneficiari({ query: '', stato: 'attivo', inAttesa: true });
  ctx.store.writer.recordBatched(ctx.actor, { log: 'data', action: 'salTirocini.cruscotto', subjectType: 'registro_sal', detail: 'Cruscotto SAL' });
  return {
    inCorso: running.length,
    inScadenza: inScadenza.map((t) => tirocinioSummary(ctx, t)),
    convenzioniInScadenza: ctx.store.sal
      .convenzioniInScadenza(today, addDays(today, 60))
      .map((c) => ({ id: c.id, aziendaId: c.azienda_id, azienda: c.azienda, numero: c.numero, scadenza: c.scadenza })),
    presenzeDaInserire: daInserire.map((t) => ({ tirocinioId: t.id, beneficiario: t.beneficiario, azienda: t.azienda, month })),
    inAttesa: attesa.length,
  };
}
