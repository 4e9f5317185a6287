import type { Db } from '../open';
import type { RowOf } from '../schema';

/** A household membership with the member's name and birth date. */
export type MemberRow = RowOf<'household_members'> & Pick<RowOf<'persons'>, 'cognome' | 'nome' | 'data_nascita'>;

export class HouseholdsRepository {
  constructor(private readonly db: Db) {}

  activeMembership(personId: string): Pick<RowOf<'household_members'>, 'id' | 'household_id'> | null {
    return (
      (this.db.prepare('SELECT id, household_id FROM household_members WHERE person_id = ? AND attivo = 1').get(personId) as
        Pick<RowOf<'household_members'>, 'id' | 'household_id'> | undefined) ?? null
    );
  }

  member(id: string): MemberRow | null {
    return (
      (this.db.prepare('SELECT m.*, p.cognome, p.nome, p.data_nascita FROM household_members m JOIN persons p ON p.id = m.person_id WHERE m.id = ?').get(id) as
        MemberRow | undefined) ?? null
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
