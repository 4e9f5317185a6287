import type { Db } from '../open';
import type { RowOf } from '../schema';

export type IseeRow = RowOf<'isee'>;

export class IseeRepository {
  constructor(private readonly db: Db) {}

  byId(id: string): IseeRow | null {
    return (this.db.prepare('SELECT * FROM isee WHERE id = ?').get(id) as IseeRow | undefined) ?? null;
  }

  byPerson(personId: string): IseeRow[] {
    return this.db.prepare('SELECT * FROM isee WHERE person_id = ? ORDER BY scadenza DESC').all(personId) as IseeRow[];
  }

  /** The latest ISEE of each person that expires before `until`, for people in the given cases' households. */
  expiringForCases(caseIds: readonly string[], until: string): (IseeRow & { cognome: string; nome: string; case_id: string; numero: string })[] {
    if (caseIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT i.*, p.cognome, p.nome, c.id AS case_id, c.numero FROM cases c
           JOIN persons p ON p.id = c.person_id
           JOIN isee i ON i.person_id = p.id
          WHERE c.id IN (${caseIds.map(() => '?').join(', ')}) AND c.stato <> 'chiuso'
            AND i.scadenza = (SELECT max(scadenza) FROM isee WHERE person_id = p.id)
            AND i.scadenza <= ?
          ORDER BY i.scadenza`,
      )
      .all(...caseIds, until) as (IseeRow & { cognome: string; nome: string; case_id: string; numero: string })[];
  }
}
