import type { z } from 'zod';
import type { PersonSummaryData, SearchInput } from '../../../../shared/contracts/persons';
import { PERSON_SCOPE, can } from '../../../../shared/domain/permissions';
import type { SearchFilters } from '../../db/repositories/persons.repo';
import { nowIso, today, type WorkContext } from '../work-context';
import { toPersonSummary } from './person-mapping';
import { parseSearch } from './search-query';

export type SearchRequest = z.output<typeof SearchInput>;

/** How many full-text matches are sorted when the surname index does not fill the page. */
const FULL_TEXT_CANDIDATES = 300;

/**
 * The people a search shows, in this order: the holder of a codice fiscale or case number typed
 * whole; people whose surname starts with the first word; then the other full-text matches;
 * each group by surname and name. Not audited: PersonsService.search, the only caller a user reaches,
 * writes the audit row; the bench calls this to time the query alone.
 */
export function searchPersons(ctx: WorkContext, input: SearchRequest, comuneName: (istat: string) => string | null): { results: PersonSummaryData[]; more: boolean } {
  const scope = PERSON_SCOPE[ctx.profile];
  const filters: SearchFilters = {
    comuneIstat: input.comuneIstat,
    area: input.area,
    stato: input.stato,
    operatoreId: input.operatoreId,
    visibleTo: scope === 'assigned' ? ctx.userId : null,
    hideRestricted: can(ctx.profile, 'rights.manage') ? 0 : 1,
    today: today(ctx),
    now: nowIso(ctx),
    limit: input.limit + 1,
  };
  const ids = findIds(ctx, input.query, filters);
  const shown = ids.slice(0, input.limit);
  const rows = ctx.store.persons.manyById(shown);
  const cases = ctx.store.cases.summariesForPersons(shown, ctx.userId, filters.today, filters.now);
  return { results: rows.map((r) => toPersonSummary(r, cases, comuneName)), more: ids.length > input.limit };
}

function findIds(ctx: WorkContext, query: string, f: SearchFilters): string[] {
  const persons = ctx.store.persons;
  const q = parseSearch(query);
  if (!q.match) return persons.byFilters(f);
  if (q.cfRoot || q.caseNumero) {
    const exact = persons.exact(f, q.cfRoot, q.caseNumero);
    if (exact.length > 0) return exact;
  }
  // One word: the surname index answers in name order; the full text only fills what is left.
  const ids = q.surnamePrefix && q.words === 1 ? persons.bySurnamePrefix(f, q.surnamePrefix) : [];
  if (ids.length >= f.limit) return ids;
  const seen = new Set(ids);
  for (const id of persons.fullText({ ...f, limit: f.limit + ids.length }, q.match, q.surnamePrefix, FULL_TEXT_CANDIDATES)) {
    if (ids.length >= f.limit) break;
    if (!seen.has(id)) ids.push(id);
  }
  return ids;
}
