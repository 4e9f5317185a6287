import type { Db } from '../open';
import type { RowOf } from '../schema';
import { prepared } from '../statements';

export type DocumentRow = RowOf<'documents'> & { autore: string; case_numero: string | null };
export type TemplateVersionRow = RowOf<'letter_template_versions'> & { autore: string };

const DOCUMENT = `SELECT d.*, coalesce(u.full_name, '') AS autore, c.numero AS case_numero
  FROM documents d LEFT JOIN users u ON u.id = d.autore_id LEFT JOIN cases c ON c.id = d.case_id`;

const VERSION = `SELECT v.*, coalesce(u.full_name, '') AS autore FROM letter_template_versions v LEFT JOIN users u ON u.id = v.autore_id`;

/** Filed documents and template versions: reads only (writes go through the writer). */
export class DocumentsRepository {
  constructor(private readonly db: Db) {}

  byId(id: string): DocumentRow | null {
    return (prepared(this.db, `${DOCUMENT} WHERE d.id = ?`).get(id) as DocumentRow | undefined) ?? null;
  }

  ofCase(caseId: string): DocumentRow[] {
    return prepared(this.db, `${DOCUMENT} WHERE d.case_id = ? ORDER BY d.created_at DESC, d.id DESC`).all(caseId) as DocumentRow[];
  }

  ofPerson(personId: string): DocumentRow[] {
    return prepared(this.db, `${DOCUMENT} WHERE d.person_id = ? ORDER BY d.created_at DESC, d.id DESC`).all(personId) as DocumentRow[];
  }

  /** Documents (not reprints) holding a protocol number of this register and year, for the duplicate check. */
  protocolNumbers(registro: string, anno: number): { id: string; protocollo_numero: string }[] {
    return prepared(
      this.db,
      `SELECT id, protocollo_numero FROM documents WHERE protocollo_registro = ? AND protocollo_anno = ? AND protocollo_numero IS NOT NULL AND ristampa_di IS NULL`,
    ).all(registro, anno) as { id: string; protocollo_numero: string }[];
  }

  version(id: string): TemplateVersionRow | null {
    return (prepared(this.db, `${VERSION} WHERE v.id = ?`).get(id) as TemplateVersionRow | undefined) ?? null;
  }

  versions(template: string): TemplateVersionRow[] {
    return prepared(this.db, `${VERSION} WHERE v.template = ? ORDER BY v.created_at DESC, v.id`).all(template) as TemplateVersionRow[];
  }

  /** The version each template prints with now, when the administrator chose one. */
  heads(): Map<string, string> {
    const rows = prepared(this.db, `SELECT id, version_id FROM letter_template_heads`).all() as { id: string; version_id: string }[];
    return new Map(rows.map((r) => [r.id, r.version_id]));
  }

  head(template: string): string | null {
    return (prepared(this.db, `SELECT version_id FROM letter_template_heads WHERE id = ?`).get(template) as { version_id: string } | undefined)?.version_id ?? null;
  }

  /** The person's most recent case still open (a letter printed from the person names it). */
  latestOpenCaseOf(personId: string): string | null {
    return (
      (prepared(this.db, `SELECT id FROM cases WHERE person_id = ? AND stato <> 'chiuso' ORDER BY aperta_il DESC, id DESC LIMIT 1`).get(personId) as { id: string } | undefined)
        ?.id ?? null
    );
  }

  /** Hours attended over the whole tirocinio. */
  presenzeTotal(tirocinioId: string): number {
    return (prepared(this.db, `SELECT coalesce(sum(ore), 0) AS ore FROM sal_presenze WHERE tirocinio_id = ?`).get(tirocinioId) as { ore: number }).ore;
  }

  /** For the CLI's `--case 2026/N-0042` and `--person CF`: the id, or null. */
  caseIdByNumero(numero: string): string | null {
    return (prepared(this.db, `SELECT id FROM cases WHERE numero = ?`).get(numero) as { id: string } | undefined)?.id ?? null;
  }

  personIdByCf(cf: string): string | null {
    return (prepared(this.db, `SELECT id FROM persons WHERE codice_fiscale = ? ORDER BY created_at LIMIT 1`).get(cf) as { id: string } | undefined)?.id ?? null;
  }

  /** The letterhead's logo (a data URL), or null. */
  logo(): string | null {
    return (prepared(this.db, `SELECT logo FROM zone LIMIT 1`).get() as { logo: string | null } | undefined)?.logo ?? null;
  }

  windowPreset(): string {
    return (prepared(this.db, `SELECT finestra_busta AS f FROM zone LIMIT 1`).get() as { f: string } | undefined)?.f ?? 'destra_it';
  }
}
