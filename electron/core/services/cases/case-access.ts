import { AppError } from '../../../../shared/domain/errors';
import { PERSON_SCOPE, can } from '../../../../shared/domain/permissions';
import type { CaseRow } from '../../db/repositories/cases.repo';
import { nowIso, today, type WorkContext } from '../work-context';

export type CaseAccess = { kind: 'assigned' } | { kind: 'emergency'; motivo: string };

/**
 * Case content is for the operators assigned to the case (default deny); anyone else needs an
 * emergency access with a stated reason. A refusal is audited against the person concerned.
 */
export function caseAccess(ctx: WorkContext, row: CaseRow): CaseAccess | null {
  if (ctx.store.cases.isAssigned(row.id, ctx.userId, today(ctx))) return { kind: 'assigned' };
  const emergency = ctx.store.cases.activeEmergency(row.id, ctx.userId, nowIso(ctx));
  return emergency ? { kind: 'emergency', motivo: emergency.motivo } : null;
}

export function requireCaseAccess(ctx: WorkContext, row: CaseRow, action: string): CaseAccess {
  const access = caseAccess(ctx, row);
  if (access) return access;
  ctx.store.writer.record(ctx.actor, {
    log: 'data',
    action,
    subjectType: 'persona',
    subjectId: row.person_id,
    subjectLabel: row.numero,
    outcome: 'denied',
    detail: 'Cartella non assegnata all’utente',
  });
  const emergencyHint = can(ctx.profile, 'case.emergency_access')
    ? ' Se è urgente puoi usare l’accesso in emergenza, indicandone il motivo: il coordinatore ne sarà informato.'
    : '';
  throw new AppError('FORBIDDEN', `La cartella ${row.numero} non ti è assegnata.${emergencyHint} Il tentativo è stato registrato.`);
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

export function requirePersonVisible(ctx: WorkContext, personId: string, label: string, action: string): void {
  if (personVisible(ctx, personId)) return;
  ctx.store.writer.record(ctx.actor, { log: 'data', action, subjectType: 'persona', subjectId: personId, subjectLabel: label, outcome: 'denied', detail: 'Persona non collegata alle cartelle dell’utente' });
  throw new AppError('FORBIDDEN', 'Questa persona non è collegata alle cartelle che segui. Il tentativo è stato registrato.');
}

/** A riservato note is for psicologi, its author and the people named on it. */
export function canReadDiary(ctx: WorkContext, entry: { riservato: 0 | 1; autore_id: string }, named: readonly string[]): boolean {
  if (entry.riservato === 0) return true;
  return can(ctx.profile, 'diary.reserved') || entry.autore_id === ctx.userId || named.includes(ctx.userId);
}
