import { table, text } from './columns';

/** GDPR art. 18 restrictions of processing (migration 0015). */
export const rightsTables = {
  person_restrictions: table({
    person_id: text(),
    dal: text(),
    motivo: text(),
    disposta_da: text().null(),
    revocata_il: text().null(),
    revocata_da: text().null(),
    motivo_revoca: text(),
  }),
};
