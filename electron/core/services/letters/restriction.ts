import { RELAZIONE_PROFILES } from '../../../../shared/domain/letters';
import type { CaseRow } from '../../db/repositories/cases.repo';
import { caseAccess } from '../cases/case-access';
import type { WorkContext } from '../work-context';

/**
 * Why a restricted document (the relazione sociale) is refused to this user, or null: only
 * psicologi and assistenti sociali assigned to its case (or with an emergency access, which is
 * flagged as always) print and read it. The message names nothing the caller could not read.
 */
export function restrictedRefusal(ctx: WorkContext, row: CaseRow): string | null {
  if (!(RELAZIONE_PROFILES as readonly string[]).includes(ctx.profile)) {
    return 'La relazione sociale è riservata agli psicologi e agli assistenti sociali della cartella. Il tentativo è stato registrato.';
  }
  const access = caseAccess(ctx, row);
  if (access?.kind === 'assigned' || access?.kind === 'emergency') return null;
  return 'La relazione sociale si stampa e si legge solo dalle cartelle che ti sono assegnate. Il tentativo è stato registrato.';
}
