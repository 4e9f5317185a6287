import { int, table, text } from './columns';

/** Authorised scarti of case files (migration 0016). */
export const recordsTables = {
  scarti: table({
    stato: text<'esportato' | 'eseguito'>(),
    /** JSON array of case ids. */
    case_ids: text(),
    autorizzazione_ente: text(),
    autorizzazione_numero: text(),
    autorizzazione_data: text(),
    note: text(),
    export_sha256: text(),
    export_dimensione: int(),
    esportato_da: text().null(),
    esportato_il: text(),
    eseguito_da: text().null(),
    eseguito_il: text().null(),
    /** JSON array of [table, row id, columns]: the cells emptied. */
    celle: text(),
  }),
};
