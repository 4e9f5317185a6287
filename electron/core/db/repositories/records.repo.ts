import type { Db } from '../open';
import type { RowOf, WritableTable } from '../schema';
import { prepared } from '../statements';

export type ScartoRow = RowOf<'scarti'>;

export interface RetentionCandidateRow {
  id: string;
  numero: string;
  cognome: string;
  nome: string;
  area: string;
  sede: string;
  aperta_il: string;
  chiusa_il: string;
}

/**
 * What a case file is, table by table, for the scarto: how its rows are found from the case
 * ids (directly, or through a parent table's rows) and the cells that hold its contents, with
 * the empty value each gets. Ids, numbers, dates and states stay: they are the trace the
 * records law asks for. Plain data: the repository builds its SQL from these names only.
 */
export const CASE_FILE_PARTS: readonly { table: WritableTable; by: 'id' | 'case_id' | { col: string; parent: WritableTable }; blank: Readonly<Record<string, string>> }[] = [
  { table: 'cases', by: 'id', blank: { problematiche: '[]' } },
  { table: 'case_status_history', by: 'case_id', blank: { motivo: '' } },
  { table: 'case_operators', by: 'case_id', blank: { motivo: '' } },
  { table: 'emergency_accesses', by: 'case_id', blank: { motivo: '' } },
  { table: 'diary_entries', by: 'case_id', blank: { luogo: '', partecipanti: '', testo: '' } },
  { table: 'diary_versions', by: { col: 'entry_id', parent: 'diary_entries' }, blank: { luogo: '', partecipanti: '', testo: '' } },
  { table: 'pai', by: 'case_id', blank: { note: '' } },
  { table: 'pai_objectives', by: { col: 'pai_id', parent: 'pai' }, blank: { descrizione: '', esito_note: '' } },
  { table: 'interventions', by: 'case_id', blank: { descrizione: '' } },
  { table: 'deliveries', by: { col: 'intervention_id', parent: 'interventions' }, blank: { note: '' } },
  { table: 'attachments', by: 'case_id', blank: { nome: '', descrizione: '', file: '', sha256: '' } },
  { table: 'documents', by: 'case_id', blank: { destinatario: '', parti: '{}', nome_file: '', file: '', sha256: '' } },
  { table: 'appointments', by: 'case_id', blank: { motivo: '', note: '' } },
];

/** The zone's art. 30 record and retention setting; the scarti and the case files they cover. */
export class RecordsRepository {
  constructor(private readonly db: Db) {}

  settings(): { zoneId: string; ente: string; nome: string; idle: number; anni: number; registro: string } | null {
    return (
      (prepared(this.db, 'SELECT id AS zoneId, ente, nome, idle_timeout_min AS idle, conservazione_anni AS anni, registro_trattamenti AS registro FROM zone LIMIT 1').get() as
        { zoneId: string; ente: string; nome: string; idle: number; anni: number; registro: string } | undefined) ?? null
    );
  }

  comuni(): string[] {
    return (prepared(this.db, 'SELECT nome FROM comuni ORDER BY nome COLLATE NOCASE').all() as { nome: string }[]).map((c) => c.nome);
  }

  /** Closed case files, not yet emptied by a scarto, closed on or before the given day. */
  candidates(closedBy: string): RetentionCandidateRow[] {
    return prepared(
      this.db,
      `SELECT c.id, c.numero, p.cognome, p.nome, c.area, s.nome AS sede, c.aperta_il, c.chiusa_il
         FROM cases c JOIN persons p ON p.id = c.person_id JOIN sedi s ON s.id = c.sede_id
        WHERE c.stato = 'chiuso' AND c.chiusa_il IS NOT NULL AND c.chiusa_il <= ? AND c.scarto_id IS NULL
        ORDER BY c.chiusa_il, c.numero`,
    ).all(closedBy) as RetentionCandidateRow[];
  }

  caseState(id: string): Pick<RowOf<'cases'>, 'id' | 'numero' | 'stato' | 'chiusa_il' | 'scarto_id' | 'person_id'> | null {
    return (
      (prepared(this.db, 'SELECT id, numero, stato, chiusa_il, scarto_id, person_id FROM cases WHERE id = ?').get(id) as ReturnType<RecordsRepository['caseState']> | undefined) ??
      null
    );
  }

  /** Every row of one part of the given case files, whole (the export), in a stable order. */
  partRows(part: (typeof CASE_FILE_PARTS)[number], caseIds: readonly string[]): Record<string, unknown>[] {
    return this.idsOf(part, caseIds).map((id) => prepared(this.db, `SELECT * FROM ${part.table} WHERE id = ?`).get(id) as Record<string, unknown>);
  }

  private idsOf(part: (typeof CASE_FILE_PARTS)[number], caseIds: readonly string[]): string[] {
    const ids: string[] = [];
    for (const caseId of caseIds) {
      if (part.by === 'id') ids.push(caseId);
      else if (part.by === 'case_id') ids.push(...this.column(`SELECT id FROM ${part.table} WHERE case_id = ? ORDER BY id`, [caseId]));
      else {
        const parentPart = CASE_FILE_PARTS.find((p) => p.table === (part.by as { parent: WritableTable }).parent)!;
        for (const parentId of this.idsOf(parentPart, [caseId])) ids.push(...this.column(`SELECT id FROM ${part.table} WHERE ${part.by.col} = ? ORDER BY id`, [parentId]));
      }
    }
    return ids;
  }

  private column(sql: string, args: unknown[]): string[] {
    return (prepared(this.db, sql).all(...args) as { id: string }[]).map((r) => r.id);
  }

  person(id: string): Record<string, unknown> | null {
    return (prepared(this.db, 'SELECT * FROM persons WHERE id = ?').get(id) as Record<string, unknown> | undefined) ?? null;
  }

  scarto(id: string): ScartoRow | null {
    return (prepared(this.db, 'SELECT * FROM scarti WHERE id = ?').get(id) as ScartoRow | undefined) ?? null;
  }

  scarti(): ScartoRow[] {
    return prepared(this.db, 'SELECT * FROM scarti ORDER BY esportato_il DESC LIMIT 200').all() as ScartoRow[];
  }

  numeri(caseIds: readonly string[]): string[] {
    return caseIds.map((id) => (prepared(this.db, 'SELECT numero FROM cases WHERE id = ?').get(id) as { numero: string } | undefined)?.numero ?? id);
  }
}
