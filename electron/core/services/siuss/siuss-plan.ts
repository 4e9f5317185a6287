import type { SiussIssueData } from '../../../../shared/contracts/siuss';
import { buildRecord, quarterRange, sameAsSent, whereOf, type SiussRecord, type SiussSource } from '../../../../shared/domain/siuss';
import type { SiussSourceRow } from '../../db/repositories/siuss.repo';
import type { Store } from '../../store';

/** One line of the file: an insertion of the current data, or a cancellation of what was sent. */
export interface PlanLine {
  tipo: 'I' | 'C';
  deliveryId: string;
  personId: string;
  record: SiussRecord;
}

export interface SiussPlan {
  periodo: string;
  inizio: string;
  fine: string;
  lines: PlanLine[];
  errori: SiussIssueData[];
  arretrati: number;
}

function sourceOf(r: SiussSourceRow): SiussSource {
  return {
    deliveryId: r.delivery_id,
    interventionId: r.intervention_id,
    caseId: r.case_id,
    caseNumero: r.numero,
    descrizione: r.descrizione,
    prestazioneCodice: r.prestazione_codice,
    dataInizio: r.data_inizio,
    dataFine: r.data_fine,
    dataErogazione: r.data,
    importoCents: r.d_importo ?? r.i_importo,
    quotaEnteCents: r.d_ente ?? r.i_ente,
    quotaUtenteCents: r.d_utente ?? r.i_utente,
    oreMensili: r.ore_mensili,
    codiceFiscale: r.codice_fiscale,
    cognome: r.cognome,
    nome: r.nome,
    area: r.area,
    presaInCarico: r.presa_in_carico === 1,
    dsuProtocollo: r.dsu_protocollo,
  };
}

/**
 * What an export of the quarter sends now, against what INPS already holds (siuss_state):
 * - an erogazione up to the quarter's end never sent (or cancelled and live again): I;
 * - one sent whose intervento is now annullato: C of the data sent;
 * - one sent whose data changed since: C of the data sent, then I of the new data;
 * - one that fails a rule: listed in `errori` with every problem, and kept out of the file
 *   until fixed (never dropped: it comes back at every check).
 */
export function planOf(store: Store, periodo: string): SiussPlan {
  const { inizio, fine } = quarterRange(periodo);
  const states = store.siuss.states();
  const lines: PlanLine[] = [];
  const errori: SiussIssueData[] = [];
  let arretrati = 0;
  for (const row of store.siuss.sources(fine)) {
    const state = states.get(row.delivery_id);
    const sent = state?.attivo === 1 ? (JSON.parse(state.dati) as SiussRecord) : null;
    if (row.intervento_stato === 'annullato') {
      if (sent) lines.push({ tipo: 'C', deliveryId: row.delivery_id, personId: row.person_id, record: sent });
      continue;
    }
    const source = sourceOf(row);
    const built = buildRecord(source);
    if (!built.ok) {
      errori.push({
        caseId: row.case_id,
        caseNumero: row.numero,
        interventionId: row.intervention_id,
        deliveryId: row.delivery_id,
        dove: whereOf(source),
        problemi: built.problems,
      });
      continue;
    }
    if (sent) {
      if (sameAsSent(sent, built.record)) continue;
      lines.push({ tipo: 'C', deliveryId: row.delivery_id, personId: row.person_id, record: sent });
    } else if (row.data < inizio) {
      arretrati += 1;
    }
    lines.push({ tipo: 'I', deliveryId: row.delivery_id, personId: row.person_id, record: built.record });
  }
  return { periodo, inizio, fine, lines, errori, arretrati };
}
