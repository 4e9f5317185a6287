import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Id, cents, isoDate, longText, optionalIsoDate, optionalText, text } from './common';
import { AREA_CODES, DIARY_TYPE_CODES, ESITO_OBIETTIVO_CODES, PRESTAZIONE_RE, PROBLEMATICA_CODES, STATO_CODES, TERMINE_CODES } from '../domain/cartella';

const Ora = z.string().regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Ora non valida (hh:mm).' });

export const DiaryEntry = z.object({
  id: z.string(),
  tipo: z.enum(DIARY_TYPE_CODES),
  data: z.string(),
  ora: z.string(),
  luogo: z.string(),
  partecipanti: z.string(),
  /** Null when the entry is riservato and the user may not read it: only its existence shows. */
  testo: z.string().nullable(),
  riservato: z.boolean(),
  autore: z.string(),
  autoreId: z.string(),
  versione: z.number(),
  nominati: z.array(z.object({ id: z.string(), fullName: z.string() })),
  modificabile: z.boolean(),
  /** Another sede wrote this entry at the same time: both versions wait in Conflitti ("versione in conflitto"). */
  inConflitto: z.boolean(),
});
export type DiaryEntryData = z.infer<typeof DiaryEntry>;

export const DiaryVersion = z.object({
  versione: z.number(),
  tipo: z.enum(DIARY_TYPE_CODES),
  data: z.string(),
  ora: z.string(),
  luogo: z.string(),
  partecipanti: z.string(),
  testo: z.string(),
  autore: z.string(),
  sostituitaIl: z.string(),
});

export const PaiObjective = z.object({
  id: z.string(),
  termine: z.enum(TERMINE_CODES),
  descrizione: z.string(),
  esito: z.enum(ESITO_OBIETTIVO_CODES),
  esitoNote: z.string(),
});

export const Pai = z.object({
  id: z.string(),
  dataAvvio: z.string(),
  revisioneMesi: z.number(),
  prossimaRevisione: z.string(),
  stato: z.enum(['attivo', 'chiuso']),
  chiusoIl: z.string().nullable(),
  note: z.string(),
  revisioneScaduta: z.boolean(),
  obiettivi: z.array(PaiObjective),
});
export type PaiData = z.infer<typeof Pai>;

export const Delivery = z.object({
  id: z.string(),
  data: z.string(),
  importoCents: z.number().nullable(),
  quotaEnteCents: z.number().nullable(),
  quotaUtenteCents: z.number().nullable(),
  ore: z.number().nullable(),
  note: z.string(),
});

export const Intervention = z.object({
  id: z.string(),
  prestazioneCodice: z.string(),
  descrizione: z.string(),
  dataInizio: z.string(),
  dataFine: z.string().nullable(),
  importoCents: z.number().nullable(),
  quotaEnteCents: z.number().nullable(),
  quotaUtenteCents: z.number().nullable(),
  oreMensili: z.number().nullable(),
  stato: z.enum(['previsto', 'attivo', 'concluso', 'annullato']),
  erogazioni: z.array(Delivery),
});
export type InterventionData = z.infer<typeof Intervention>;

export const Attachment = z.object({
  id: z.string(),
  nome: z.string(),
  tipo: z.string(),
  dimensione: z.number(),
  descrizione: z.string(),
  autore: z.string(),
  createdAt: z.string(),
  /** The warning on a PDF with active content, found at upload; '' when there is none. */
  avviso: z.string(),
});

export const TimelineItem = z.object({
  at: z.string(),
  kind: z.enum(['stato', 'operatore', 'diario', 'pai', 'intervento', 'erogazione', 'allegato', 'accesso']),
  label: z.string(),
});

