import type { Db } from '../open';
import type { RowOf } from '../schema';
import { prepared } from '../statements';

export type RestrictionRow = RowOf<'person_restrictions'>;

/** A row as SQLite returns it: the export shows columns, it does not interpret them. */
export type PlainRow = Record<string, string | number | null>;

/** The subject's own cases: every case section below is scoped by it, never by a case id from outside. */
const OWN_CASES = `SELECT id FROM cases WHERE person_id = @personId`;

/** The subject's current household (at most one, DOMAIN.md). */
const OWN_HOUSEHOLD = `SELECT household_id FROM household_members WHERE person_id = @personId AND attivo = 1`;

const user = (alias: string, column: string) => `(SELECT u.full_name FROM users u WHERE u.id = ${alias}.${column})`;

/**
 * Restrictions of processing (GDPR art. 18) and everything one person's access request
 * (art. 15) gathers. Each query takes only the subject's id: what concerns someone else is
 * left out here, not filtered later.
 */
export class RightsRepository {
  constructor(private readonly db: Db) {}

  activeRestriction(personId: string): RestrictionRow | null {
    return (prepared(this.db, 'SELECT * FROM person_restrictions WHERE person_id = ? AND revocata_il IS NULL').get(personId) as RestrictionRow | undefined) ?? null;
  }

  /** Everyone whose processing is restricted now: the lists leave them out (see services/rights/hidden-persons.ts). */
  restrictedPersonIds(): Set<string> {
    const rows = prepared(this.db, 'SELECT person_id FROM person_restrictions WHERE revocata_il IS NULL').all() as { person_id: string }[];
    return new Set(rows.map((r) => r.person_id));
  }

  /** Every restriction the person ever had, newest first, with who ordered and lifted it. */
  restrictions(personId: string): (RestrictionRow & { disposta_da_nome: string | null; revocata_da_nome: string | null })[] {
    return this.db
      .prepare(
        `SELECT r.*, ${user('r', 'disposta_da')} AS disposta_da_nome, ${user('r', 'revocata_da')} AS revocata_da_nome
           FROM person_restrictions r WHERE r.person_id = ? ORDER BY r.dal DESC, r.id DESC`,
      )
      .all(personId) as (RestrictionRow & { disposta_da_nome: string | null; revocata_da_nome: string | null })[];
  }

  private all(sql: string, personId: string): PlainRow[] {
    return this.db.prepare(sql).all({ personId }) as PlainRow[];
  }

  person(personId: string): PlainRow[] {
    return this.all(`SELECT * FROM persons WHERE id = @personId`, personId);
  }

  /**
   * The subject's household as their file records it: the other members' names and relation
   * only (who the subject lives with), none of their own data.
   */
  household(personId: string): PlainRow[] {
    return this.all(
      `SELECT m.id, m.person_id, p.cognome, p.nome, m.parentela, m.convivente, m.attivo, m.dal, m.al
         FROM household_members m JOIN persons p ON p.id = m.person_id
        WHERE m.household_id IN (SELECT household_id FROM household_members WHERE person_id = @personId)
        ORDER BY m.attivo DESC, m.dal, p.cognome, p.nome`,
      personId,
    );
  }

  isee(personId: string): PlainRow[] {
    return this.all(`SELECT * FROM isee WHERE person_id = @personId ORDER BY anno, created_at`, personId);
  }

  accessi(personId: string): PlainRow[] {
    return this.all(
      `SELECT a.*, (SELECT s.nome FROM sedi s WHERE s.id = a.sede_id) AS sede, ${user('a', 'operatore_id')} AS operatore
         FROM accessi a WHERE a.person_id = @personId ORDER BY a.data, a.created_at`,
      personId,
    );
  }

  cases(personId: string): PlainRow[] {
    return this.all(`SELECT c.*, (SELECT s.nome FROM sedi s WHERE s.id = c.sede_id) AS sede FROM cases c WHERE c.person_id = @personId ORDER BY c.aperta_il`, personId);
  }

  /** Cases held by other members of the subject's household: their number only (their content is the holder's). */
  householdCases(personId: string): PlainRow[] {
    return this.all(
      `SELECT c.numero, c.aperta_il, c.stato FROM cases c
        WHERE c.person_id <> @personId AND c.person_id IN (SELECT person_id FROM household_members WHERE household_id IN (${OWN_HOUSEHOLD}))
        ORDER BY c.aperta_il`,
      personId,
    );
  }

  caseHistory(personId: string): PlainRow[] {
    return this.all(
      `SELECT h.*, (SELECT numero FROM cases WHERE id = h.case_id) AS numero, ${user('h', 'user_id')} AS operatore
         FROM case_status_history h WHERE h.case_id IN (${OWN_CASES}) ORDER BY h.at`,
      personId,
    );
  }

  caseOperators(personId: string): PlainRow[] {
    return this.all(
      `SELECT o.*, (SELECT numero FROM cases WHERE id = o.case_id) AS numero, ${user('o', 'user_id')} AS operatore,
              (SELECT u.profile FROM users u WHERE u.id = o.user_id) AS profilo
         FROM case_operators o WHERE o.case_id IN (${OWN_CASES}) ORDER BY o.dal`,
      personId,
    );
  }

