import type { Db } from '../open';
import type { RowOf } from '../schema';

/** An accesso with its sede's name, its operator's name and the number of the case it became. */
export interface AccessoRow extends RowOf<'accessi'> {
  sede_nome: string;
  operatore: string | null;
  case_numero: string | null;
}

const SELECT = `SELECT a.*, s.nome AS sede_nome, u.full_name AS operatore, c.numero AS case_numero
  FROM accessi a JOIN sedi s ON s.id = a.sede_id LEFT JOIN users u ON u.id = a.operatore_id LEFT JOIN cases c ON c.id = a.case_id`;

export class AccessiRepository {
  constructor(private readonly db: Db) {}

  byId(id: string): AccessoRow | null {
    return (this.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AccessoRow | undefined) ?? null;
  }

  byPerson(personId: string): AccessoRow[] {
    return this.db.prepare(`${SELECT} WHERE a.person_id = ? ORDER BY a.data DESC, a.created_at DESC`).all(personId) as AccessoRow[];
  }

  byCase(caseId: string): AccessoRow[] {
    return this.db.prepare(`${SELECT} WHERE a.case_id = ?`).all(caseId) as AccessoRow[];
  }
}
