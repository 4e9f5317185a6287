import type { Db } from '../open';
import { prepared } from '../statements';

/**
 * One aggregated fact of the report: how many (and, for deliveries, how much) for one
 * combination of the four fixed groupings and one column (a month 'MM', or an esito code).
 */
export interface FactRow {
  comune: string | null;
  area: string | null;
  sede: string | null;
  operatore: string | null;
  col: string;
  n: number;
  cents: number;
}

/** A person reached, with the groupings of the contact (persons are counted once per group). */
export interface ReachedRow {
  person_id: string;
  comune: string | null;
  area: string | null;
  sede: string | null;
  operatore: string | null;
  col: string;
}

/** The case's responsabile now (the last one if the case is closed). */
const RESPONSABILE = `(SELECT o.user_id FROM case_operators o WHERE o.case_id = c.id AND o.ruolo = 'responsabile' ORDER BY o.al IS NOT NULL, o.dal DESC LIMIT 1)`;
/** An appointment's first operator: each appointment counted once, under one name. */
const FIRST_OPERATOR = `(SELECT ao.user_id FROM appointment_operators ao WHERE ao.appointment_id = a.id AND ao.attivo = 1 ORDER BY ao.rowid LIMIT 1)`;
const GROUPS = 'GROUP BY comune, area, sede, operatore, col';

