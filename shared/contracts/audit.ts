import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Empty, optionalIsoDate } from './common';

export const AUDIT_LOGS = ['data', 'admin'] as const;
export type AuditLogName = (typeof AUDIT_LOGS)[number];
export const AUDIT_OUTCOMES = ['ok', 'denied', 'error'] as const;

export const AuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  profile: z.string().nullable(),
  workstation: z.string(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  subjectLabel: z.string().nullable(),
  purpose: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: z.string().nullable(),
});
export type AuditRowData = z.infer<typeof AuditRow>;

/**
 * How a chain compares with the newest anchor kept outside the database: none yet, intact,
 * cut (shorter than anchored), rewritten (different at the anchored row), the anchor itself
 * not authentic, or the anchors gone from the key file although the log says one was taken.
 */
export const ANCHOR_STATUSES = ['none', 'ok', 'cut', 'rewritten', 'invalid', 'missing'] as const;

export const AnchorCheck = z.object({
  status: z.enum(ANCHOR_STATUSES),
  /** When the anchor was taken (ISO), when it is known and authentic. */
  at: z.string().nullable(),
  /** The anchored head of this chain. */
  seq: z.number().nullable(),
  /** An Italian sentence, for the panel and the command line. */
  message: z.string(),
});
export type AnchorCheckData = z.infer<typeof AnchorCheck>;

export const ChainReport = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBroken: z.object({ seq: z.number(), reason: z.string() }).nullable(),
  anchor: AnchorCheck,
});
export type ChainReportData = z.infer<typeof ChainReport>;

/**
 * What the viewer filters on: outcome, user, action (a channel or a whole feature: `cases`
 * matches `cases.get`), the subject (its id, or part of its label: a person's name, a case
 * number) and the period, in days of Rome.
 */
const AuditFilterFields = {
  log: z.enum(AUDIT_LOGS),
  outcome: z.enum(AUDIT_OUTCOMES).nullable().default(null),
  username: z.string().max(32).nullable().default(null),
  action: z
    .string()
    .max(60)
    .regex(/^[a-zA-Z][a-zA-Z.]*$/, { error: 'Azione non valida: sceglila dall’elenco.' })
    .nullable()
    .default(null),
  soggetto: z.string().trim().max(80, { error: 'Soggetto: al massimo 80 caratteri.' }).nullable().default(null),
  dal: optionalIsoDate('Dal').default(null),
  al: optionalIsoDate('Al').default(null),
};

function periodInOrder(v: { dal: string | null; al: string | null }): boolean {
  return v.dal === null || v.al === null || v.dal <= v.al;
}
const PERIOD_ERROR = { error: 'Il periodo finisce prima di cominciare.', path: ['al'] };

export const AuditFilter = z.strictObject(AuditFilterFields).refine(periodInOrder, PERIOD_ERROR);
export type AuditFilterData = z.output<typeof AuditFilter>;

/** The most rows one export holds: a larger one asks for a narrower period. */
export const AUDIT_EXPORT_MAX = 50_000;

export const auditContract = {
  'audit.list': channel(
    z
      .strictObject({
        ...AuditFilterFields,
        beforeSeq: z.number().int().positive().nullable().default(null),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .refine(periodInOrder, PERIOD_ERROR),
    z.object({ rows: z.array(AuditRow), hasMore: z.boolean() }),
    'audit.view',
  ),
  /** The rows the filters select, as a spreadsheet the user saves; the export is itself logged. */
  'audit.export': channel(
    z.strictObject({ ...AuditFilterFields, formato: z.enum(['csv', 'xlsx']) }).refine(periodInOrder, PERIOD_ERROR),
    z.object({ nome: z.string(), mime: z.string(), dimensione: z.number(), righe: z.number(), downloadId: z.string() }),
    'audit.view',
  ),
  'audit.verify': channel(Empty, z.object({ data: ChainReport, admin: ChainReport, checkedAt: z.string() }), 'audit.view'),
};

export const auditFeature = defineFeature('audit', { prefixes: ['audit'], channels: auditContract });
