import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Id, Empty, IstatCode, isoDate, optionalText } from './common';
import { isValidWallTime, ruleEnd, ruleProblem, wallMinutes, wallTimeGap } from '../domain/recurrence';
import { isValidIsoDate, toDayNumber } from '../domain/dates';
import { PATRON_DAY_RE } from '../domain/holidays';
import { APPOINTMENT_STATI, APPOINTMENT_TIPI } from '../domain/agenda';

const MAX_MINUTES = 12 * 60;

function wall(label: string) {
  return z
    .string({ error: `${label}: campo obbligatorio.` })
    .refine((s) => isValidWallTime(s), { error: `${label}: data e ora non valide.` })
    .superRefine((s, ctx) => {
      const gap = wallTimeGap(s);
      if (gap) ctx.addIssue({ code: 'custom', message: gap });
    });
}

const Hhmm = z.string().regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Orario non valido (hh:mm).' });

const AppointmentFields = z.strictObject({
  tipo: z.enum(APPOINTMENT_TIPI, { error: 'Scegli il tipo di appuntamento.' }),
  sedeId: Id.nullable(),
  roomId: Id.nullable(),
  comuneIstat: IstatCode.nullable(),
  indirizzo: optionalText('Indirizzo', 200),
  operatorIds: z.array(Id).min(1, { error: 'Indica almeno un operatore.' }).max(10, { error: 'Al massimo 10 operatori.' }),
  personId: Id.nullable(),
  caseId: Id.nullable(),
  start: wall('Inizio'),
  end: wall('Fine'),
  rrule: z.string().max(200).default(''),
  note: optionalText('Note', 1000),
});

/** The checks a form can make before the core sees it; the core repeats them (it trusts no one). */
function refineAppointment(a: z.infer<typeof AppointmentFields>, ctx: z.RefinementCtx): void {
  if (isValidWallTime(a.start) && isValidWallTime(a.end)) {
    const minutes = wallMinutes(a.end) - wallMinutes(a.start);
    if (minutes === 0) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Un appuntamento non può durare 0 minuti: indica l’ora di fine.' });
    else if (minutes < 0) ctx.addIssue({ code: 'custom', path: ['end'], message: 'La fine deve essere successiva all’inizio.' });
    else if (a.start.slice(0, 10) !== a.end.slice(0, 10)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'Un appuntamento inizia e finisce nello stesso giorno: per più giorni usa la ripetizione.' });
    } else if (minutes < 5) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Un appuntamento dura almeno 5 minuti.' });
    else if (minutes > MAX_MINUTES) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Un appuntamento dura al massimo 12 ore.' });
  }
  if (!a.sedeId && !a.comuneIstat) ctx.addIssue({ code: 'custom', path: ['sedeId'], message: 'Indica la sede oppure il comune in cui si svolge.' });
  if (a.roomId && !a.sedeId) ctx.addIssue({ code: 'custom', path: ['roomId'], message: 'Per scegliere una stanza indica prima la sede.' });
  if (a.tipo === 'visita_domiciliare' && !a.comuneIstat) ctx.addIssue({ code: 'custom', path: ['comuneIstat'], message: 'Visita domiciliare: indica il comune.' });
  if (new Set(a.operatorIds).size !== a.operatorIds.length) ctx.addIssue({ code: 'custom', path: ['operatorIds'], message: 'Un operatore è indicato due volte.' });
  if (a.rrule) {
    const problem = ruleProblem(a.rrule);
    if (problem) ctx.addIssue({ code: 'custom', path: ['rrule'], message: problem });
    const end = ruleEnd(a.rrule);
    if (!problem && end.kind === 'il' && isValidWallTime(a.start) && end.until < a.start.slice(0, 10)) {
      ctx.addIssue({ code: 'custom', path: ['rrule'], message: 'La ripetizione termina prima del primo appuntamento: scegli una data di fine successiva.' });
    }
  }
}

