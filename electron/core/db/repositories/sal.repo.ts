import type { Db } from '../open';
import type { RowOf } from '../schema';
import { prepared } from '../statements';

export type BeneficiarioRow = RowOf<'sal_beneficiari'> & {
  cognome: string;
  nome: string;
  codice_fiscale: string;
  residenza_comune_istat: string | null;
  case_numero: string;
  fase: string | null;
  tirocinio_in_corso: 0 | 1;
};

export type TirocinioRow = RowOf<'sal_tirocini'> & { beneficiario: string; azienda: string; person_id: string };
export type AziendaRow = RowOf<'sal_aziende'> & { in_corso: number };

const BENEFICIARIO = `SELECT b.*, p.cognome, p.nome, p.codice_fiscale, p.residenza_comune_istat, c.numero AS case_numero,
    (SELECT f.fase FROM sal_fasi f WHERE f.beneficiario_id = b.id ORDER BY f.dal DESC, f.id DESC LIMIT 1) AS fase,
    EXISTS (SELECT 1 FROM sal_tirocini t WHERE t.beneficiario_id = b.id AND t.stato = 'in_corso') AS tirocinio_in_corso
  FROM sal_beneficiari b JOIN persons p ON p.id = b.person_id JOIN cases c ON c.id = b.case_id`;

const TIROCINIO = `SELECT t.*, p.cognome || ' ' || p.nome AS beneficiario, a.ragione_sociale AS azienda, b.person_id
  FROM sal_tirocini t JOIN sal_beneficiari b ON b.id = t.beneficiario_id JOIN persons p ON p.id = b.person_id
  JOIN sal_aziende a ON a.id = t.azienda_id`;

/** What the payment list reads of a tirocinio: its plan, who is paid and by whom. */
export type MonthTirocinioRow = Pick<
  RowOf<'sal_tirocini'>,
  'id' | 'inizio' | 'fine' | 'stato' | 'cessazione_data' | 'ore_settimanali' | 'orario' | 'parametri_id' | 'pagato_da'
> & {
  beneficiario: string;
  azienda: string;
  azienda_comune: string;
  person_id: string;
  codice_fiscale: string;
  iban: string;
};

/** A tirocinio's month of presenze, as the payment list needs it (see `presenzeTotals`). */
export type PresenzeTotal = { tirocinio_id: string; minuti: number; inserite: 0 | 1 };

/** The tirocini of a month's payment list and cruscotto (see `tirociniForMonth`), as a WHERE on `t`. */
const FOR_MONTH = `(t.inizio <= ? AND t.stato <> 'cessato' OR (t.stato = 'cessato' AND t.cessazione_data >= ? AND t.inizio <= ?))`;
const forMonthArgs = (month: string) => [`${month}-31`, `${month}-01`, `${month}-31`];

const AZIENDA = `SELECT a.*, (SELECT count(*) FROM sal_tirocini t WHERE t.azienda_id = a.id AND t.stato = 'in_corso') AS in_corso FROM sal_aziende a`;

/** Escape LIKE wildcards in what a user typed. */
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The SAL register's reads. */
export class SalRepository {
  constructor(private readonly db: Db) {}

  parametri(): RowOf<'sal_parametri'>[] {
    return prepared(this.db, `SELECT * FROM sal_parametri ORDER BY regime, valido_dal`).all() as RowOf<'sal_parametri'>[];
  }

  beneficiario(id: string): BeneficiarioRow | null {
    return (prepared(this.db, `${BENEFICIARIO} WHERE b.id = ?`).get(id) as BeneficiarioRow | undefined) ?? null;
  }

  beneficiarioOfPerson(personId: string): RowOf<'sal_beneficiari'> | null {
    return (prepared(this.db, `SELECT * FROM sal_beneficiari WHERE person_id = ?`).get(personId) as RowOf<'sal_beneficiari'> | undefined) ?? null;
  }

  beneficiarioOfCase(caseId: string): RowOf<'sal_beneficiari'> | null {
    return (
      (prepared(this.db, `SELECT * FROM sal_beneficiari WHERE case_id = ? OR person_id = (SELECT person_id FROM cases WHERE id = ?)`).get(caseId, caseId) as
        RowOf<'sal_beneficiari'> | undefined) ?? null
    );
  }

  beneficiari(filter: { query: string; stato: 'attivo' | 'concluso' | null; inAttesa: boolean }): BeneficiarioRow[] {
    const where: string[] = [];
    const args: string[] = [];
    if (filter.query) {
      where.push(`(p.cognome || ' ' || p.nome LIKE ? ESCAPE '\\' OR p.codice_fiscale LIKE ? ESCAPE '\\')`);
      args.push(like(filter.query), like(filter.query));
    }
    if (filter.stato) {
      where.push('b.stato = ?');
      args.push(filter.stato);
    }
    if (filter.inAttesa) where.push(`NOT EXISTS (SELECT 1 FROM sal_tirocini t WHERE t.beneficiario_id = b.id AND t.stato = 'in_corso')`);
    const sql = `${BENEFICIARIO}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY p.cognome, p.nome LIMIT 500`;
    return prepared(this.db, sql).all(...args) as BeneficiarioRow[];
  }

