import type { Db } from '../open';
import type { RowOf } from '../schema';

/** A diary entry with its author's name. */
export interface DiaryRow extends RowOf<'diary_entries'> {
  autore: string;
}

export interface DiaryVersionRow extends Pick<RowOf<'diary_versions'>, 'versione' | 'tipo' | 'data' | 'ora' | 'luogo' | 'partecipanti' | 'testo' | 'sostituita_il'> {
  autore: string;
}

/** A user named on a riservato entry. */
export type NamedUserRow = Pick<RowOf<'diary_named_users'>, 'entry_id'> & Pick<RowOf<'users'>, 'id' | 'full_name'>;

export type PaiRow = RowOf<'pai'>;

export type ObjectiveRow = RowOf<'pai_objectives'>;

export type InterventionRow = RowOf<'interventions'>;

export type DeliveryRow = RowOf<'deliveries'>;

/** An attachment with its author's name. */
export interface AttachmentRow extends RowOf<'attachments'> {
  autore: string;
}

/** Everything inside one case file: diary, PAI, interventions, attachments. */
export class CaseContentRepository {
  constructor(private readonly db: Db) {}

  diary(caseId: string): DiaryRow[] {
    return this.db
      .prepare(
        `SELECT d.*, u.full_name AS autore FROM diary_entries d JOIN users u ON u.id = d.autore_id
          WHERE d.case_id = ? ORDER BY d.data DESC, d.ora DESC, d.created_at DESC`,
      )
      .all(caseId) as DiaryRow[];
  }

  diaryEntry(id: string): DiaryRow | null {
    return (this.db.prepare('SELECT d.*, u.full_name AS autore FROM diary_entries d JOIN users u ON u.id = d.autore_id WHERE d.id = ?').get(id) as DiaryRow | undefined) ?? null;
  }

  diaryVersions(entryId: string): DiaryVersionRow[] {
    return this.db
      .prepare(
        `SELECT v.versione, v.tipo, v.data, v.ora, v.luogo, v.partecipanti, v.testo, u.full_name AS autore, v.sostituita_il
           FROM diary_versions v JOIN users u ON u.id = v.autore_id WHERE v.entry_id = ? ORDER BY v.versione DESC, v.sostituita_il DESC, v.id`,
      )
      .all(entryId) as DiaryVersionRow[];
  }

  namedUsers(caseId: string): NamedUserRow[] {
    return this.db
      .prepare(
        `SELECT n.entry_id, u.id, u.full_name FROM diary_named_users n JOIN users u ON u.id = n.user_id
           JOIN diary_entries d ON d.id = n.entry_id WHERE d.case_id = ?`,
      )
      .all(caseId) as NamedUserRow[];
  }

  namedUserIds(entryId: string): Pick<RowOf<'diary_named_users'>, 'id' | 'user_id'>[] {
    return this.db.prepare('SELECT id, user_id FROM diary_named_users WHERE entry_id = ?').all(entryId) as Pick<RowOf<'diary_named_users'>, 'id' | 'user_id'>[];
  }

  pai(caseId: string): PaiRow[] {
    return this.db.prepare('SELECT * FROM pai WHERE case_id = ? ORDER BY data_avvio DESC').all(caseId) as PaiRow[];
  }

  paiById(id: string): PaiRow | null {
    return (this.db.prepare('SELECT * FROM pai WHERE id = ?').get(id) as PaiRow | undefined) ?? null;
  }

  objectives(paiIds: readonly string[]): ObjectiveRow[] {
    if (paiIds.length === 0) return [];
    return this.db.prepare(`SELECT * FROM pai_objectives WHERE pai_id IN (${paiIds.map(() => '?').join(', ')}) ORDER BY ordine`).all(...paiIds) as ObjectiveRow[];
  }

  /** Active PAIs of these cases whose review falls before `until`. */
  reviewsDue(caseIds: readonly string[], until: string): (PaiRow & { numero: string; person_id: string; cognome: string; nome: string })[] {
    if (caseIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT pai.*, c.numero, c.person_id, p.cognome, p.nome FROM pai JOIN cases c ON c.id = pai.case_id JOIN persons p ON p.id = c.person_id
          WHERE pai.case_id IN (${caseIds.map(() => '?').join(', ')}) AND pai.stato = 'attivo' AND pai.prossima_revisione <= ?
          ORDER BY pai.prossima_revisione`,
      )
      .all(...caseIds, until) as (PaiRow & { numero: string; person_id: string; cognome: string; nome: string })[];
  }

  objective(id: string): ObjectiveRow | null {
    return (this.db.prepare('SELECT * FROM pai_objectives WHERE id = ?').get(id) as ObjectiveRow | undefined) ?? null;
  }

  interventions(caseId: string): InterventionRow[] {
    return this.db.prepare('SELECT * FROM interventions WHERE case_id = ? ORDER BY data_inizio DESC').all(caseId) as InterventionRow[];
  }

  intervention(id: string): InterventionRow | null {
    return (this.db.prepare('SELECT * FROM interventions WHERE id = ?').get(id) as InterventionRow | undefined) ?? null;
  }

  deliveries(caseId: string): DeliveryRow[] {
    return this.db.prepare('SELECT d.* FROM deliveries d JOIN interventions i ON i.id = d.intervention_id WHERE i.case_id = ? ORDER BY d.data DESC').all(caseId) as DeliveryRow[];
  }

  attachments(caseId: string): AttachmentRow[] {
    return this.db
      .prepare('SELECT a.*, u.full_name AS autore FROM attachments a JOIN users u ON u.id = a.autore_id WHERE a.case_id = ? ORDER BY a.created_at DESC')
      .all(caseId) as AttachmentRow[];
  }

  attachment(id: string): AttachmentRow | null {
    return (this.db.prepare('SELECT a.*, u.full_name AS autore FROM attachments a JOIN users u ON u.id = a.autore_id WHERE a.id = ?').get(id) as AttachmentRow | undefined) ?? null;
  }
}