export const AppointmentInput = AppointmentFields.extend({
  id: Id.optional(),
  /** Editing a series: the whole series, or only the occurrence of `occurrenceDate`. */
  scope: z.enum(['serie', 'occorrenza']).default('serie'),
  occurrenceDate: isoDate('Data dell’occorrenza').nullable().default(null),
  /** Saving over a double booking needs this, after the conflicts were shown. */
  confermaConflitti: z.boolean().default(false),
}).superRefine(refineAppointment);

export const Conflict = z.object({
  kind: z.enum(['operatore', 'stanza']),
  message: z.string(),
  appointmentId: z.string(),
  start: z.string(),
  end: z.string(),
});
export type ConflictData = z.infer<typeof Conflict>;

export const HolidayOut = z.object({ date: z.string(), name: z.string(), kind: z.enum(['nazionale', 'patrono']), comuneIstat: z.string().optional() });

export const Occurrence = z.object({
  /** Unique in a listing: appointment id, plus the date for occurrences of a series. */
  key: z.string(),
  appointmentId: z.string(),
  seriesId: z.string().nullable(),
  occurrenceDate: z.string().nullable(),
  rrule: z.string(),
  tipo: z.enum(APPOINTMENT_TIPI),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  sedeId: z.string().nullable(),
  sedeNome: z.string().nullable(),
  roomId: z.string().nullable(),
  roomNome: z.string().nullable(),
  comuneIstat: z.string().nullable(),
  comuneNome: z.string().nullable(),
  indirizzo: z.string(),
  operators: z.array(z.object({ id: z.string(), fullName: z.string() })),
  /** Null when the user may not see who the appointment is with. */
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  caseId: z.string().nullable(),
  caseNumero: z.string().nullable(),
  riservato: z.boolean(),
  stato: z.enum(APPOINTMENT_STATI),
  motivo: z.string(),
  note: z.string(),
  conflittoConfermato: z.boolean(),
  /** Overlaps another booking of the same operator or room in this listing. */
  inConflitto: z.boolean(),
  festivo: z.string().nullable(),
});
export type OccurrenceData = z.infer<typeof Occurrence>;

export const SedeHours = z.object({
  sedeId: z.string(),
  giorno: z.number(),
  mattinaDa: z.string(),
  mattinaA: z.string(),
  pomeriggioDa: z.string(),
  pomeriggioA: z.string(),
});
export type SedeHoursData = z.infer<typeof SedeHours>;

export const Patron = z.object({ comuneIstat: z.string(), comuneNome: z.string(), giorno: z.string(), santo: z.string() });

export const ListInput = z
  .strictObject({
    from: isoDate('Dal'),
    to: isoDate('Al'),
    userIds: z.array(Id).max(20).default([]),
    sedeId: Id.nullable().default(null),
    roomId: Id.nullable().default(null),
  })
  .refine((i) => i.to > i.from, { path: ['to'], error: 'Il periodo deve finire dopo l’inizio.' })
  .refine((i) => !isValidIsoDate(i.from) || !isValidIsoDate(i.to) || toDayNumber(i.to) - toDayNumber(i.from) <= 62, {
    path: ['to'],
    error: 'Periodo troppo lungo: al massimo due mesi.',
  });

const SaveResult = z.object({
  saved: z.boolean(),
  appointmentId: z.string().nullable(),
  conflicts: z.array(Conflict),
  festivi: z.array(HolidayOut),
  fuoriOrario: z.boolean(),
});
export type SaveResultData = z.infer<typeof SaveResult>;

