import type { ConflictRecordField } from '../../../../shared/contracts/conflicts';
import type { ResourceRef } from '../../../../shared/contracts/define';
import { DIARY_TYPES, type DiaryType } from '../../../../shared/domain/cartella';
import { formatItalianDate } from '../../../../shared/domain/dates';
import type { Action } from '../../../../shared/domain/permissions';
import type { Store } from '../../store';

/**
 * What a conflict's record is, for the Conflitti screen and its checks: the kind in Italian,
 * the channel field that names it (checked by the router with `write`), what reading it takes
 * (`read`: the same rules as the screens that show it), and its label for one who may read it.
 */
export interface RecordKind {
  label: string;
  field: ConflictRecordField;
  write: ResourceRef;
  /** What the profile must hold to read the record, and to change it (as on the record's own screens). */
  readAction: Action;
  writeAction: Action;
  /** The resource whose reading rule applies, or null when the record is gone. */
  read: (store: Store, id: string) => { ref: ResourceRef; id: string } | null;
  /** The record's own words; only ever computed for a caller who may read it. */
  title: (store: Store, id: string) => string | null;
}

const caseTitle = (store: Store, caseId: string): string | null => store.cases.byId(caseId)?.numero ?? null;

function personTitle(store: Store, personId: string): string | null {
  const p = store.persons.byId(personId);
  return p ? `${p.cognome} ${p.nome}` : null;
}

/** A record that belongs to a case: read with the case's rule, named by the case number. */
function ofCase(label: string, field: ConflictRecordField, write: ResourceRef, writeAction: Action, caseOf: (store: Store, id: string) => string | null | undefined): RecordKind {
  return {
    label,
    field,
    write,
    readAction: 'case.read',
    writeAction,
    read: (store, id) => {
      const caseId = caseOf(store, id);
      return caseId ? { ref: 'case:read', id: caseId } : null;
    },
    title: (store, id) => {
      const caseId = caseOf(store, id);
      return caseId ? `Cartella ${caseTitle(store, caseId) ?? ''}`.trim() : null;
    },
  };
}

/** A record that belongs to a person: read with the person's rule, named by the person. */
function ofPerson(
  label: string,
  field: ConflictRecordField,
  write: ResourceRef,
  readAction: Action,
  writeAction: Action,
  personOf: (store: Store, id: string) => string | null | undefined,
): RecordKind {
  return {
    label,
    field,
    write,
    readAction,
    writeAction,
    read: (store, id) => {
      const personId = personOf(store, id);
      return personId ? { ref: 'person:read', id: personId } : null;
    },
    title: (store, id) => {
      const personId = personOf(store, id);
      return personId ? personTitle(store, personId) : null;
    },
  };
}

export const RECORD_KINDS: Readonly<Record<string, RecordKind>> = {
  persons: {
    label: 'Persona',
    field: 'personId',
    write: 'person:write',
    readAction: 'persona.read',
    writeAction: 'persona.write',
    read: (store, id) => (store.persons.byId(id) ? { ref: 'person:read', id } : null),
    title: personTitle,
  },
  cases: {
    label: 'Cartella',
    field: 'caseId',
    write: 'case:write',
    readAction: 'case.read',
    writeAction: 'case.open_close',
    read: (store, id) => (store.cases.byId(id) ? { ref: 'case:read', id } : null),
    title: (store, id) => `Cartella ${caseTitle(store, id) ?? ''}`.trim(),
  },
  diary_entries: {
    label: 'Voce di diario',
    field: 'diaryId',
    write: 'diary:write',
    readAction: 'diary.read',
    writeAction: 'diary.write',
    read: (store, id) => (store.content.diaryEntry(id) ? { ref: 'diary:read', id } : null),
    title: (store, id) => {
      const d = store.content.diaryEntry(id);
      if (!d) return null;
      return `${caseTitle(store, d.case_id) ?? ''} · ${DIARY_TYPES[d.tipo as DiaryType] ?? d.tipo} del ${formatItalianDate(d.data)}`;
    },
  },
  pai: ofCase('PAI', 'paiId', 'pai:write', 'pai.write', (store, id) => store.content.paiById(id)?.case_id),
  pai_objectives: ofCase('Obiettivo del PAI', 'objectiveId', 'paiObjective:write', 'pai.write', (store, id) => {
    const objective = store.content.objective(id);
    return objective ? store.content.paiById(objective.pai_id)?.case_id : null;
  }),
  interventions: ofCase('Intervento', 'interventionId', 'intervention:write', 'case.open_close', (store, id) => store.content.intervention(id)?.case_id),
  appointments: {
    label: 'Appuntamento',
    field: 'appointmentId',
    write: 'appointment:write',
    readAction: 'agenda.read',
    writeAction: 'agenda.write',
    // An appointment is read by whoever may change it (its operators, who follows its person, the desk).
    read: (store, id) => (store.agenda.byId(id) ? { ref: 'appointment:write', id } : null),
    title: (store, id) => {
      const a = store.agenda.byId(id);
      return a ? `Appuntamento del ${formatItalianDate(a.inizio.slice(0, 10))}` : null;
    },
  },
  household_members: ofPerson(
    'Componente del nucleo',
    'householdMemberId',
    'householdMember:write',
    'persona.read',
    'persona.write',
    (store, id) => store.households.member(id)?.person_id,
  ),
  isee: ofPerson('ISEE', 'iseeId', 'isee:write', 'persona.read', 'persona.write', (store, id) => store.isee.byId(id)?.person_id),
  accessi: ofPerson('Accesso', 'accessoId', 'accesso:write', 'persona.read', 'persona.write', (store, id) => store.accessi.byId(id)?.person_id),
  sal_beneficiari: ofPerson('Beneficiario SAL', 'beneficiarioId', 'salBeneficiario:write', 'sal.read', 'sal.write', (store, id) => store.sal.beneficiario(id)?.person_id),
  sal_tirocini: ofPerson('Tirocinio', 'tirocinioId', 'salTirocinio:write', 'sal.read', 'sal.write', (store, id) => store.sal.tirocinio(id)?.person_id),
};

/** Records that name no one's file (zone, sedi, templates…): shown and settled by the administration only. */
export const ADMIN_KIND_LABELS: Readonly<Record<string, string>> = {
  zone: 'Impostazioni della zona',
  comuni: 'Comune',
  sedi: 'Sede',
  rooms: 'Stanza',
  users: 'Utente',
  sal_aziende: 'Azienda ospitante',
  sal_tutor: 'Tutor aziendale',
  sal_convenzioni: 'Convenzione',
  letter_template_versions: 'Modello di lettera',
  letter_template_heads: 'Modello di lettera',
};

/** Free text, where both versions matter: merged by a person, never just overwritten. */
export const FREE_TEXT: Readonly<Record<string, readonly string[]>> = {
  diary_entries: ['testo'],
  pai: ['note'],
  pai_objectives: ['descrizione', 'esito_note'],
  interventions: ['descrizione'],
  deliveries: ['note'],
  appointments: ['note'],
};

export function isFreeText(table: string, col: string): boolean {
  return FREE_TEXT[table]?.includes(col) ?? false;
}
