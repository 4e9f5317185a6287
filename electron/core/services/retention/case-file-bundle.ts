import type { Autorizzazione } from '../../../../shared/contracts/retention';
import type { z } from 'zod';
import { CASE_FILE_PARTS } from '../../db/repositories/records.repo';
import type { ErasedRow } from '../../db/writer';
import type { AttachmentStore } from '../../files/attachment-store';
import { zip } from '../../files/zip-writer';
import type { Store } from '../../store';

/** A text cell of a row read with SELECT * ('' when absent or not text). */
function textOf(row: Record<string, unknown> | undefined, col: string): string {
  const v = row?.[col];
  return typeof v === 'string' ? v : '';
}

/**
 * Everything a scarto removes, whole: per case file its person's identifying data (so an
 * archivist can tell whose file it was), every row of every part, and the attachment and
 * document files decrypted. The JSON names the program's tables and columns as they are.
 */
export function caseFileBundle(
  store: Store,
  files: AttachmentStore,
  input: { caseIds: readonly string[]; autorizzazione: z.output<typeof Autorizzazione>; note: string; at: string },
): Buffer {
  const entries: { name: string; data: Buffer }[] = [];
  const cartelle = input.caseIds.map((caseId) => {
    const parts: Record<string, Record<string, unknown>[]> = {};
    for (const part of CASE_FILE_PARTS) parts[part.table] = store.records.partRows(part, [caseId]);
    const personId = textOf(parts.cases?.[0], 'person_id');
    const p = store.records.person(personId);
    for (const table of ['attachments', 'documents'] as const) {
      for (const row of parts[table] ?? []) {
        const file = textOf(row, 'file');
        if (file === '') continue;
        try {
          entries.push({ name: `allegati/${table}/${textOf(row, 'id')}`, data: files.read(textOf(row, 'id'), file) });
        } catch {
          // A file missing or unreadable is said in the export, never silently skipped.
          row.file_mancante = true;
        }
      }
    }
    const persona = p ? { id: p.id, cognome: p.cognome, nome: p.nome, codice_fiscale: p.codice_fiscale, data_nascita: p.data_nascita } : null;
    return { caseId, persona, parti: parts };
  });
  const manifest = { formato: 'udc-scarto', versione: 1, creatoIl: input.at, autorizzazione: input.autorizzazione, note: input.note, cartelle };
  entries.unshift({ name: 'scarto.json', data: Buffer.from(JSON.stringify(manifest, null, 1), 'utf8') });
  return zip(entries);
}

/** The content cells of the case files, with their empty values: what the writer erases. */
export function cellsToErase(store: Store, caseIds: readonly string[]): { rows: ErasedRow[]; files: { table: 'attachments' | 'documents'; name: string }[] } {
  const rows: ErasedRow[] = [];
  const files: { table: 'attachments' | 'documents'; name: string }[] = [];
  for (const part of CASE_FILE_PARTS) {
    for (const row of store.records.partRows(part, caseIds)) {
      rows.push({ table: part.table, id: textOf(row, 'id'), values: part.blank });
      if ((part.table === 'attachments' || part.table === 'documents') && textOf(row, 'file') !== '') files.push({ table: part.table, name: textOf(row, 'file') });
    }
  }
  return { rows, files };
}
