import { valuesAt, type ChannelDef, type ResourceRef } from '../../../shared/contracts/define';
import { AppError } from '../../../shared/domain/errors';
import { MANAGES_ALL_CASES, can } from '../../../shared/domain/permissions';
import type { CaseRow } from '../db/repositories/cases.repo';
import { caseAccess, canReadDiary, diaryEditBlock, personVisible } from '../services/cases/case-access';
import type { WorkContext } from '../services/work-context';
import { restrictedRefusal } from '../services/letters/restriction';

/** Why a declared resource was refused: the audit row's subject, and what the caller is told. */
interface Refusal {
  personId: string | null;
  label: string | null;
  detail: string;
  message: string;
}

const RECORDED = ' Il tentativo è stato registrato.';

const notFound = (what: string) => new AppError('NOT_FOUND', `${what}: potrebbe essere stato modificato da un collega.`);

/**
 * The router's check of every resource a channel declares, before its handler runs. Each kind
 * resolves to the person or case file it belongs to; the rule for that use is applied there.
 * A refusal is audited against the person concerned and told in words that reveal nothing the
 * caller could not read. Ids that do not exist are NOT_FOUND.
 */
export function checkResources(ctx: WorkContext, channel: string, def: ChannelDef, input: unknown): void {
  for (const [path, ref] of Object.entries(def.resources)) {
    for (const id of valuesAt(input, path)) {
      const refusal = check(ctx, ref, id, channel);
      if (!refusal) continue;
      ctx.store.writer.record(ctx.actor, {
        log: 'data',
        action: channel,
        subjectType: refusal.personId ? 'persona' : null,
        subjectId: refusal.personId,
        subjectLabel: refusal.label,
        outcome: 'denied',
        detail: refusal.detail,
      });
      throw new AppError('FORBIDDEN', refusal.message);
    }
  }
}

/**
 * Channels whose handler shows a former operator only what he wrote (case-detail.ts filters the
 * diary and files); any other `case:read` (e.g. agenda.forCase) stays closed to him.
 */
const FORMER_SEES_OWN_WRITINGS: ReadonlySet<string> = new Set(['cases.get']);

