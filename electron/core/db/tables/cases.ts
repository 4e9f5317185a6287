import type { StatoCartella } from '../../../../shared/domain/cartella';
import { flag, int, table, text } from './columns';

type Ruolo = 'responsabile' | 'co_operatore';

/** Case files, their states, operators and emergency accesses (migrations 0002, 0004). */
export const casesTables = {
  cases: table({
    numero: text(),
    anno: int(),
    sede_id: text(),
    progressivo: int(),
    person_id: text(),
    area: text(),
    /** JSON array of codes. */
    problematiche: text(),
    stato: text<StatoCartella>(),
    aperta_il: text(),
    chiusa_il: text().null(),
    archiviata: flag(),
    created_at: text(),
    /** The authorised scarto that emptied the file, or null (migration 0016). */
    scarto_id: text().null(),
  }),
  case_status_history: table({ case_id: text(), stato: text(), data: text(), motivo: text(), user_id: text().null(), at: text() }),
  case_operators: table({ case_id: text(), user_id: text(), ruolo: text<Ruolo>(), dal: text(), al: text().null(), motivo: text() }),
  emergency_accesses: table({
    case_id: text(),
    user_id: text(),
    motivo: text(),
    at: text(),
    scade_il: text(),
    visto_da: text().null(),
    visto_il: text().null(),
  }),
};