/** Counts for the Report section: aggregate SQL only, no names of the people counted. */
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  casesOpened(dal: string, al: string): FactRow[] {
    return this.facts(
      `SELECT p.residenza_comune_istat AS comune, c.area, c.sede_id AS sede, ${RESPONSABILE} AS operatore, substr(c.aperta_il, 6, 2) AS col, count(*) AS n, 0 AS cents
         FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.aperta_il BETWEEN ? AND ? ${GROUPS}`,
      dal,
      al,
    );
  }

  casesClosed(dal: string, al: string): FactRow[] {
    return this.facts(
      `SELECT p.residenza_comune_istat AS comune, c.area, c.sede_id AS sede, ${RESPONSABILE} AS operatore, substr(c.chiusa_il, 6, 2) AS col, count(*) AS n, 0 AS cents
         FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.chiusa_il BETWEEN ? AND ? ${GROUPS}`,
      dal,
      al,
    );
  }

  accessi(dal: string, al: string): FactRow[] {
    return this.facts(
      `SELECT p.residenza_comune_istat AS comune, c.area, a.sede_id AS sede, a.operatore_id AS operatore, substr(a.data, 6, 2) AS col, count(*) AS n, 0 AS cents
         FROM accessi a JOIN persons p ON p.id = a.person_id LEFT JOIN cases c ON c.id = a.case_id WHERE a.data BETWEEN ? AND ? ${GROUPS}`,
      dal,
      al,
    );
  }

  /** Deliveries (erogazioni) of the interventions: how many and the amount paid. */
  deliveries(dal: string, al: string): FactRow[] {
    return this.facts(
      `SELECT p.residenza_comune_istat AS comune, c.area, c.sede_id AS sede, ${RESPONSABILE} AS operatore, substr(d.data, 6, 2) AS col, count(*) AS n, coalesce(sum(d.importo_cents), 0) AS cents
         FROM deliveries d JOIN interventions i ON i.id = d.intervention_id JOIN cases c ON c.id = i.case_id JOIN persons p ON p.id = c.person_id
        WHERE d.data BETWEEN ? AND ? ${GROUPS}`,
      dal,
      al,
    );
  }

  /** Single appointments with a person, held (svolto) or missed (assente); series are not counted. */
  appointments(stato: 'svolto' | 'assente', dal: string, al: string): FactRow[] {
    return this.facts(
      `SELECT coalesce(p.residenza_comune_istat, a.comune_istat) AS comune, c.area, a.sede_id AS sede, ${FIRST_OPERATOR} AS operatore, substr(a.inizio, 6, 2) AS col, count(*) AS n, 0 AS cents
         FROM appointments a JOIN persons p ON p.id = a.person_id LEFT JOIN cases c ON c.id = a.case_id
        WHERE a.rrule = '' AND a.stato = ? AND a.inizio >= ? AND a.inizio < ? ${GROUPS}`,
      stato,
      dal,
      `${al}T99`,
    );
  }

  /** CROSS JOIN keeps the small SAL table outermost: the planner otherwise walks every person. */
  tirociniStarted(dal: string, al: string): FactRow[] {
    return this.facts(
      `SELECT p.residenza_comune_istat AS comune, c.area, c.sede_id AS sede, b.mediatore_id AS operatore, substr(t.inizio, 6, 2) AS col, count(*) AS n, 0 AS cents
         FROM sal_tirocini t CROSS JOIN sal_beneficiari b ON b.id = t.beneficiario_id CROSS JOIN cases c ON c.id = b.case_id CROSS JOIN persons p ON p.id = b.person_id
        WHERE t.inizio BETWEEN ? AND ? ${GROUPS}`,
      dal,
      al,
    );
  }

  /** Outcomes recorded in the period, one column per esito. */
  tirociniOutcomes(dal: string, al: string): FactRow[] {
    return this.facts(
      `SELECT p.residenza_comune_istat AS comune, c.area, c.sede_id AS sede, b.mediatore_id AS operatore, t.esito AS col, count(*) AS n, 0 AS cents
         FROM sal_tirocini t CROSS JOIN sal_beneficiari b ON b.id = t.beneficiario_id CROSS JOIN cases c ON c.id = b.case_id CROSS JOIN persons p ON p.id = b.person_id
        WHERE t.esito <> '' AND t.esito_data BETWEEN ? AND ? ${GROUPS}`,
      dal,
      al,
    );
  }

  /** Everyone with a contact in the period: an accesso, a case opened, a held appointment, a delivery. */
  reached(dal: string, al: string): ReachedRow[] {
    return prepared(
      this.db,
      `SELECT DISTINCT person_id, comune, area, sede, operatore, col FROM (
         SELECT a.person_id, p.residenza_comune_istat AS comune, c.area, a.sede_id AS sede, a.operatore_id AS operatore, substr(a.data, 6, 2) AS col
           FROM accessi a JOIN persons p ON p.id = a.person_id LEFT JOIN cases c ON c.id = a.case_id WHERE a.data BETWEEN @dal AND @al
         UNION ALL
         SELECT c.person_id, p.residenza_comune_istat, c.area, c.sede_id, ${RESPONSABILE}, substr(c.aperta_il, 6, 2)
           FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.aperta_il BETWEEN @dal AND @al
         UNION ALL
         SELECT a.person_id, coalesce(p.residenza_comune_istat, a.comune_istat), c.area, a.sede_id, ${FIRST_OPERATOR}, substr(a.inizio, 6, 2)
           FROM appointments a JOIN persons p ON p.id = a.person_id LEFT JOIN cases c ON c.id = a.case_id
          WHERE a.rrule = '' AND a.stato = 'svolto' AND a.inizio >= @dal AND a.inizio < @end
         UNION ALL
         SELECT c.person_id, p.residenza_comune_istat, c.area, c.sede_id, ${RESPONSABILE}, substr(d.data, 6, 2)
           FROM deliveries d JOIN interventions i ON i.id = d.intervention_id JOIN cases c ON c.id = i.case_id JOIN persons p ON p.id = c.person_id
          WHERE d.data BETWEEN @dal AND @al
       )`,
    ).all({ dal, al, end: `${al}T99` }) as ReachedRow[];
  }

  /** The groupings' fixed lists: every comune, sede and staff member, whatever the period holds. */
  groupings(): { comuni: { istat: string; nome: string }[]; sedi: { id: string; nome: string }[]; operatori: { id: string; nome: string; profile: string; disabled: number }[] } {
    return {
      comuni: prepared(this.db, 'SELECT istat, nome FROM comuni ORDER BY nome').all() as { istat: string; nome: string }[],
      sedi: prepared(this.db, 'SELECT id, nome FROM sedi ORDER BY nome').all() as { id: string; nome: string }[],
      operatori: prepared(this.db, 'SELECT id, full_name AS nome, profile, disabled FROM users ORDER BY full_name').all() as {
        id: string;
        nome: string;
        profile: string;
        disabled: number;
      }[],
    };
  }

  threshold(): number | null {
    return (prepared(this.db, 'SELECT report_soglia AS s FROM zone LIMIT 1').get() as { s: number } | undefined)?.s ?? null;
  }

  private facts(sql: string, ...params: string[]): FactRow[] {
    return prepared(this.db, sql).all(...params) as FactRow[];
  }
}