function check(ctx: WorkContext, ref: ResourceRef, id: string, channel: string): Refusal | null {
  const { store } = ctx;
  switch (ref) {
    case 'user':
    case 'sede':
    case 'room':
    case 'comune':
    case 'emergency':
    case 'notice':
    case 'transfer':
    case 'scarto':
      return null;
    case 'salAzienda':
      if (!store.sal.azienda(id)) throw notFound('Azienda non trovata');
      return null;
    case 'salTutor':
      if (!store.sal.tutor(id)) throw notFound('Tutor non trovato');
      return null;
    case 'salConvenzione':
      if (!store.sal.convenzione(id)) throw notFound('Convenzione non trovata');
      return null;
    case 'salBeneficiario:read':
    case 'salBeneficiario:write': {
      const b = store.sal.beneficiario(id);
      if (!b) throw notFound('Beneficiario non trovato');
      return personRule(ctx, b.person_id);
    }
    case 'salTirocinio:read':
    case 'salTirocinio:write': {
      const t = store.sal.tirocinio(id);
      if (!t) throw notFound('Tirocinio non trovato');
      return personRule(ctx, t.person_id);
    }
    case 'person:read':
    case 'person:write':
      return personRule(ctx, id);
    case 'case:any':
      mustCase(ctx, id);
      return null;
    case 'case:summary': {
      const row = mustCase(ctx, id);
      return personRule(ctx, row.person_id, row.numero);
    }
    case 'case:read':
      return caseRead(ctx, mustCase(ctx, id), FORMER_SEES_OWN_WRITINGS.has(channel) ? ctx.userId : null);
    case 'case:write':
      return caseWrite(ctx, mustCase(ctx, id));
    case 'case:manage': {
      const row = mustCase(ctx, id);
      return MANAGES_ALL_CASES.includes(ctx.profile) ? null : caseWrite(ctx, row);
    }
    case 'diary:read': {
      const entry = store.content.diaryEntry(id);
      if (!entry) throw notFound('Annotazione non trovata');
      const row = mustCase(ctx, entry.case_id);
      const refusal = caseRead(ctx, row, entry.autore_id);
      if (refusal) return refusal;
      return canReadDiary(
        ctx,
        entry,
        store.content.namedUserIds(id).map((n) => n.user_id),
      )
        ? null
        : reservedNote(row);
    }
    case 'diary:write':
      return diaryWrite(ctx, id);
    case 'attachment:read': {
      const file = store.content.attachment(id);
      if (!file) throw notFound('Allegato non trovato');
      return caseRead(ctx, mustCase(ctx, file.case_id), file.autore_id);
    }
    case 'appointment:read':
      if (!store.agenda.byId(id)) throw notFound('Appuntamento non trovato');
      return null;
    case 'appointment:write':
      return appointmentWrite(ctx, id);
    case 'appointment:letter': {
      const row = store.agenda.byId(id);
      if (!row) throw notFound('Appuntamento non trovato');
      return row.person_id ? personRule(ctx, row.person_id) : null;
    }
    case 'document:read':
    case 'document:write': {
      const doc = store.documents.byId(id);
      if (!doc) throw notFound('Documento non trovato');
      return doc.riservato && doc.case_id ? restrictedDocument(ctx, mustCase(ctx, doc.case_id)) : personRule(ctx, doc.person_id, doc.case_numero);
    }
    case 'householdMember:write': {
      const member = store.households.member(id);
      if (!member) throw notFound('Componente del nucleo non trovato');
      return personRule(ctx, member.person_id);
    }
    case 'isee:write': {
      const isee = store.isee.byId(id);
      if (!isee) throw notFound('ISEE non trovato');
      return personRule(ctx, isee.person_id);
    }
    case 'accesso:write': {
      const accesso = store.accessi.byId(id);
      if (!accesso) throw notFound('Accesso non trovato');
      return personRule(ctx, accesso.person_id);
    }
    case 'pai:write': {
      const pai = store.content.paiById(id);
      if (!pai) throw notFound('PAI non trovato');
      return caseWrite(ctx, mustCase(ctx, pai.case_id));
    }
    case 'paiObjective:write': {
      const objective = store.content.objective(id);
      const pai = objective ? store.content.paiById(objective.pai_id) : null;
      if (!pai) throw notFound('Obiettivo non trovato');
      return caseWrite(ctx, mustCase(ctx, pai.case_id));
    }
    case 'intervention:write': {
      const intervention = store.content.intervention(id);
      if (!intervention) throw notFound('Intervento non trovato');
      return caseWrite(ctx, mustCase(ctx, intervention.case_id));
    }
    case 'assignment:manage': {
      const assignment = store.cases.operator(id);
      if (!assignment) throw notFound('Assegnazione non trovata');
      const row = mustCase(ctx, assignment.case_id);
      return MANAGES_ALL_CASES.includes(ctx.profile) ? null : caseWrite(ctx, row);
    }
  }
}

/** Editing a diary entry: the one rule (diaryEditBlock), told in words that reveal nothing. */
function diaryWrite(ctx: WorkContext, id: string): Refusal | null {
  const entry = ctx.store.content.diaryEntry(id);
  if (!entry) throw notFound('Annotazione non trovata');
  const row = mustCase(ctx, entry.case_id);
  const block = diaryEditBlock(
    ctx,
    caseAccess(ctx, row),
    entry,
    ctx.store.content.namedUserIds(id).map((n) => n.user_id),
  );
  if (block === 'not_assigned') return caseWrite(ctx, row);
  if (block === 'reserved') return reservedNote(row);
  if (block === 'other_author') {
    return { ...reservedNote(row), detail: 'Nota riservata di un altro autore', message: `Una nota riservata la modifica solo chi l’ha scritta.${RECORDED}` };
  }
  return null;
}

