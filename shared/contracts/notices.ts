import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Empty, Id, Ok } from './common';

const TIPI = ['creazione', 'reset_password', 'profilo', 'assegnazione'] as const;

export const Notice = z.object({
  id: z.string(),
  tipo: z.enum(TIPI),
  dettaglio: z.string(),
  at: z.string(),
  autore: z.string().nullable(),
  /** Waiting for a second administrator: not carried out yet. */
  inAttesa: z.boolean(),
});
export type NoticeData = z.infer<typeof Notice>;

export const ReviewNotice = Notice.extend({
  utente: z.string(),
  stato: z.enum(['eseguito', 'da_confermare', 'confermato', 'rifiutato']),
  /** The zone had no second administrator to confirm it: flagged. */
  unicoAdmin: z.boolean(),
  rivisto: z.boolean(),
  /** The caller may confirm or refuse it (pending, and asked by someone else). */
  puoiDecidere: z.boolean(),
});
export type ReviewNoticeData = z.infer<typeof ReviewNotice>;

/** What administrators did to accounts: shown to the account's owner, reviewed by the coordinator. */
export const noticesContract = {
  'notices.mine': channel(Empty, z.array(Notice), 'session', {}, { beforePasswordChange: true }),
  'notices.markSeen': channel(z.strictObject({ ids: z.array(Id).min(1).max(100) }), Ok, 'session', { ids: 'notice' }, { beforePasswordChange: true }),
  'notices.review': channel(Empty, z.array(ReviewNotice), 'audit.view'),
  'notices.markReviewed': channel(z.strictObject({ id: Id }), Ok, 'audit.view', { id: 'notice' }),
  'notices.decide': channel(z.strictObject({ id: Id, conferma: z.boolean() }), Ok, 'users.manage', { id: 'notice' }),
};

export const noticesFeature = defineFeature('notices', { prefixes: ['notices'], channels: noticesContract });
