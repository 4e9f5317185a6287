import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Empty } from './common';

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

export const auditContract = {
  'audit.list': channel(
    z.strictObject({
      log: z.enum(AUDIT_LOGS),
      outcome: z.enum(AUDIT_OUTCOMES).nullable().default(null),
      username: z.string().max(32).nullable().default(null),
      beforeSeq: z.number().int().positive().nullable().default(null),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ rows: z.array(AuditRow), hasMore: z.boolean() }),
    'audit.view',
  ),
  'audit.verify': channel(Empty, z.object({ data: ChainReport, admin: ChainReport, checkedAt: z.string() }), 'audit.view'),
};

export const auditFeature = defineFeature('audit', { prefixes: ['audit'], channels: auditContract });