  fasi(beneficiarioId: string): RowOf<'sal_fasi'>[] {
    return prepared(this.db, `SELECT * FROM sal_fasi WHERE beneficiario_id = ? ORDER BY dal, id`).all(beneficiarioId) as RowOf<'sal_fasi'>[];
  }

  attivita(beneficiarioId: string): (RowOf<'sal_attivita'> & { autore: string })[] {
    return this.db
      .prepare(`SELECT a.*, coalesce(u.full_name, '') AS autore FROM sal_attivita a LEFT JOIN users u ON u.id = a.autore_id WHERE a.beneficiario_id = ? ORDER BY a.data, a.id`)
      .all(beneficiarioId) as (RowOf<'sal_attivita'> & { autore: string })[];
  }

  consensi(beneficiarioId: string): RowOf<'sal_consensi'>[] {
    return prepared(this.db, `SELECT * FROM sal_consensi WHERE beneficiario_id = ? ORDER BY dato_il, id`).all(beneficiarioId) as RowOf<'sal_consensi'>[];
  }

  azienda(id: string): AziendaRow | null {
    return (prepared(this.db, `${AZIENDA} WHERE a.id = ?`).get(id) as AziendaRow | undefined) ?? null;
  }

  aziendaByCodice(codice: string): RowOf<'sal_aziende'> | null {
    return (prepared(this.db, `SELECT * FROM sal_aziende WHERE codice = ?`).get(codice) as RowOf<'sal_aziende'> | undefined) ?? null;
  }

  aziende(filter: { query: string; comuneIstat: string | null; ateco: string }): AziendaRow[] {
    const where = ['a.attiva = 1'];
    const args: string[] = [];
    if (filter.query) {
      where.push(`(a.ragione_sociale LIKE ? ESCAPE '\\' OR a.codice LIKE ? ESCAPE '\\' OR a.ateco_descrizione LIKE ? ESCAPE '\\')`);
      args.push(like(filter.query), like(filter.query), like(filter.query));
    }
    if (filter.comuneIstat) {
      where.push('a.comune_istat = ?');
      args.push(filter.comuneIstat);
    }
    if (filter.ateco) {
      where.push(`(a.ateco_codice = ? OR a.ateco_codice LIKE ? ESCAPE '\\')`);
      args.push(filter.ateco, `${filter.ateco.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`);
    }
    return prepared(this.db, `${AZIENDA} WHERE ${where.join(' AND ')} ORDER BY a.ragione_sociale LIMIT 500`).all(...args) as AziendaRow[];
  }

  tutors(aziendaId: string): RowOf<'sal_tutor'>[] {
    return prepared(this.db, `SELECT * FROM sal_tutor WHERE azienda_id = ? ORDER BY nome`).all(aziendaId) as RowOf<'sal_tutor'>[];
  }

  tutor(id: string): RowOf<'sal_tutor'> | null {
    return (prepared(this.db, `SELECT * FROM sal_tutor WHERE id = ?`).get(id) as RowOf<'sal_tutor'> | undefined) ?? null;
  }

  convenzioni(aziendaId: string): RowOf<'sal_convenzioni'>[] {
    return prepared(this.db, `SELECT * FROM sal_convenzioni WHERE azienda_id = ? ORDER BY data DESC`).all(aziendaId) as RowOf<'sal_convenzioni'>[];
  }

  convenzione(id: string): RowOf<'sal_convenzioni'> | null {
    return (prepared(this.db, `SELECT * FROM sal_convenzioni WHERE id = ?`).get(id) as RowOf<'sal_convenzioni'> | undefined) ?? null;
  }

  /** Convenzioni expiring in [from, to], for the dashboard. */
  convenzioniInScadenza(from: string, to: string): (RowOf<'sal_convenzioni'> & { azienda: string })[] {
    return this.db
      .prepare(`SELECT c.*, a.ragione_sociale AS azienda FROM sal_convenzioni c JOIN sal_aziende a ON a.id = c.azienda_id WHERE c.scadenza BETWEEN ? AND ? ORDER BY c.scadenza`)
      .all(from, to) as (RowOf<'sal_convenzioni'> & { azienda: string })[];
  }

  tirocinio(id: string): TirocinioRow | null {
    return (prepared(this.db, `${TIROCINIO} WHERE t.id = ?`).get(id) as TirocinioRow | undefined) ?? null;
  }

  tirocini(stato: 'in_corso' | 'cessato' | 'concluso' | null): TirocinioRow[] {
    const sql = `${TIROCINIO}${stato ? ' WHERE t.stato = ?' : ''} ORDER BY t.inizio DESC LIMIT 1000`;
    return (stato ? prepared(this.db, sql).all(stato) : prepared(this.db, sql).all()) as TirocinioRow[];
  }

