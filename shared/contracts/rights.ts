import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Id, text } from './common';

/** A restriction of processing (GDPR art. 18), current or lifted. */
export const RestrictionRecord = z.object({
  dal: z.string(),
  motivo: z.string(),
  dispostaDa: z.string().nullable(),
  revocataIl: z.string().nullable(),
  revocataDa: z.string().nullable(),
  motivoRevoca: z.string(),
});

export const RightsStatus = z.object({
  /** The restriction in force, or null. */
  limitazione: RestrictionRecord.nullable(),
  /** Every restriction, newest first (the coordinator's view; [] for others). */
  storico: z.array(RestrictionRecord),
  /** Whether the caller may restrict, lift and export (the coordinator). */
  puoGestire: z.boolean(),
});
export type RightsStatusData = z.infer<typeof RightsStatus>;

/** A file the core hands out in chunks (downloads.chunk); its name carries the date, never the person. */
const Download = z.object({ nome: z.string(), mime: z.string(), dimensione: z.number(), downloadId: z.string() });

export const RightsExport = z.object({
  pdf: Download,
  bundle: Download,
  /** Rows per section, so the coordinator sees what went out (and a test can count them). */
  righe: z.record(z.string(), z.number()),
});

/** The task name of the `progress` events an export sends. */
export const RIGHTS_EXPORT_TASK = 'rights.export';

const Motivo = (label: string) => text(label, 500, 5);

/** The data subject's rights: access to one's data (art. 15) and restriction of processing (art. 18). */
export const rightsContract = {
  'rights.status': channel(z.strictObject({ personId: Id }), RightsStatus, 'persona.read', { personId: 'person:read' }),
  'rights.restrict': channel(z.strictObject({ personId: Id, motivo: Motivo('Motivo della limitazione') }), RightsStatus, 'rights.manage', {
    personId: 'person:read',
  }),
  'rights.lift': channel(z.strictObject({ personId: Id, motivo: Motivo('Motivo della revoca') }), RightsStatus, 'rights.manage', { personId: 'person:read' }),
  // Two files follow in chunks: the PDF to hand over and the ZIP of JSON and CSV files.
  'rights.export': channel(z.strictObject({ personId: Id }), RightsExport, 'rights.manage', { personId: 'person:read' }),
};

export const rightsFeature = defineFeature('rights', { prefixes: ['rights'], channels: rightsContract });
