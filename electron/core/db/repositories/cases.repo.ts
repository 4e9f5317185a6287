import type { Db } from '../open';
import type { RowOf } from '../schema';
import { prepared } from '../statements';

/** A case file with its sede's name. */
export interface CaseRow extends RowOf<'cases'> {
  sede_nome: string;
}

export interface CaseSummaryRow extends Pick<RowOf<'cases'>, 'id' | 'numero' | 'person_id' | 'area' | 'stato' | 'archiviata'> {
  sede_nome: string;
  responsabile: string | null;
  assigned: 0 | 1;
  emergency: 0 | 1;
}

/** An operator's assignment to a case, with the operator's name. */
export interface OperatorRow extends RowOf<'case_operators'> {
  full_name: string;
}

/** A change of state with the name of who made it. */
export type StatusChangeRow = Pick<RowOf<'case_status_history'>, 'stato' | 'data' | 'motivo' | 'at'> & { utente: string | null };

/** An emergency access for the coordinator's review: who, which case and person, why. */
export type EmergencyRow = Pick<RowOf<'emergency_accesses'>, 'id' | 'at' | 'case_id' | 'motivo' | 'visto_il'> &
  Pick<RowOf<'cases'>, 'numero'> &
  Pick<RowOf<'persons'>, 'cognome' | 'nome'> & { user: string };

/** An assignment's `al` is exclusive: a transfer dated today ends the old operator's access at once. */
const CURRENT = `o.dal <= @today AND (o.al IS NULL OR o.al > @today)`;

export class CasesRepository {
  constructor(private readonly db: Db) {}

  byId(id: string): CaseRow | null {
    return (this.db.prepare('SELECT c.*, s.nome AS sede_nome FROM cases c JOIN sedi s ON s.id = c.sede_id WHERE c.id = ?').get(id) as CaseRow | undefined) ?? null;
  }

  nextProgressivo(sedeId: string, anno: number): number {
    return (this.db.prepare('SELECT coalesce(max(progressivo), 0) + 1 AS n FROM cases WHERE sede_id = ? AND anno = ?').get(sedeId, anno) as { n: number }).n;
  }

  /** Summaries of the cases of these people, with whether `userId` may open each one. */
  summariesForPersons(personIds: readonly string[], userId: string, today: string, now: string): CaseSummaryRow[] {
    if (personIds.length === 0) return [];
    return prepared(
      this.db,
      `SELECT c.id, c.numero, c.person_id, c.area, c.stato, c.archiviata, s.nome AS sede_nome,
                (SELECT u.full_name FROM case_operators o JOIN users u ON u.id = o.user_id
                  WHERE o.case_id = c.id AND o.ruolo = 'responsabile' AND ${CURRENT} ORDER BY o.dal DESC LIMIT 1) AS responsabile,
                EXISTS (SELECT 1 FROM case_operators o WHERE o.case_id = c.id AND o.user_id = @userId AND ${CURRENT}) AS assigned,
                EXISTS (SELECT 1 FROM emergency_accesses e WHERE e.case_id = c.id AND e.user_id = @userId AND e.scade_il > @now) AS emergency
           FROM cases c JOIN sedi s ON s.id = c.sede_id
          WHERE c.person_id IN (SELECT value FROM json_each(@personIds))
          ORDER BY c.aperta_il DESC`,
    ).all({ userId, today, now, personIds: JSON.stringify(personIds) }) as CaseSummaryRow[];
  }

  isAssigned(caseId: string, userId: string, today: string): boolean {
    return this.db.prepare(`SELECT 1 FROM case_operators o WHERE o.case_id = @caseId AND o.user_id = @userId AND ${CURRENT}`).get({ caseId, userId, today }) !== undefined;
  }

  /** Whether the user held the case once and no longer does (after a transfer or an ended co-assignment). */
  wasAssigned(caseId: string, userId: string, today: string): boolean {
    return this.db.prepare(`SELECT 1 FROM case_operators o WHERE o.case_id = ? AND o.user_id = ? AND o.al IS NOT NULL AND o.al <= ?`).get(caseId, userId, today) !== undefined;
  }

  activeEmergency(caseId: string, userId: string, now: string): Pick<RowOf<'emergency_accesses'>, 'id' | 'motivo'> | null {
    return (
      (this.db.prepare('SELECT id, motivo FROM emergency_accesses WHERE case_id = ? AND user_id = ? AND scade_il > ? ORDER BY at DESC LIMIT 1').get(caseId, userId, now) as
        Pick<RowOf<'emergency_accesses'>, 'id' | 'motivo'> | undefined) ?? null
    );
  }

  statusHistory(caseId: string): StatusChangeRow[] {
    return this.db
      .prepare(
        `SELECT h.stato, h.data, h.motivo, u.full_name AS utente, h.at FROM case_status_history h LEFT JOIN users u ON u.id = h.user_id
          WHERE h.case_id = ? ORDER BY h.data, h.at`,
      )
      .all(caseId) as StatusChangeRow[];
  }

  operators(caseId: string): OperatorRow[] {
    return this.db
      .prepare(`SELECT o.*, u.full_name FROM case_operators o JOIN users u ON u.id = o.user_id WHERE o.case_id = ? ORDER BY o.dal, o.ruolo`)
      .all(caseId) as OperatorRow[];
  }

  operator(id: string): OperatorRow | null {
    return (this.db.prepare('SELECT o.*, u.full_name FROM case_operators o JOIN users u ON u.id = o.user_id WHERE o.id = ?').get(id) as OperatorRow | undefined) ?? null;
  }

  /** Ids of the open case files a user currently works on. */
  activeCaseIdsOf(userId: string, today: string): string[] {
    return (
      this.db
        .prepare(`SELECT DISTINCT c.id FROM cases c JOIN case_operators o ON o.case_id = c.id WHERE o.user_id = @userId AND ${CURRENT} AND c.stato <> 'chiuso'`)
        .all({ userId, today }) as { id: string }[]
    ).map((r) => r.id);
  }

  emergencies(onlyUnseen: boolean): EmergencyRow[] {
    return this.db
      .prepare(
        `SELECT e.id, e.at, u.full_name AS user, e.case_id, c.numero, p.cognome, p.nome, e.motivo, e.visto_il
           FROM emergency_accesses e JOIN users u ON u.id = e.user_id JOIN cases c ON c.id = e.case_id JOIN persons p ON p.id = c.person_id
          WHERE (? = 0 OR e.visto_il IS NULL) ORDER BY e.at DESC LIMIT 500`,
      )
      .all(onlyUnseen ? 1 : 0) as EmergencyRow[];
  }

  emergency(id: string): { id: string } | null {
    return (this.db.prepare('SELECT id FROM emergency_accesses WHERE id = ?').get(id) as { id: string } | undefined) ?? null;
  }
}