  tirociniOf(beneficiarioId: string): TirocinioRow[] {
    return prepared(this.db, `${TIROCINIO} WHERE t.beneficiario_id = ? ORDER BY t.inizio DESC`).all(beneficiarioId) as TirocinioRow[];
  }

  /** A host's tirocini still running (for its limit), this one excepted. */
  inCorsoAt(aziendaId: string, exceptId: string | null): RowOf<'sal_tirocini'>[] {
    return prepared(this.db, `SELECT * FROM sal_tirocini WHERE azienda_id = ? AND stato = 'in_corso' AND id <> ?`).all(aziendaId, exceptId ?? '') as RowOf<'sal_tirocini'>[];
  }

  sospensioni(tirocinioId: string): RowOf<'sal_sospensioni'>[] {
    return prepared(this.db, `SELECT * FROM sal_sospensioni WHERE tirocinio_id = ? AND attiva = 1 ORDER BY dal`).all(tirocinioId) as RowOf<'sal_sospensioni'>[];
  }

  proroghe(tirocinioId: string): RowOf<'sal_proroghe'>[] {
    return prepared(this.db, `SELECT * FROM sal_proroghe WHERE tirocinio_id = ? ORDER BY at`).all(tirocinioId) as RowOf<'sal_proroghe'>[];
  }

  presenze(tirocinioId: string, month: string): RowOf<'sal_presenze'>[] {
    return prepared(this.db, `SELECT * FROM sal_presenze WHERE tirocinio_id = ? AND data BETWEEN ? AND ? ORDER BY data`).all(
      tirocinioId,
      `${month}-01`,
      `${month}-31`,
    ) as RowOf<'sal_presenze'>[];
  }

  /** Tirocini that may run in a month: started by its end and not ended (with any suspension) long before. */
  tirociniForMonth(month: string): MonthTirocinioRow[] {
    return prepared(
      this.db,
      `SELECT t.id, t.inizio, t.fine, t.stato, t.cessazione_data, t.ore_settimanali, t.orario, t.parametri_id, t.pagato_da,
              p.cognome || ' ' || p.nome AS beneficiario, a.ragione_sociale AS azienda, a.comune_istat AS azienda_comune, b.person_id, p.codice_fiscale, b.iban
         FROM sal_tirocini t JOIN sal_beneficiari b ON b.id = t.beneficiario_id JOIN persons p ON p.id = b.person_id
         JOIN sal_aziende a ON a.id = t.azienda_id
        WHERE ${FOR_MONTH}
        ORDER BY p.cognome, p.nome`,
    ).all(...forMonthArgs(month)) as MonthTirocinioRow[];
  }

  /**
   * For each tirocinio of `ranges` (its days that count in `month`, see `countedRange`), the
   * minutes attended on those days outside its active sospensioni, and whether anything (hours or
   * an absence) was entered in the month: one query for a whole payment list, summed in SQLite
   * rather than handing thousands of rows to JavaScript.
   */
  presenzeTotals(month: string, ranges: readonly { id: string; dal: string; al: string; sospeso: boolean }[]): PresenzeTotal[] {
    // One scalar subquery per tirocinio (each through the (tirocinio_id, data) index), measured
    // faster than a join with GROUP BY; the sospensioni are looked at only for those that have any.
    return prepared(
      this.db,
      `WITH r AS MATERIALIZED (SELECT value ->> 0 AS id, value ->> 1 AS dal, value ->> 2 AS al, value ->> 3 AS sospeso FROM json_each(?))
       SELECT r.id AS tirocinio_id,
              (SELECT coalesce(sum(round(max(0, pr.ore) * 60)), 0) FROM sal_presenze pr
                WHERE pr.tirocinio_id = r.id AND pr.data BETWEEN r.dal AND r.al
                  AND (r.sospeso = 0 OR NOT EXISTS (SELECT 1 FROM sal_sospensioni s WHERE s.tirocinio_id = r.id AND s.attiva = 1 AND pr.data BETWEEN s.dal AND s.al))) AS minuti,
              EXISTS (SELECT 1 FROM sal_presenze pr WHERE pr.tirocinio_id = r.id AND pr.data BETWEEN ? AND ? AND (pr.ore > 0 OR pr.assenza <> '')) AS inserite
         FROM r`,
    ).all(JSON.stringify(ranges.map((r) => [r.id, r.dal, r.al, r.sospeso ? 1 : 0])), `${month}-01`, `${month}-31`) as PresenzeTotal[];
  }

  /** The active sospensioni of every tirocinio `tirociniForMonth` lists (whole, since they move the end). */
  sospensioniForMonth(month: string): RowOf<'sal_sospensioni'>[] {
    return prepared(
      this.db,
      `SELECT s.* FROM sal_tirocini t CROSS JOIN sal_sospensioni s ON s.tirocinio_id = t.id AND s.attiva = 1 WHERE ${FOR_MONTH} ORDER BY s.tirocinio_id, s.dal`,
    ).all(...forMonthArgs(month)) as RowOf<'sal_sospensioni'>[];
  }
}