export const agendaContract = {
  'agenda.list': channel(ListInput, z.object({ occurrences: z.array(Occurrence), festivi: z.array(HolidayOut), orari: z.array(SedeHours) }), 'agenda.read', {
    userIds: 'user',
    sedeId: 'sede',
    roomId: 'room',
  }),
  'agenda.get': channel(z.strictObject({ id: Id, occurrenceDate: isoDate('Data').nullable().default(null) }), Occurrence, 'agenda.read', { id: 'appointment:read' }),
  /** What saving would meet (double bookings, holidays, closed hours), without saving. */
  'agenda.check': channel(AppointmentInput, SaveResult, 'agenda.read', {
    id: 'appointment:read',
    personId: 'person:read',
    caseId: 'case:summary',
    operatorIds: 'user',
    sedeId: 'sede',
    roomId: 'room',
  }),
  'agenda.save': channel(AppointmentInput, SaveResult, 'agenda.write', {
    id: 'appointment:write',
    personId: 'person:read',
    caseId: 'case:summary',
    operatorIds: 'user',
    sedeId: 'sede',
    roomId: 'room',
  }),
  'agenda.setStatus': channel(
    z
      .strictObject({
        id: Id,
        occurrenceDate: isoDate('Data').nullable().default(null),
        stato: z.enum(APPOINTMENT_STATI, { error: 'Stato non valido.' }),
        motivo: optionalText('Motivo', 300),
      })
      .refine((i) => i.stato !== 'annullato' || i.motivo.length > 0, { path: ['motivo'], error: 'Indica il motivo dell’annullamento.' }),
    Occurrence,
    'agenda.write',
    { id: 'appointment:write' },
  ),
  /** The appointments of a case, and how many times the person did not come. */
  'agenda.forCase': channel(z.strictObject({ caseId: Id }), z.object({ occurrences: z.array(Occurrence), assenze: z.number() }), 'agenda.read', { caseId: 'case:read' }),
  /** The day's agenda for printing; printing is audited. */
  'agenda.print': channel(
    z.strictObject({ data: isoDate('Data'), userId: Id.nullable().default(null), sedeId: Id.nullable().default(null) }),
    z.object({ titolo: z.string(), data: z.string(), occurrences: z.array(Occurrence), festivi: z.array(HolidayOut) }),
    'agenda.read',
    { userId: 'user', sedeId: 'sede' },
  ),
  /** Colleagues who can be put on an appointment. */
  'agenda.staff': channel(Empty, z.array(z.object({ id: z.string(), fullName: z.string(), sedeId: z.string().nullable() })), 'agenda.read'),
  /** Office hours and patron days: no personal data; read by the agenda and by the zone settings. */
  'agenda.settings': channel(Empty, z.object({ orari: z.array(SedeHours), patroni: z.array(Patron) }), 'session'),
  'agenda.saveHours': channel(
    z.strictObject({
      sedeId: Id,
      giorni: z
        .array(
          z
            .strictObject({ giorno: z.number().int().min(1).max(7), mattinaDa: Hhmm, mattinaA: Hhmm, pomeriggioDa: Hhmm, pomeriggioA: Hhmm })
            .refine((g) => (g.mattinaDa === '') === (g.mattinaA === '') && (g.pomeriggioDa === '') === (g.pomeriggioA === ''), {
              error: 'Orari: indica sia l’apertura sia la chiusura.',
            })
            .refine((g) => g.mattinaDa === '' || g.mattinaDa < g.mattinaA, { error: 'Orari del mattino: la chiusura deve seguire l’apertura.' })
            .refine((g) => g.pomeriggioDa === '' || g.pomeriggioDa < g.pomeriggioA, { error: 'Orari del pomeriggio: la chiusura deve seguire l’apertura.' }),
        )
        .max(7),
    }),
    z.array(SedeHours),
    'zone.manage',
    { sedeId: 'sede' },
  ),
  'agenda.savePatron': channel(
    z.strictObject({
      comuneIstat: IstatCode,
      giorno: z.string().regex(new RegExp(`^$|${PATRON_DAY_RE.source}`), { error: 'Giorno del patrono: usa mm-gg (es. 05-03).' }),
      santo: optionalText('Santo patrono', 80),
    }),
    z.array(Patron),
    'zone.manage',
  ),
};

export const agendaFeature = defineFeature('agenda', { prefixes: ['agenda'], channels: agendaContract });
