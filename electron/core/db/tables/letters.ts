import type { DocumentStato, SubjectKind } from '../../../../shared/domain/letters';
import { flag, int, table, text } from './columns';

/** Letters and documents (migration 0008). */
export const lettersTables = {
  /** id = SHA-256 of the source; never updated. */
  letter_template_versions: table({ template: text(), titolo: text(), sorgente: text(), originale: flag(), autore_id: text().null(), created_at: text() }),
  /** id = the template's name; the version it prints with now. */
  letter_template_heads: table({ version_id: text(), updated_at: text() }),
  documents: table({
    person_id: text(),
    case_id: text().null(),
    template: text(),
    titolo: text(),
    version_id: text(),
    stato: text<DocumentStato>(),
    destinatario: text(),
    riservato: flag(),
    nome_file: text(),
    file: text(),
    sha256: text(),
    dimensione: int(),
    soggetto_tipo: text<SubjectKind | ''>(),
    soggetto_id: text(),
    soggetto_data: text(),
    parti: text(),
    protocollo_numero: text().null(),
    protocollo_data: text().null(),
    protocollo_registro: text().null(),
    protocollo_anno: int().null(),
    ristampa_di: text().null(),
    autore_id: text().null(),
    created_at: text(),
  }),
};
