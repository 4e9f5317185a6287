import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Empty, Id, longText } from './common';

/** An HLC stamp as the change log writes it: it names one version of a cell. */
const Stamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/, { error: 'Versione non valida: scegline una dall’elenco.' });

/**
 * The record a conflict is on, named by the field of its kind (a person, a diary entry…): the
 * router checks the caller may edit it before the handler runs, and the service checks that it
 * is the conflict's own record. Records that name no one's file (zone settings, templates) have
 * no field: only a coordinator or an administrator resolves those.
 */
export const ConflictRecordFields = {
  personId: Id.optional(),
  caseId: Id.optional(),
  diaryId: Id.optional(),
  paiId: Id.optional(),
  objectiveId: Id.optional(),
  interventionId: Id.optional(),
  appointmentId: Id.optional(),
  householdMemberId: Id.optional(),
  iseeId: Id.optional(),
  accessoId: Id.optional(),
  beneficiarioId: Id.optional(),
  tirocinioId: Id.optional(),
};
export type ConflictRecordField = keyof typeof ConflictRecordFields;

export const ConflictVersion = z.object({
  /** The version's stamp: what "Mantieni questo" sends back. */
  stamp: z.string(),
  /** The value as a person reads it ('' for an empty cell). */
  value: z.string(),
  /** The one the table holds now (the latest by the clock, the same at every sede). */
  current: z.boolean(),
  /** When it was written, by the writing workstation's clock (ISO). */
  writtenAt: z.string(),
  /** Which workstation wrote it: "questa postazione" or the other's short id. */
  workstation: z.string(),
  node: z.string(),
});
export type ConflictVersionData = z.infer<typeof ConflictVersion>;

export const Conflict = z.object({
  /** One of the cell's losing stamps: names the conflict in `conflicts.resolve`. */
  id: z.string(),
  /** The kind of record in Italian words: "Persona", "Voce di diario". */
  recordKind: z.string(),
  /** The record's own words (a name, a case number): null when the caller may not read the record. */
  recordLabel: z.string().nullable(),
  field: z.string(),
  /** Free text (diary, relazioni, PAI notes): the versions can be merged into one text. */
  mergeable: z.boolean(),
  /** Whether this caller may settle it (the rule for editing the record). */
  resolvable: z.boolean(),
  /** The field and id to send back with the decision (the router checks the caller may edit it). */
  record: z.object({ field: z.string(), id: z.string() }).nullable(),
  /** The current value first, then the others. */
  versions: z.array(ConflictVersion),
});
export type ConflictData = z.infer<typeof Conflict>;

export const ConflictList = z.object({ conflicts: z.array(Conflict) });
export type ConflictListData = z.infer<typeof ConflictList>;

/**
 * The badge: the conflicts this caller can read, and nothing about the others (not even how
 * many there are: a number would tell a restricted profile that someone's file was changed).
 */
export const ConflictCount = z.object({ count: z.number().int() });

export const ResolveConflict = z
  .strictObject({
    conflict: Stamp,
    /** Keep one version as it is… */
    keep: Stamp.optional(),
    /** …or, for free text, the text the user merged from the versions. */
    merged: longText('Testo unito', 20_000, 1).optional(),
    ...ConflictRecordFields,
  })
  .refine((v) => (v.keep === undefined) !== (v.merged === undefined), { error: 'Scegli una versione da mantenere oppure unisci i testi.' });

/** Tables whose rows can hold a conflict: the Conflitti screen re-reads on their `changed` events. */
export const CONFLICT_TABLES = [
  'persons',
  'cases',
  'diary_entries',
  'pai',
  'pai_objectives',
  'interventions',
  'appointments',
  'household_members',
  'isee',
  'accessi',
  'sal_beneficiari',
  'sal_tirocini',
] as const;

/** Concurrent edits of one field at two sedi: each with both values; one kept or texts merged, the decision syncs. */
export const conflictsContract = {
  'conflicts.list': channel(Empty, ConflictList, 'session'),
  'conflicts.count': channel(Empty, ConflictCount, 'session'),
  'conflicts.resolve': channel(ResolveConflict, ConflictList, 'session', {
    personId: 'person:write',
    caseId: 'case:write',
    diaryId: 'diary:write',
    paiId: 'pai:write',
    objectiveId: 'paiObjective:write',
    interventionId: 'intervention:write',
    appointmentId: 'appointment:write',
    householdMemberId: 'householdMember:write',
    iseeId: 'isee:write',
    accessoId: 'accesso:write',
    beneficiarioId: 'salBeneficiario:write',
    tirocinioId: 'salTirocinio:write',
  }),
};

export const conflictsFeature = defineFeature('conflicts', { prefixes: ['conflicts'], channels: conflictsContract });
