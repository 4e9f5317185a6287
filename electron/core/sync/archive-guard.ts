import { ARCHIVE_GUARD_DEFAULT_MIN_ROWS, ARCHIVE_GUARD_DEFAULT_PCT } from '../../../shared/contracts/sync';
import type { WritableTable } from '../db/schema';
import type { Store } from '../store';
import type { SegmentChange } from './segment-codec';

/**
 * How a row is archived in this schema: nothing is deleted, a row leaves the active set through
 * one cell (a flag, or a date that is set). These are the cells a batch from another workstation
 * is counted on before it is applied (issue 11, Fail-safe: "a batch that would archive more than
 * a set share of records asks a person first"). Persons have no archival state of their own:
 * what leaves are their case files and their places in a nucleo.
 */
export interface ArchivalRule {
  col: string;
  /** SQL over the declared column (never input): the row is still active. */
  activeSql: string;
  /** The cell's new value (as JSON) archives the row. */
  archives: (value: unknown) => boolean;
  one: string;
  many: string;
}

export const ARCHIVAL: Partial<Record<WritableTable, ArchivalRule>> = {
  cases: { col: 'archiviata', activeSql: 'archiviata = 0', archives: (v) => v === 1, one: 'cartella', many: 'cartelle' },
  household_members: { col: 'attivo', activeSql: 'attivo = 1', archives: (v) => v === 0, one: 'componente di un nucleo', many: 'componenti di nuclei' },
  users: { col: 'disabled', activeSql: 'disabled = 0', archives: (v) => v === 1, one: 'utente', many: 'utenti' },
  sync_nodes: { col: 'revoked_at', activeSql: 'revoked_at IS NULL', archives: (v) => v !== null, one: 'postazione', many: 'postazioni' },
  sal_aziende: { col: 'attiva', activeSql: 'attiva = 1', archives: (v) => v === 0, one: 'azienda', many: 'aziende' },
  sal_tutor: { col: 'attivo', activeSql: 'attivo = 1', archives: (v) => v === 0, one: 'tutor aziendale', many: 'tutor aziendali' },
  rooms: { col: 'attiva', activeSql: 'attiva = 1', archives: (v) => v === 0, one: 'stanza', many: 'stanze' },
};

export interface ArchiveGuardSettings {
  /** Percent of a table's active rows a batch may archive without asking. */
  sharePct: number;
  /** Below this many rows a batch never asks (archiving a handful of case files is ordinary work). */
  minRows: number;
}

export const ARCHIVE_GUARD_DEFAULT: ArchiveGuardSettings = { sharePct: ARCHIVE_GUARD_DEFAULT_PCT, minRows: ARCHIVE_GUARD_DEFAULT_MIN_ROWS };

export interface ArchiveCount {
  table: string;
  /** Active rows here that the batch would archive. */
  archive: number;
  /** Active rows of the table here before the batch. */
  active: number;
}

/**
 * What a batch would archive here, per table: rows active now whose archival cell the batch sets
 * to an archiving value with a stamp later than the cell's current one (a change that loses to
 * what is here archives nothing). Only the tables above the settings' threshold are returned.
 */
export function archiveOverThreshold(store: Store, changes: readonly SegmentChange[], settings: ArchiveGuardSettings): ArchiveCount[] {
  const byTable = new Map<WritableTable, Map<string, string>>();
  for (const c of changes) {
    const rule = ARCHIVAL[c.tbl as WritableTable];
    if (!rule || rule.col !== c.col || !Object.hasOwn(ARCHIVAL, c.tbl) || !archivesValue(rule, c.value)) continue;
    let rows = byTable.get(c.tbl as WritableTable);
    if (!rows) byTable.set(c.tbl as WritableTable, (rows = new Map<string, string>()));
    if ((rows.get(c.row_id) ?? '') < c.hlc) rows.set(c.row_id, c.hlc);
  }
  const over: ArchiveCount[] = [];
  for (const [table, rows] of byTable) {
    // Cheap first: a batch smaller than the floor cannot be over it.
    if (rows.size < settings.minRows) continue;
    const rule = ARCHIVAL[table]!;
    const archive = store.sync.activeRowsLosingCell(table, rule.col, rule.activeSql, rows);
    if (archive < settings.minRows) continue;
    const active = store.sync.activeRows(table, rule.activeSql);
    if (archive * 100 > active * settings.sharePct) over.push({ table, archive, active });
  }
  return over;
}

function archivesValue(rule: ArchivalRule, json: string): boolean {
  try {
    return rule.archives(JSON.parse(json));
  } catch {
    return false;
  }
}

// 'always': Italian CLDR groups only from five digits, the office writes «1.204».
const it = new Intl.NumberFormat('it-IT', { useGrouping: 'always', maximumFractionDigits: 0 });

/** "312 cartelle su 1.204": counts only, never a name. */
export function describeCounts(counts: readonly ArchiveCount[]): string {
  return counts
    .map((c) => {
      const rule = ARCHIVAL[c.table as WritableTable];
      return `${it.format(c.archive)} ${c.archive === 1 ? (rule?.one ?? c.table) : (rule?.many ?? c.table)} su ${it.format(c.active)}`;
    })
    .join(', ');
}
