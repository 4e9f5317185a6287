import type { Db } from '../open';
import type { RowOf } from '../schema';
import { prepared } from '../statements';

/** One erogazione with its intervento, case file, person and the DSU in force on its date. */
export interface SiussSourceRow {
  delivery_id: string;
  data: string;
  d_importo: number | null;
  d_ente: number | null;
  d_utente: number | null;
  intervention_id: string;
  prestazione_codice: string;
  descrizione: string;
  data_inizio: string;
  data_fine: string | null;
  i_importo: number | null;
  i_ente: number | null;
  i_utente: number | null;
  ore_mensili: number | null;
  intervento_stato: string;
  case_id: string;
  numero: string;
  area: string;
  presa_in_carico: number;
  person_id: string;
  codice_fiscale: string | null;
  cognome: string;
  nome: string;
  dsu_protocollo: string | null;
}

export type SiussBatchRow = RowOf<'siuss_batches'> & { utente: string };
export type SiussStateRow = RowOf<'siuss_state'>;

// Every erogazione up to the quarter's end, and every one INPS holds whatever its date (it may
// have been moved, annulled or changed since it was sent).
const SOURCES = `SELECT d.id AS delivery_id, d.data, d.importo_cents AS d_importo, d.quota_ente_cents AS d_ente, d.quota_utente_cents AS d_utente,
    i.id AS intervention_id, i.prestazione_codice, i.descrizione, i.data_inizio, i.data_fine,
    i.importo_cents AS i_importo, i.quota_ente_cents AS i_ente, i.quota_utente_cents AS i_utente, i.ore_mensili, i.stato AS intervento_stato,
    c.id AS case_id, c.numero, c.area,
    (c.stato IN ('in_carico', 'sospeso') OR EXISTS (SELECT 1 FROM case_status_history h WHERE h.case_id = c.id AND h.stato = 'in_carico')) AS presa_in_carico,
    p.id AS person_id, p.codice_fiscale, p.cognome, p.nome,
    (SELECT s.dsu_protocollo FROM isee s WHERE s.person_id = p.id AND s.dsu_protocollo <> '' AND (s.dsu_data IS NULL OR s.dsu_data <= d.data)
      ORDER BY s.anno DESC, s.dsu_data DESC LIMIT 1) AS dsu_protocollo
  FROM deliveries d JOIN interventions i ON i.id = d.intervention_id JOIN cases c ON c.id = i.case_id JOIN persons p ON p.id = c.person_id
  WHERE d.data <= ? OR d.id IN (SELECT id FROM siuss_state WHERE attivo = 1)
  ORDER BY c.numero, d.data, d.id`;

/** The SIUSS flow's reads (writes go through the writer). */
export class SiussRepository {
  constructor(private readonly db: Db) {}

  sources(fine: string): SiussSourceRow[] {
    return prepared(this.db, SOURCES).all(fine) as SiussSourceRow[];
  }

  states(): Map<string, SiussStateRow> {
    const rows = prepared(this.db, 'SELECT * FROM siuss_state').all() as SiussStateRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  batches(): SiussBatchRow[] {
    return prepared(
      this.db,
      `SELECT b.*, coalesce(u.full_name, '') AS utente FROM siuss_batches b LEFT JOIN users u ON u.id = b.user_id ORDER BY b.created_at DESC, b.id DESC`,
    ).all() as SiussBatchRow[];
  }

  nextNumero(): number {
    return ((prepared(this.db, 'SELECT max(numero) AS n FROM siuss_batches').get() as { n: number | null }).n ?? 0) + 1;
  }
}
