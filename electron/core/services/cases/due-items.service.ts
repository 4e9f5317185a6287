import type { OutputOf } from '../../../../shared/contracts';
import { ISEE_ALERT_DAYS } from '../../../../shared/domain/cartella';
import { addDays, formatItalianDate } from '../../../../shared/domain/dates';
import { withoutRestricted } from '../rights/hidden-persons';
import { today, type WorkContext } from '../work-context';

type DueItem = OutputOf<'dueItems.list'>[number];

/** What is due on the user's own open cases: PAI reviews in the next 30 days, ISEE expiring; none of a restricted person (art. 18). */
export function dueItems(ctx: WorkContext): DueItem[] {
  const t = today(ctx);
  const until = addDays(t, ISEE_ALERT_DAYS);
  const caseIds = ctx.store.cases.activeCaseIdsOf(ctx.userId, t);
  const reviews = ctx.store.content.reviewsDue(caseIds, until).map((p) => ({
    kind: 'pai_revisione' as const,
    data: p.prossima_revisione,
    scaduto: p.prossima_revisione < t,
    personId: p.person_id,
    personName: `${p.cognome} ${p.nome}`,
    caseId: p.case_id,
    caseNumero: p.numero,
    label: `Revisione del PAI ${p.prossima_revisione < t ? 'scaduta il' : 'entro il'} ${formatItalianDate(p.prossima_revisione)}`,
  }));
  const isee = ctx.store.isee.expiringForCases(caseIds, until).map((i) => ({
    kind: 'isee_scadenza' as const,
    data: i.scadenza,
    scaduto: i.scadenza < t,
    personId: i.person_id,
    personName: `${i.cognome} ${i.nome}`,
    caseId: i.case_id,
    caseNumero: i.numero,
    label: `ISEE ${i.anno} ${i.scadenza < t ? 'scaduto il' : 'in scadenza il'} ${formatItalianDate(i.scadenza)}`,
  }));
  return withoutRestricted(ctx, [...reviews, ...isee], (d) => d.personId).sort((a, b) => (a.data < b.data ? -1 : a.data > b.data ? 1 : 0));
}
