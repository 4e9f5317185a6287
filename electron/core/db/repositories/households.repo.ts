import type { Db } from '../open';

export interface MemberRow {
  id: string;
  household_id: string;
  person_id: string;
  parentela: string;
  convivente: 0 | 1;
  attivo: 0 | 1;
  dal: string;
  al: string | null;
  cognome: string;
  nome: string;
  data_nascita: string | null;
}

export class HouseholdsRepository {
  constructor(private readonly db: Db) {}

  activeMembership(personId: string): { id: string; household_id: string } | null {
    return (
      (this.db.prepare('SELECT id, household_id FROM household_members WHERE person_id = ? AND attivo = 1').get(personId) as
        | { id: string; household_id: string }
        | undefined) ?? null
    );
  }

  member(id: string): MemberRow | null {
    return (
      (this.db
        .prepare('SELECT m.*, p.cognome, p.nome, p.data_nascita FROM household_members m JOIN persons p ON p.id = m.person_id WHERE m.id = ?')
        .get(id) as MemberRow | undefined) ?? null
    );
  }

  activeMembers(householdId: string): MemberRow[] {
    return this.db
      .prepare(
        `SELECT m.*, p.cognome, p.nome, p.data_nascita FROM household_members m JOIN persons p ON p.id = m.person_id
          WHERE m.household_id = ? AND m.attivo = 1 ORDER BY m.dal, p.data_nascita`,
      )
      .all(householdId) as MemberRow[];
  }
}