  diary(personId: string): PlainRow[] {
    return this.all(
      `SELECT d.*, (SELECT numero FROM cases WHERE id = d.case_id) AS numero, ${user('d', 'autore_id')} AS autore,
              (SELECT u.profile FROM users u WHERE u.id = d.autore_id) AS autore_profilo
         FROM diary_entries d WHERE d.case_id IN (${OWN_CASES}) ORDER BY d.data, d.ora, d.created_at`,
      personId,
    );
  }

  pai(personId: string): PlainRow[] {
    return this.all(`SELECT p.*, (SELECT numero FROM cases WHERE id = p.case_id) AS numero FROM pai p WHERE p.case_id IN (${OWN_CASES}) ORDER BY p.data_avvio`, personId);
  }

  paiObjectives(personId: string): PlainRow[] {
    return this.all(`SELECT o.* FROM pai_objectives o WHERE o.pai_id IN (SELECT id FROM pai WHERE case_id IN (${OWN_CASES})) ORDER BY o.pai_id, o.ordine`, personId);
  }

  interventions(personId: string): PlainRow[] {
    return this.all(
      `SELECT i.*, (SELECT numero FROM cases WHERE id = i.case_id) AS numero FROM interventions i WHERE i.case_id IN (${OWN_CASES}) ORDER BY i.data_inizio`,
      personId,
    );
  }

  deliveries(personId: string): PlainRow[] {
    return this.all(`SELECT e.* FROM deliveries e WHERE e.intervention_id IN (SELECT id FROM interventions WHERE case_id IN (${OWN_CASES})) ORDER BY e.data`, personId);
  }

  attachments(personId: string): PlainRow[] {
    return this.all(
      `SELECT a.id, a.case_id, (SELECT numero FROM cases WHERE id = a.case_id) AS numero, a.nome, a.tipo, a.dimensione, a.descrizione,
              ${user('a', 'autore_id')} AS autore, a.created_at
         FROM attachments a WHERE a.case_id IN (${OWN_CASES}) ORDER BY a.created_at`,
      personId,
    );
  }

  appointments(personId: string): PlainRow[] {
    return this.all(
      `SELECT a.id, a.tipo, a.inizio, a.fine, a.stato, a.motivo, a.note, a.indirizzo, a.rrule,
              (SELECT s.nome FROM sedi s WHERE s.id = a.sede_id) AS sede, (SELECT numero FROM cases WHERE id = a.case_id) AS numero,
              (SELECT group_concat(u.full_name, ', ') FROM appointment_operators o JOIN users u ON u.id = o.user_id
                WHERE o.appointment_id = a.id AND o.attivo = 1) AS operatori
         FROM appointments a WHERE a.person_id = @personId OR a.case_id IN (${OWN_CASES}) ORDER BY a.inizio`,
      personId,
    );
  }

  salBeneficiari(personId: string): PlainRow[] {
    return this.all(`SELECT b.*, ${user('b', 'mediatore_id')} AS mediatore FROM sal_beneficiari b WHERE b.person_id = @personId`, personId);
  }

  private ofBeneficiario(table: 'sal_fasi' | 'sal_attivita' | 'sal_consensi', order: string, personId: string): PlainRow[] {
    return this.all(`SELECT x.* FROM ${table} x WHERE x.beneficiario_id IN (SELECT id FROM sal_beneficiari WHERE person_id = @personId) ORDER BY ${order}`, personId);
  }

  salFasi(personId: string): PlainRow[] {
    return this.ofBeneficiario('sal_fasi', 'x.dal', personId);
  }

  salAttivita(personId: string): PlainRow[] {
    return this.ofBeneficiario('sal_attivita', 'x.data', personId);
  }

  salConsensi(personId: string): PlainRow[] {
    return this.ofBeneficiario('sal_consensi', 'x.dato_il', personId);
  }

  salTirocini(personId: string): PlainRow[] {
    return this.all(
      `SELECT t.*, (SELECT z.ragione_sociale FROM sal_aziende z WHERE z.id = t.azienda_id) AS azienda
         FROM sal_tirocini t WHERE t.beneficiario_id IN (SELECT id FROM sal_beneficiari WHERE person_id = @personId) ORDER BY t.inizio`,
      personId,
    );
  }

  salPresenze(personId: string): PlainRow[] {
    return this.all(
      `SELECT p.* FROM sal_presenze p WHERE p.tirocinio_id IN (
         SELECT t.id FROM sal_tirocini t JOIN sal_beneficiari b ON b.id = t.beneficiario_id WHERE b.person_id = @personId) ORDER BY p.data`,
      personId,
    );
  }

  documents(personId: string): PlainRow[] {
    return this.all(
      `SELECT d.id, d.titolo, d.template, d.stato, d.riservato, (SELECT numero FROM cases WHERE id = d.case_id) AS numero,
              d.protocollo_numero, d.protocollo_data, d.created_at
         FROM documents d WHERE d.person_id = @personId ORDER BY d.created_at`,
      personId,
    );
  }
}
