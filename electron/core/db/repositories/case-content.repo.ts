import type { Db } from '../open';

export interface DiaryRow {
  id: string;
  case_id: string;
  tipo: string;
  data: string;
  ora: string;
  luogo: string;
  partecipanti: string;
  testo: string;
  riservato: 0 | 1;
  autore_id: string;
  autore: string;
  versione: number;
  created_at: string;
}

export interface DiaryVersionRow {
  versione: number;
  tipo: string;
  data: string;
  ora: string;
  luogo: string;
  partecipanti: string;
  testo: string;
  autore: string;
  sostituita_il: string;
}

export interface PaiRow {
  id: string;
  case_id: string;
  data_avvio: string;
  revisione_mesi: number;
  prossima_revisione: string;
  stato: 'attivo' | 'chiuso';
  chiuso_il: string | null;
  note: string;
  created_at: string;
}

export interface ObjectiveRow {
  id: string;
  pai_id: string;
  termine: string;
  descrizione: string;
  esito: string;
  esito_note: string;
  ordine: number;
}

export interface InterventionRow {
  id: string;
  case_id: string;
  prestazione_codice: string;
  descrizione: string;
  data_inizio: string;
  data_fine: string | null;
  importo_cents: number | null;
  quota_ente_cents: number | null;
  quota_utente_cents: number | null;
  ore_mensili: number | null;
  stato: 'previsto' | 'attivo' | 'concluso' | 'annullato';
  created_at: string;
}

export interface DeliveryRow {
  id: string;
  intervention_id: string;
  data: string;
  importo_cents: number | null;
  quota_ente_cents: number | null;
  quota_utente_cents: number | null;
  ore: number | null;
  note: string;
  created_at: string;
}

export interface AttachmentRow {
  id: string;
  case_id: string;
  nome: string;
  tipo: string;
  dimensione: number;
  sha256: string;
  file: string;
  descrizione: string;
  autore_id: string;
  autore: string;
  created_at: string;
  /** 1: a PDF with active content, found at upload; null: filed before the check was stored. */
  contenuto_attivo: 0 | 1 | null;
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
    return (
      (this.db.prepare('SELECT d.*, u.full_name AS autore FROM diary_entries d JOIN users u ON u.id = d.autore_id WHERE d.id = ?').get(id) as
        | DiaryRow
        | undefined) ?? null
    );
  }

  diaryVersions(entryId: string): DiaryVersionRow[] {
    return this.db
      .prepare(
        `SELECT v.versione, v.tipo, v.data, v.ora, v.luogo, v.partecipanti, v.testo, u.full_name AS autore, v.sostituita_il
           FROM diary_versions v JOIN users u ON u.id = v.autore_id WHERE v.entry_id = ? ORDER BY v.versione DESC`,
      )
      .all(entryId) as DiaryVersionRow[];
  }

  namedUsers(caseId: string): { entry_id: string; id: string; full_name: string }[] {
    return this.db
      .prepare(
        `SELECT n.entry_id, u.id, u.full_name FROM diary_named_users n JOIN users u ON u.id = n.user_id
           JOIN diary_entries d ON d.id = n.entry_id WHERE d.case_id = ?`,
      )
      .all(caseId) as { entry_id: string; id: string; full_name: string }[];
  }

  namedUserIds(entryId: string): { id: string; user_id: string }[] {
    return this.db.prepare('SELECT id, user_id FROM diary_named_users WHERE entry_id = ?').all(entryId) as { id: string; user_id: string }[];
  }

  pai(caseId: string): PaiRow[] {
    return this.db.prepare('SELECT * FROM pai WHERE case_id = ? ORDER BY data_avvio DESC').all(caseId) as PaiRow[];
  }

  paiById(id: string): PaiRow | null {
    return (this.db.prepare('SELECT * FROM pai WHERE id = ?').get(id) as PaiRow | undefined) ?? null;
  }

  objectives(paiIds: readonly string[]): ObjectiveRow[] {
    if (paiIds.length === 0) return [];
    return this.db
      .prepare(`SELECT * FROM pai_objectives WHERE pai_id IN (${paiIds.map(() => '?').join(', ')}) ORDER BY ordine`)
      .all(...paiIds) as ObjectiveRow[];
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
    return this.db
      .prepare('SELECT d.* FROM deliveries d JOIN interventions i ON i.id = d.intervention_id WHERE i.case_id = ? ORDER BY d.data DESC')
      .all(caseId) as DeliveryRow[];
  }

  attachments(caseId: string): AttachmentRow[] {
    return this.db
      .prepare('SELECT a.*, u.full_name AS autore FROM attachments a JOIN users u ON u.id = a.autore_id WHERE a.case_id = ? ORDER BY a.created_at DESC')
      .all(caseId) as AttachmentRow[];
  }

  attachment(id: string): AttachmentRow | null {
    return (
      (this.db.prepare('SELECT a.*, u.full_name AS autore FROM attachments a JOIN users u ON u.id = a.autore_id WHERE a.id = ?').get(id) as
        | AttachmentRow
        | undefined) ?? null
    );
  }
}