function mustCase(ctx: WorkContext, id: string): CaseRow {
  const row = ctx.store.cases.byId(id);
  if (!row) throw new AppError('NOT_FOUND', 'Cartella non trovata.');
  return row;
}

function personRule(ctx: WorkContext, personId: string, label: string | null = null): Refusal | null {
  if (!ctx.store.persons.byId(personId)) throw new AppError('NOT_FOUND', 'Persona non trovata.');
  if (personVisible(ctx, personId)) return null;
  return {
    personId,
    label,
    detail: 'Persona non collegata alle cartelle dell’utente',
    message: `Questa persona non è collegata alle cartelle che segui.${RECORDED}`,
  };
}

/** Reading: assigned, an emergency access, or (if the zone allows) a former operator's own writings. */
function caseRead(ctx: WorkContext, row: CaseRow, authorId: string | null = null): Refusal | null {
  const access = caseAccess(ctx, row);
  if (access && (access.kind !== 'former' || authorId === ctx.userId)) return null;
  return notAssigned(ctx, row, access?.kind === 'former' ? 'Ex operatore: solo ciò che ha scritto' : 'Cartella non assegnata all’utente');
}

/** Writing needs a real assignment: an emergency access is read-only, a former operator reads only. */
function caseWrite(ctx: WorkContext, row: CaseRow): Refusal | null {
  const access = caseAccess(ctx, row);
  if (access?.kind === 'assigned') return null;
  if (access?.kind === 'emergency') {
    return {
      personId: row.person_id,
      label: row.numero,
      detail: 'Modifica con accesso in emergenza (sola lettura)',
      message: `Con l’accesso in emergenza la cartella si può solo consultare: per modificarla serve un’assegnazione.${RECORDED}`,
    };
  }
  return notAssigned(ctx, row, 'Cartella non assegnata all’utente');
}

function notAssigned(ctx: WorkContext, row: CaseRow, detail: string): Refusal {
  const hint = can(ctx.profile, 'case.emergency_access') ? ' Se è urgente puoi usare l’accesso in emergenza, indicandone il motivo: il coordinatore ne sarà informato.' : '';
  return { personId: row.person_id, label: row.numero, detail, message: `Questa cartella non ti è assegnata.${hint}${RECORDED}` };
}

function reservedNote(row: CaseRow): Refusal {
  return {
    personId: row.person_id,
    label: row.numero,
    detail: 'Nota riservata',
    message: `Questa è una nota riservata: possono leggerla solo gli psicologi e le persone indicate.${RECORDED}`,
  };
}

/** A relazione sociale (restricted document): the rule of restriction.ts, told and audited as every refusal here. */
function restrictedDocument(ctx: WorkContext, row: CaseRow): Refusal | null {
  const message = restrictedRefusal(ctx, row);
  return message ? { personId: row.person_id, label: row.numero, detail: 'Relazione sociale riservata', message } : null;
}

/** The appointment's operators, users who can see its person, or the agenda's managers. */
function appointmentWrite(ctx: WorkContext, id: string): Refusal | null {
  const row = ctx.store.agenda.byId(id);
  if (!row) throw notFound('Appuntamento non trovato');
  if (can(ctx.profile, 'agenda.manage')) return null;
  if (row.operator_ids?.split(',').includes(ctx.userId)) return null;
  if (row.person_id && personVisible(ctx, row.person_id)) return null;
  return {
    personId: row.person_id,
    label: null,
    detail: 'Appuntamento di altri operatori',
    message: `Puoi modificare solo gli appuntamenti in cui sei tra gli operatori o quelli delle persone che segui.${RECORDED}`,
  };
}

/**
 * Whether the caller may use a resource as `ref` says, by the router's own rules, without
 * auditing a refusal: for lists that leave out what the caller may not read (the Conflitti view).
 */
export function mayUse(ctx: WorkContext, ref: ResourceRef, id: string, channel: string): boolean {
  try {
    return check(ctx, ref, id, channel) === null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}
