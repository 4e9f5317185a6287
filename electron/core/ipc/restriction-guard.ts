import { valuesAt, type ChannelDef, type ResourceRef } from '../../../shared/contracts/define';
import { AppError } from '../../../shared/domain/errors';
import { BLOCKED_WHEN_RESTRICTED, ERASES, FILES_A_DOCUMENT, RESTRICTED_MESSAGE } from '../../../shared/domain/restriction';
import type { WorkContext } from '../services/work-context';

/**
 * GDPR art. 18, checked by the router from the contract alone: a channel whose action changes
 * data is refused when any person, case or record its input declares belongs to a person whose
 * processing is restricted. No handler has to remember it; a new channel is covered by
 * declaring its ids, which the contract test already demands. Runs after the access checks, so
 * only someone who may see the person learns of the restriction.
 */
export function checkRestriction(ctx: WorkContext, channel: string, def: ChannelDef, input: unknown): void {
  if (!writes(channel, def)) return;
  for (const [path, ref] of Object.entries(def.resources)) {
    for (const id of valuesAt(input, path)) {
      const personId = personOf(ctx, ref, id);
      if (!personId || !ctx.store.rights.activeRestriction(personId)) continue;
      ctx.store.writer.record(ctx.actor, {
        log: 'data',
        action: channel,
        subjectType: 'persona',
        subjectId: personId,
        outcome: 'denied',
        detail: 'Trattamento limitato (art. 18 GDPR)',
      });
      throw new AppError('FORBIDDEN', `${RESTRICTED_MESSAGE} Il tentativo è stato registrato.`);
    }
  }
}

/**
 * Whether a channel changes someone's data: its action is one that writes, it declares a record
 * it writes (`…:write`, `…:manage`), or it files a printed document.
 */
export function writes(channel: string, def: ChannelDef): boolean {
  if (def.access === 'public' || def.access === 'session') return false;
  if (def.access === 'rights.manage') return false;
  if (BLOCKED_WHEN_RESTRICTED.has(def.access) || FILES_A_DOCUMENT.has(channel) || ERASES.has(channel)) return true;
  return Object.values(def.resources).some((ref) => ref.endsWith(':write') || ref.endsWith(':manage'));
}

/** The person a declared id belongs to; null for references that name no one (users, sedi, companies…). */
function personOf(ctx: WorkContext, ref: ResourceRef, id: string): string | null {
  const { store } = ctx;
  const ofCase = (caseId: string | null | undefined) => (caseId ? (store.cases.byId(caseId)?.person_id ?? null) : null);
  switch (ref) {
    case 'person:read':
    case 'person:write':
      return id;
    case 'case:summary':
    case 'case:read':
    case 'case:write':
    case 'case:manage':
    case 'case:any':
      return ofCase(id);
    case 'diary:read':
    case 'diary:write':
      return ofCase(store.content.diaryEntry(id)?.case_id);
    case 'attachment:read':
      return ofCase(store.content.attachment(id)?.case_id);
    case 'appointment:read':
    case 'appointment:write':
    case 'appointment:letter': {
      const row = store.agenda.byId(id);
      return row?.person_id ?? ofCase(row?.case_id);
    }
    case 'householdMember:write':
      return store.households.member(id)?.person_id ?? null;
    case 'isee:write':
      return store.isee.byId(id)?.person_id ?? null;
    case 'accesso:write':
      return store.accessi.byId(id)?.person_id ?? null;
    case 'pai:write':
      return ofCase(store.content.paiById(id)?.case_id);
    case 'paiObjective:write': {
      const objective = store.content.objective(id);
      return objective ? ofCase(store.content.paiById(objective.pai_id)?.case_id) : null;
    }
    case 'intervention:write':
      return ofCase(store.content.intervention(id)?.case_id);
    case 'assignment:manage':
      return ofCase(store.cases.operator(id)?.case_id);
    case 'salBeneficiario:read':
    case 'salBeneficiario:write':
      return store.sal.beneficiario(id)?.person_id ?? null;
    case 'salTirocinio:read':
    case 'salTirocinio:write':
      return store.sal.tirocinio(id)?.person_id ?? null;
    case 'document:read':
    case 'document:write':
      return store.documents.byId(id)?.person_id ?? null;
    case 'user':
    case 'sede':
    case 'room':
    case 'comune':
    case 'emergency':
    case 'notice':
    case 'transfer':
    case 'salAzienda':
    case 'salTutor':
    case 'salConvenzione':
    case 'scarto':
      return null;
  }
}
