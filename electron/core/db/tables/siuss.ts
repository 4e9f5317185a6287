import { flag, int, table, text } from './columns';

/** The SIUSS flow's export batches, their records and what INPS holds per erogazione (migration 0014). */
export const siussTables = {
  siuss_batches: table({
    numero: int(),
    periodo: text(),
    formato: text<'csv' | 'xlsx'>(),
    nome_file: text(),
    sha256: text(),
    inserimenti: int(),
    cancellazioni: int(),
    user_id: text().null(),
    created_at: text(),
  }),
  siuss_records: table({ batch_id: text(), delivery_id: text(), tipo: text<'I' | 'C'>(), ordine: int(), dati: text() }),
  /** id = the erogazione's (deliveries.id). */
  siuss_state: table({ batch_id: text(), dati: text(), attivo: flag() }),
};