export const CaseDetail = z.object({
  id: z.string(),
  numero: z.string(),
  sedeId: z.string(),
  sedeNome: z.string(),
  area: z.enum(AREA_CODES),
  problematiche: z.array(z.enum(PROBLEMATICA_CODES)),
  stato: z.enum(STATO_CODES),
  apertaIl: z.string(),
  chiusaIl: z.string().nullable(),
  archiviata: z.boolean(),
  person: z.object({ id: z.string(), cognome: z.string(), nome: z.string(), codiceFiscale: z.string(), dataNascita: z.string().nullable(), sesso: z.enum(['M', 'F']).nullable() }),
  statusHistory: z.array(z.object({ stato: z.enum(STATO_CODES), data: z.string(), motivo: z.string(), utente: z.string().nullable() })),
  operators: z.array(
    z.object({ id: z.string(), userId: z.string(), fullName: z.string(), ruolo: z.enum(['responsabile', 'co_operatore']), dal: z.string(), al: z.string().nullable() }),
  ),
  /** Assignments that wait for a second administrator (riservato access for a new or just-reset account). */
  inAttesa: z.array(z.object({ fullName: z.string(), ruolo: z.enum(['responsabile', 'co_operatore']), dal: z.string() })),
  diary: z.array(DiaryEntry),
  pai: z.array(Pai),
  interventions: z.array(Intervention),
  attachments: z.array(Attachment),
  timeline: z.array(TimelineItem),
  /** Opened through an emergency access: shown as such, and flagged to the coordinator. */
  emergenza: z.boolean(),
});
export type CaseDetailData = z.infer<typeof CaseDetail>;

const Problematiche = z.array(z.enum(PROBLEMATICA_CODES, { error: 'Problematica non valida.' })).max(PROBLEMATICA_CODES.length);

const DiaryFields = {
  tipo: z.enum(DIARY_TYPE_CODES, { error: 'Scegli il tipo di annotazione.' }),
  data: isoDate('Data'),
  ora: Ora,
  luogo: optionalText('Luogo', 160),
  partecipanti: optionalText('Partecipanti', 300),
  testo: longText('Testo', 20_000, 1),
  riservato: z.boolean(),
  nominati: z.array(Id).max(20).default([]),
};

const ObjectiveInput = z.strictObject({
  id: Id.optional(),
  termine: z.enum(TERMINE_CODES, { error: 'Scegli il termine dell’obiettivo.' }),
  descrizione: text('Obiettivo', 500),
  esito: z.enum(ESITO_OBIETTIVO_CODES),
  esitoNote: optionalText('Note sull’esito', 500),
});

const Money = {
  importoCents: cents('Importo').nullable(),
  quotaEnteCents: cents('Quota ente').nullable(),
  quotaUtenteCents: cents('Quota utente').nullable(),
};

