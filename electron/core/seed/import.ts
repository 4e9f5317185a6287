import type { WorkContext } from '../services/work-context';
import type { WritableTable } from '../db/schema';
import type { Batch } from './generate';

/**
 * Parents before children, so every foreign key holds at each insert; each with the words the
 * Registro accessi shows for it (the audit row is read by people, not by programmers).
 */
const SEED_TABLE_LABELS = {
  persons: 'persone',
  households: 'nuclei familiari',
  household_members: 'componenti dei nuclei',
  isee: 'attestazioni ISEE',
  cases: 'cartelle',
  case_status_history: 'passaggi di stato delle cartelle',
  case_operators: 'operatori assegnati alle cartelle',
  diary_entries: 'voci di diario',
  pai: 'PAI',
  pai_objectives: 'obiettivi dei PAI',
  interventions: 'interventi',
  deliveries: 'erogazioni',
  appointments: 'appuntamenti',
  appointment_operators: 'operatori assegnati agli appuntamenti',
  sal_aziende: 'aziende ospitanti',
  sal_tutor: 'tutor aziendali',
  sal_convenzioni: 'convenzioni',
  sal_beneficiari: 'beneficiari SAL',
  sal_fasi: 'fasi SAL',
  sal_attivita: 'attività SAL',
  sal_consensi: 'consensi SAL',
  sal_tirocini: 'tirocini',
  sal_sospensioni: 'sospensioni dei tirocini',
  sal_proroghe: 'proroghe dei tirocini',
  sal_presenze: 'presenze dei tirocini',
} as const satisfies Partial<Record<WritableTable, string>>;

export const SEED_TABLES = Object.keys(SEED_TABLE_LABELS) as (keyof typeof SEED_TABLE_LABELS)[];

/** One chunk of synthetic data through the write path: change log per cell, one audit row per table. */
export function importBatch(ctx: WorkContext, batch: Batch): void {
  ctx.store.writer.transaction(() => {
    for (const table of SEED_TABLES) importTable(ctx, table, batch);
  });
}

function importTable<T extends (typeof SEED_TABLES)[number]>(ctx: WorkContext, table: T, batch: Batch): void {
  const rows = batch[table];
  if (!rows?.length) return;
  const detail = `Dati sintetici: ${rows.length.toLocaleString('it-IT')} ${SEED_TABLE_LABELS[table]}`;
  ctx.store.writer.importRows(ctx.actor, table, rows, { log: 'data', action: 'seed.import', subjectType: 'dati_dimostrativi', detail });
}
