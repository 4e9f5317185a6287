import type { Db } from '../open';
import type { RowOf } from '../schema';
import { prepared } from '../statements';

export type PersonRow = RowOf<'persons'>;

export interface SearchFilters {
  comuneIstat: string | null;
  area: string | null;
  stato: string | null;
  operatoreId: string | null;
  /** Restrict to people this user is assigned to (PERSON_SCOPE 'assigned'); null = all. */
  visibleTo: string | null;
  /** 1: leave out people whose processing is restricted (GDPR art. 18), for everyone but the coordinator. */
  hideRestricted: 0 | 1;
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
  AND (@hideRestricted = 0 OR NOT EXISTS (SELECT 1 FROM person_restrictions r WHERE r.person_id = p.id AND r.revocata_il IS NULL))
  AND ((@area IS NULL AND @stato IS NULL AND @operatoreId IS NULL) OR EXISTS (
    SELECT 1 FROM cases c WHERE c.person_id = p.id
      AND (@area IS NULL OR c.area = @area)
      AND (@stato IS NULL OR c.stato = @stato)
      AND (@operatoreId IS NULL OR EXISTS (
        SELECT 1 FROM case_operators o WHERE o.case_id = c.id AND o.user_id = @operatoreId AND (o.al IS NULL OR o.al > @today)))))`;

export class PersonsRepository {
  constructor(private readonly db: Db) {}

  byId(id: string): PersonRow | null {
    return (prepared(this.db, 'SELECT * FROM persons WHERE id = ?').get(id) as PersonRow | undefined) ?? null;
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

  /** Everyone the filters let through, by name: the search with nothing typed. */
  byFilters(f: SearchFilters): string[] {
    return ids(prepared(this.db, `SELECT p.id FROM persons p WHERE ${FILTERS} ORDER BY p.cognome COLLATE NOCASE, p.nome COLLATE NOCASE LIMIT @limit`).all(f));
  }

  /** The holder of a codice fiscale (by its omocodia root) or of a case number. */
  exact(f: SearchFilters, cfRoot: string | null, caseNumero: string | null): string[] {
    return ids(
      prepared(
        this.db,
        `SELECT p.id FROM persons p
          WHERE (p.cf_root = @cfRoot OR p.id IN (SELECT c.person_id FROM cases c WHERE c.numero = @caseNumero)) AND ${FILTERS}
          ORDER BY p.cognome COLLATE NOCASE, p.nome COLLATE NOCASE LIMIT @limit`,
      ).all({ ...f, cfRoot, caseNumero }),
    );
  }

  /**
   * People whose surname starts with `prefix` (case aside), by name, read in the order of the
   * name index: a one-letter prefix stops after `limit` rows instead of sorting thousands.
   */
  bySurnamePrefix(f: SearchFilters, prefix: string): string[] {
    const hi = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    return ids(
      prepared(
        this.db,
        `SELECT p.id FROM persons p
          WHERE p.cognome >= @lo COLLATE NOCASE AND p.cognome < @hi COLLATE NOCASE AND ${FILTERS}
          ORDER BY p.cognome COLLATE NOCASE, p.nome COLLATE NOCASE LIMIT @limit`,
      ).all({ ...f, lo: prefix, hi }),
    );
  }

  /**
   * Full-text matches among the first `candidates` that pass the filters: those whose surname
   * starts with `surname` first, then by name. Not by bm25: its weights read the whole list of
   * every word searched ("via" is in 85% of addresses: 4 ms a query at 100,000 people) and for
   * names and prefixes they rank little better than the alphabet. A query with more matches
   * than `candidates` shows "more" and needs another word anyway.
   */
  fullText(f: SearchFilters, match: string, surname: string | null, candidates: number): string[] {
    return ids(
      prepared(
        this.db,
        `SELECT id FROM (
           SELECT p.id AS id, p.cognome AS cognome, p.nome AS nome, (@surname IS NOT NULL AND p.cognome LIKE @surname || '%') AS bySurname
             FROM person_search s
             JOIN person_keys k ON k.num = s.rowid
             JOIN persons p INDEXED BY persons_search_sort ON p.id = k.person_id
            WHERE person_search MATCH @match AND ${FILTERS}
            LIMIT @candidates)
         ORDER BY bySurname DESC, cognome COLLATE NOCASE, nome COLLATE NOCASE LIMIT @limit`,
      ).all({ ...f, match, surname, candidates }),
    );
  }

  isVisibleTo(personId: string, userId: string, today: string, now: string): boolean {
    return prepared(this.db, `SELECT 1 AS ok WHERE @personId IN (${VISIBLE_TO_USER})`).get({ personId, visibleTo: userId, today, now }) !== undefined;
  }

  manyById(ids: readonly string[]): PersonRow[] {
    if (ids.length === 0) return [];
    const rows = prepared(this.db, `SELECT * FROM persons WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as PersonRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is PersonRow => r !== undefined);
  }
}

function ids(rows: unknown[]): string[] {
  return (rows as { id: string }[]).map((r) => r.id);
}