export const casesContract = {
  'cases.open': channel(
    z.strictObject({
      personId: Id,
      sedeId: Id,
      area: z.enum(AREA_CODES, { error: 'Scegli l’area di utenza.' }),
      problematiche: Problematiche,
      apertaIl: isoDate('Data di apertura'),
    }),
    z.object({ caseId: z.string(), numero: z.string() }),
    'case.open_close',
    { personId: 'person:write', sedeId: 'sede' },
  ),
  'cases.get': channel(z.strictObject({ id: Id }), CaseDetail, 'case.read', { id: 'case:read' }),
  /** Header, states and operators without content: for coordinators assigning and transferring. */
  'cases.summary': channel(z.strictObject({ id: Id }), CaseDetail, 'case.summary', { id: 'case:summary' }),
  'cases.update': channel(z.strictObject({ id: Id, area: z.enum(AREA_CODES), problematiche: Problematiche }), CaseDetail, 'case.open_close', { id: 'case:write' }),
  'cases.setStatus': channel(z.strictObject({ id: Id, stato: z.enum(STATO_CODES), data: isoDate('Data'), motivo: optionalText('Motivo', 500) }), CaseDetail, 'case.open_close', {
    id: 'case:write',
  }),
  'cases.assign': channel(
    z.strictObject({
      id: Id,
      userId: Id,
      ruolo: z.enum(['responsabile', 'co_operatore']),
      dal: isoDate('Dal'),
      /** Required for a transfer (a new responsabile while another is in charge). */
      motivo: optionalText('Motivo del trasferimento', 500).default(''),
    }),
    CaseDetail,
    'case.assign',
    { id: 'case:manage', userId: 'user' },
  ),
  'cases.endAssignment': channel(z.strictObject({ id: Id, assignmentId: Id, al: isoDate('Al') }), CaseDetail, 'case.assign', {
    id: 'case:manage',
    assignmentId: 'assignment:manage',
  }),
  'cases.emergencyAccess': channel(z.strictObject({ id: Id, motivo: text('Motivo dell’accesso in emergenza', 500, 15) }), CaseDetail, 'case.emergency_access', { id: 'case:any' }),
  'diary.create': channel(z.strictObject({ caseId: Id, ...DiaryFields }), CaseDetail, 'diary.write', { caseId: 'case:write', nominati: 'user' }),
  'diary.update': channel(z.strictObject({ id: Id, ...DiaryFields }), CaseDetail, 'diary.write', { id: 'diary:write', nominati: 'user' }),
  'diary.get': channel(z.strictObject({ id: Id }), z.object({ entry: DiaryEntry, versions: z.array(DiaryVersion) }), 'diary.read', { id: 'diary:read' }),
  'pai.save': channel(
    z.strictObject({
      id: Id.optional(),
      caseId: Id,
      dataAvvio: isoDate('Data di avvio'),
      revisioneMesi: z
        .number({ error: 'Revisione: indica ogni quanti mesi.' })
        .int()
        .min(1, { error: 'Revisione: almeno ogni mese.' })
        .max(24, { error: 'Revisione: al massimo ogni 24 mesi.' }),
      note: optionalText('Note', 2000),
      obiettivi: z.array(ObjectiveInput).min(1, { error: 'Il PAI ha almeno un obiettivo.' }).max(30),
    }),
    CaseDetail,
    'pai.write',
    { id: 'pai:write', caseId: 'case:write', 'obiettivi.id': 'paiObjective:write' },
  ),
  'pai.close': channel(z.strictObject({ id: Id, data: isoDate('Data di chiusura'), note: optionalText('Note', 2000) }), CaseDetail, 'pai.write', { id: 'pai:write' }),
  'interventions.save': channel(
    z.strictObject({
      id: Id.optional(),
      caseId: Id,
      prestazioneCodice: z
        .string()
        .transform((s) => s.trim().toUpperCase())
        .pipe(z.string().regex(PRESTAZIONE_RE, { error: 'Codice prestazione INPS nel formato A1.05.01.' })),
      descrizione: text('Descrizione', 300),
      dataInizio: isoDate('Data di inizio'),
      dataFine: optionalIsoDate('Data di fine'),
      ...Money,
      oreMensili: z.number().min(0, { error: 'Ore mensili: non negative.' }).max(744, { error: 'Ore mensili: al massimo 744.' }).nullable(),
      stato: z.enum(['previsto', 'attivo', 'concluso', 'annullato']),
    }),
    CaseDetail,
    'case.open_close',
    { id: 'intervention:write', caseId: 'case:write' },
  ),
  'interventions.addDelivery': channel(
    z.strictObject({
      interventionId: Id,
      data: isoDate('Data'),
      ...Money,
      ore: z.number().min(0).max(744).nullable(),
      note: optionalText('Note', 500),
    }),
    CaseDetail,
    'case.open_close',
    { interventionId: 'intervention:write' },
  ),
  'attachments.upload': channel(
    z.strictObject({
      caseId: Id,
      nomeFile: z.string().min(1, { error: 'Nome del file mancante.' }).max(1000),
      descrizione: optionalText('Descrizione', 300),
      // The content arrived before, in chunks (uploads.start / uploads.chunk).
      uploadId: z.uuid({ error: 'Caricamento non valido: riprova a caricare il file.' }),
    }),
    CaseDetail,
    'attachment.write',
    { caseId: 'case:write', uploadId: 'transfer' },
  ),
  'attachments.read': channel(
    z.strictObject({ id: Id }),
    // The content follows in chunks (downloads.chunk), never in one reply.
    // avviso: a PDF with JavaScript or automatic actions ('' otherwise), shown before the preview.
    z.object({ nome: z.string(), tipo: z.string(), mime: z.string(), dimensione: z.number(), avviso: z.string(), downloadId: z.string() }),
    'attachment.read',
    { id: 'attachment:read' },
  ),
  'cases.archive': channel(z.strictObject({ id: Id, archiviata: z.boolean() }), CaseDetail, 'case.open_close', { id: 'case:write' }),
};

export const casesFeature = defineFeature('cases', { prefixes: ['cases', 'diary', 'pai', 'interventions', 'attachments'], channels: casesContract });
