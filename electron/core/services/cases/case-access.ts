import { AppError } from '../../../../shared/domain/errors';
import { PERSON_SCOPE, can } from '../../../../shared/domain/permissions';
import type { CaseRow } from '../../db/repositories/cases.repo';
import type { RowOf } from '../../db/schema';
import { nowIso, today, type WorkContext } from '../work-context';

/**
 * How the user reaches a case: assigned to it, through an emergency access (read-only, 12 h),
 * or as a former operator who, where the zone allows it, keeps reading only what he wrote.
 */
export type CaseAccess = { kind: 'assigned' } | { kind: 'emergency'; motivo: string } | { kind: 'former' };

/** Default deny: null when the user has no way into the case. The router enforces it. */
export function caseAccess(ctx: WorkContext, row: CaseRow): CaseAccess | null {
  const t = today(ctx);
  if (ctx.store.cases.isAssigned(row.id, ctx.userId, t)) return { kind: 'assigned' };
  const emergency = ctx.store.cases.activeEmergency(row.id, ctx.userId, nowIso(ctx));
  if (emergency) return { kind: 'emergency', motivo: emergency.motivo };
  if (ctx.store.zone.caseRules().exOperatoreLeggePropri && ctx.store.cases.wasAssigned(row.id, ctx.userId, t)) return { kind: 'former' };
  return null;
}

/**
 * For services behind the router's `case:read` check: the access it granted. A missing access
 * here would be a bug; it is refused all the same (and the router audits the refusal).
 */
export function grantedAccess(ctx: WorkContext, row: CaseRow): CaseAccess {
  const access = caseAccess(ctx, row);
  if (!access) throw new AppError('FORBIDDEN', 'Questa cartella non ti è assegnata. Il tentativo è stato registrato.');
  return access;
}

export function mustGetCase(ctx: WorkContext, caseId: string): CaseRow {
  const row = ctx.store.cases.byId(caseId);
  if (!row) throw new AppError('NOT_FOUND', 'Cartella non trovata.');
  return row;
}

/** Whether this user may see this person's anagrafica at all (PERSON_SCOPE). */
export function personVisible(ctx: WorkContext, personId: string): boolean {
  const scope = PERSON_SCOPE[ctx.profile];
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  return ctx.store.persons.isVisibleTo(personId, ctx.userId, today(ctx), nowIso(ctx));
}

type DiaryEntryAccess = Pick<RowOf<'diary_entries'>, 'riservato' | 'autore_id'>;

/** A riservato note is for psicologi, its author and the people named on it. */
export function canReadDiary(ctx: WorkContext, entry: DiaryEntryAccess, named: readonly string[]): boolean {
  if (entry.riservato === 0) return true;
  return can(ctx.profile, 'diary.reserved') || entry.autore_id === ctx.userId || named.includes(ctx.userId);
}

/** Why a user may not edit a diary entry: not assigned, a riservato note he may not read, or someone else's. */
export type DiaryEditBlock = 'not_assigned' | 'reserved' | 'other_author';

/**
 * The one rule for editing a diary entry (besides the profile's `diary.write`, the channel's
 * action): assigned to the case (an emergency access or a former operator only reads), able to
 * read the entry, and for a riservato note its author. No time limit: every earlier version is
 * kept. The router's `diary:write` check and the entry's `modificabile` both apply it.
 */
export function diaryEditBlock(ctx: WorkContext, access: CaseAccess | null, entry: DiaryEntryAccess, named: readonly string[]): DiaryEditBlock | null {
  if (access?.kind !== 'assigned') return 'not_assigned';
  if (!canReadDiary(ctx, entry, named)) return 'reserved';
  if (entry.riservato === 1 && entry.autore_id !== ctx.userId) return 'other_author';
  return null;
}
