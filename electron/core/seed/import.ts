import type { WorkContext } from '../services/work-context';
import type { WritableTable } from '../db/schema';
import type { Batch } from './generate';

/** Parents before children, so every foreign key holds at each insert. */
export const SEED_TABLES: readonly WritableTable[] = [
  'persons',
  'households',
  'household_members',
  'isee',
  'cases',
  'case_status_history',
  'case_operators',
  'diary_entries',
  'pai',
  'pai_objectives',
  'interventions',
  'deliveries',
  'appointments',
  'appointment_operators',
  'sal_aziende',
  'sal_tutor',
  'sal_convenzioni',
  'sal_beneficiari',
  'sal_fasi',
  'sal_attivita',
  'sal_consensi',
  'sal_tirocini',
  'sal_sospensioni',
  'sal_proroghe',
  'sal_presenze',
];

/** One chunk of synthetic data through the write path: change log per cell, one audit row per table. */
export function importBatch(ctx: WorkContext, batch: Batch): void {
  ctx.store.writer.transaction(() => {
    for (const table of SEED_TABLES) importTable(ctx, table, batch);
  });
}

function importTable<T extends WritableTable>(ctx: WorkContext, table: T, batch: Batch): void {
  const rows = batch[table];
  if (!rows?.length) return;
  ctx.store.writer.importRows(ctx.actor, table, rows, { log: 'data', action: 'seed.import', subjectType: 'dati_dimostrativi', detail: 'Dati sintetici:' });
}
