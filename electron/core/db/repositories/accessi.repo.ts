import type { Db } from '../open';

export interface AccessoRow {
  id: string;
  person_id: string;
  data: string;
  sede_id: string;
  sede_nome: string;
  inviato_da: string;
  motivo: string;
  esito: string;
  note: string;
  operatore: string | null;
  case_id: string | null;
  case_numero: string | null;
  created_at: string;
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
