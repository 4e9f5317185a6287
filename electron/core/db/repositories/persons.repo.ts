import type { Db } from '../open';
import type { RowOf } from '../schema';

export type PersonRow = RowOf<'persons'>;

export interface SearchFilters {
  match: string | null;
  comuneIstat: string | null;
  area: string | null;
  stato: string | null;
  operatoreId: string | null;
  /** Restrict to people this user is assigned to (PERSON_SCOPE 'assigned'); null = all. */
  visibleTo: string | null;
  today: string;
  now: string;
  limit: number;
}

/**
 * The people a user assigned to case files may see: the holders of their current cases, the
 * members of those holders' households, and the holders of cases opened in emergency.
 */
const VISIBLE_TO_USER = `
  SELECT c.person_id FROM cases c JOIN case_operators o ON o.case_id = c.id
   WHERE o.user_id = @visibleTo AND o.dal <= @today AND (o.al IS NULL OR o.al > @today)
  UNION
  SELECT m.person_id FROM household_members m
   WHERE m.attivo = 1 AND m.household_id IN (
     SELECT h.household_id FROM household_members h
       JOIN cases c ON c.person_id = h.person_id
       JOIN case_operators o ON o.case_id = c.id
      WHERE h.attivo = 1 AND o.user_id = @visibleTo AND o.dal <= @today AND (o.al IS NULL OR o.al > @today))
  UNION
  SELECT c.person_id FROM cases c JOIN emergency_accesses e ON e.case_id = c.id
   WHERE e.user_id = @visibleTo AND e.scade_il > @now`;

const FILTERS = `
  (@comuneIstat IS NULL OR p.residenza_comune_istat = @comuneIstat)
  AND (@visibleTo IS NULL OR p.id IN (${VISIBLE_TO_USER}))
  AND ((@area IS NULL AND @stato IS NULL AND @operatoreId IS NULL) OR EXISTS (
    SELECT 1 FROM cases c WHERE c.person_id = p.id
      AND (@area IS NULL OR c.area = @area)
      AND (@stato IS NULL OR c.stato = @stato)
      AND (@operatoreId IS NULL OR EXISTS (
        SELECT 1 FROM case_operators o WHERE o.case_id = c.id AND o.user_id = @operatoreId AND (o.al IS NULL OR o.al > @today)))))`;

export class PersonsRepository {
  constructor(private readonly db: Db) {}

  byId(id: string): PersonRow | null {
    return (this.db.prepare('SELECT * FROM persons WHERE id = ?').get(id) as PersonRow | undefined) ?? null;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;
  }

  byCfRoot(root: string): PersonRow | null {
    return (this.db.prepare('SELECT * FROM persons WHERE cf_root = ?').get(root) as PersonRow | undefined) ?? null;
  }

  /** Same surname, name and birth date (accents and case aside): probably the same person. */
  similar(cognome: string, nome: string, dataNascita: string, excludeId: string | null): PersonRow[] {
    return this.db
      .prepare(
        `SELECT * FROM persons WHERE cognome = ? COLLATE NOCASE AND nome = ? COLLATE NOCASE AND data_nascita = ?
           AND (? IS NULL OR id <> ?) LIMIT 10`,
      )
      .all(cognome, nome, dataNascita, excludeId, excludeId) as PersonRow[];
  }

  /** Ids of matching people, best match first (FTS5 bm25), or by name when there is no text. */
  search(f: SearchFilters): string[] {
    const params = { ...f, limit: f.limit };
    if (f.match) {
      return (
        this.db
          .prepare(
            `SELECT p.id FROM person_search s
               JOIN person_keys k ON k.num = s.rowid
               JOIN persons p ON p.id = k.person_id
              WHERE person_search MATCH @match AND ${FILTERS}
              ORDER BY s.rank LIMIT @limit`,
          )
          .all(params) as { id: string }[]
      ).map((r) => r.id);
    }
    return (
      this.db
        .prepare(`SELECT p.id FROM persons p WHERE ${FILTERS} ORDER BY p.cognome COLLATE NOCASE, p.nome COLLATE NOCASE LIMIT @limit`)
        .all(params) as { id: string }[]
    ).map((r) => r.id);
  }

  isVisibleTo(personId: string, userId: string, today: string, now: string): boolean {
    return (
      this.db.prepare(`SELECT 1 AS ok WHERE @personId IN (${VISIBLE_TO_USER})`).get({ personId, visibleTo: userId, today, now }) !== undefined
    );
  }

  manyById(ids: readonly string[]): PersonRow[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`SELECT * FROM persons WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as PersonRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is PersonRow => r !== undefined);
  }
}
