import { z } from 'zod';
import { QUARTER_RE } from '../domain/siuss';
import { channel, defineFeature } from './define';

export const SIUSS_TASK = 'siuss.export';

export const Trimestre = z.string().regex(QUARTER_RE, { error: 'Trimestre non valido (aaaa-Tn, es. 2026-T1).' });

/** One erogazione kept out of the file, and why: the case screen is where it is fixed. */
export const SiussIssue = z.object({
  caseId: z.string(),
  caseNumero: z.string(),
  interventionId: z.string(),
  deliveryId: z.string(),
  dove: z.string(),
  problemi: z.array(z.object({ campo: z.string(), messaggio: z.string() })),
});
export type SiussIssueData = z.infer<typeof SiussIssue>;

/** What an export of the quarter would send now. */
export const SiussCheck = z.object({
  periodo: z.string(),
  fine: z.string(),
  inserimenti: z.number(),
  cancellazioni: z.number(),
  /** Erogazioni of earlier periods never sent, included in the inserimenti. */
  arretrati: z.number(),
  errori: z.array(SiussIssue),
});
export type SiussCheckData = z.infer<typeof SiussCheck>;

export const SiussBatch = z.object({
  id: z.string(),
  numero: z.number(),
  periodo: z.string(),
  at: z.string(),
  utente: z.string(),
  formato: z.enum(['csv', 'xlsx']),
  nome: z.string(),
  sha256: z.string(),
  inserimenti: z.number(),
  cancellazioni: z.number(),
});
export type SiussBatchData = z.infer<typeof SiussBatch>;

const Download = z.object({ nome: z.string(), mime: z.string(), dimensione: z.number(), downloadId: z.string() });

/**
 * The SIUSS flow: a quarter is checked (every erogazione up to its end not yet sent, and every
 * sent one since annulled or changed), then written as one batch the office uploads to INPS.
 * No input names a person or a case: the lists cover the zone, for the profiles that send it.
 */
export const siussContract = {
  'siuss.verify': channel(z.strictObject({ periodo: Trimestre }), SiussCheck, 'siuss.export'),
  // The file follows in chunks (downloads.chunk); its name says the quarter and the batch, never a person.
  'siuss.export': channel(z.strictObject({ periodo: Trimestre, formato: z.enum(['csv', 'xlsx']) }), Download.extend({ batch: SiussBatch }), 'siuss.export'),
  'siuss.batches': channel(z.strictObject({}), z.object({ batches: z.array(SiussBatch) }), 'siuss.export'),
};

export const siussFeature = defineFeature('siuss', { prefixes: ['siuss'], channels: siussContract });
