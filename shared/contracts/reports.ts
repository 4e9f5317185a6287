import { z } from 'zod';
import { channel, defineFeature } from './define';
import { MAX_THRESHOLD, MIN_THRESHOLD } from '../domain/report/suppression';

/**
 * Report for the Ufficio di Piano: one quarter's counts by comune, area di utenza, sede and
 * operatore, month by month. The only choice is the period: the groupings are fixed (every comune
 * of the zone, every area, sede and operator, always), so no filter can narrow a table to a
 * small group and no two exports differ by a subtractable slice.
 */
export const DIMENSIONI = ['comune', 'area', 'sede', 'operatore'] as const;
export type Dimensione = (typeof DIMENSIONI)[number];

export const Period = z.strictObject({
  anno: z.number({ error: 'Anno non valido.' }).int().min(2000, { error: 'Anno non valido.' }).max(2100, { error: 'Anno non valido.' }),
  trimestre: z.number({ error: 'Trimestre non valido.' }).int().min(1, { error: 'Trimestre non valido (1–4).' }).max(4, { error: 'Trimestre non valido (1–4).' }),
});

/**
 * A figure as the caller may see it: `nascosto` when it is hidden in anything leaving the office;
 * `valore` is then the exact figure for the coordinator and null for everyone else.
 */
export const ReportCell = z.object({ valore: z.number().nullable(), nascosto: z.boolean() });

export const ReportTable = z.object({
  id: z.string(),
  titolo: z.string(),
  unita: z.enum(['conteggio', 'euro']),
  /** Column headings; the last is the row total. */
  colonne: z.array(z.string()),
  righe: z.array(z.object({ etichetta: z.string(), celle: z.array(ReportCell) })),
  /** Column totals; the last is the grand total. */
  totali: z.array(ReportCell),
  nota: z.string(),
});

export const ReportSection = z.object({ dimensione: z.enum(DIMENSIONI), titolo: z.string(), tabelle: z.array(ReportTable) });

export const ReportData = z.object({
  anno: z.number(),
  trimestre: z.number(),
  dal: z.string(),
  al: z.string(),
  titolo: z.string(),
  soglia: z.number(),
  /** Whether hidden cells carry their exact figure (the coordinator, on screen only). */
  esatti: z.boolean(),
  sezioni: z.array(ReportSection),
});

const FileOut = z.object({ nome: z.string(), mime: z.string(), dimensione: z.number(), downloadId: z.string() });

export const reportsContract = {
  'reports.quarter': channel(Period, ReportData, 'reports.view'),
  'reports.export': channel(Period.extend({ formato: z.enum(['csv', 'xlsx']) }), FileOut, 'reports.view'),
  'reports.print': channel(Period, FileOut, 'reports.view'),
  'reports.settings': channel(z.strictObject({}), z.object({ soglia: z.number(), minima: z.number(), massima: z.number() }), 'reports.view'),
  'reports.saveSoglia': channel(
    z.strictObject({
      soglia: z
        .number({ error: 'Soglia non valida.' })
        .int({ error: 'La soglia è un numero intero.' })
        .min(MIN_THRESHOLD, { error: `La soglia non può essere inferiore a ${MIN_THRESHOLD} (SISTAN).` })
        .max(MAX_THRESHOLD, { error: `La soglia non può superare ${MAX_THRESHOLD}.` }),
    }),
    z.object({ ok: z.literal(true) }),
    'zone.manage',
  ),
} as const;

export const reportsFeature = defineFeature('reports', { prefixes: ['reports'], channels: reportsContract });
