import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ScartoContents } from '../../../../shared/contracts/retention';
import { AppError } from '../../../../shared/domain/errors';
import type { ScartoRow } from '../../db/repositories/records.repo';
import type { AttachmentStore } from '../../files/attachment-store';
import { unzip } from '../../files/zip-reader';
import { openExport } from './scarto-export';

/**
 * The export written before a scarto is kept, sealed as it was handed out (the passphrase's
 * AES-GCM) and once more under the attachments' key, in the data folder (so in every backup):
 * the coordinator can find it, open it and save another copy. Its id names the scarto, never a
 * person.
 */
export function keptExportId(scartoId: string): string {
  return `scarto-${scartoId}`;
}

export function isKept(files: AttachmentStore, scartoId: string): boolean {
  return files.has(files.fileName(keptExportId(scartoId)));
}

/** The kept export, checked against the hash recorded when it was made. */
export function readKept(files: AttachmentStore, row: ScartoRow): Buffer {
  const id = keptExportId(row.id);
  if (!files.has(files.fileName(id)))
    throw new AppError('NOT_FOUND', 'L’esportazione di questo scarto non è conservata nel programma (fu fatta prima che venisse conservata): usa la copia salvata allora.');
  let sealed: Buffer;
  try {
    sealed = files.read(id, files.fileName(id));
  } catch {
    throw new AppError('VALIDATION', 'Il file conservato dell’esportazione non si legge: è stato alterato o la cartella dei dati è danneggiata.');
  }
  if (createHash('sha256').update(sealed).digest('hex') !== row.export_sha256) {
    throw new AppError('VALIDATION', 'Il file conservato non corrisponde all’esportazione registrata (impronta sha256 diversa).');
  }
  return sealed;
}

type Contents = z.output<typeof ScartoContents>;
type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** What the export holds, per case file: the rows of every part and the files, counted. */
export function contentsOf(row: ScartoRow, sealed: Buffer, passphrase: string, autorizzazione: string): Contents {
  const entries = unzip(openExport(sealed, passphrase));
  const manifest = entries.get('scarto.json');
  if (!manifest) throw new AppError('VALIDATION', 'L’esportazione non contiene l’elenco delle cartelle (scarto.json).');
  const data = JSON.parse(manifest.toString('utf8')) as { creatoIl?: string; note?: string; cartelle?: { persona: Json | null; parti: Record<string, Json[]> }[] };
  const cartelle = (data.cartelle ?? []).map((c) => {
    const caseRow = c.parti.cases?.[0] ?? {};
    const righe = Object.values(c.parti).reduce((n, rows) => n + rows.length, 0);
    const allegati = ['attachments', 'documents'].reduce((n, t) => n + (c.parti[t] ?? []).filter((r) => str(r.file) !== '').length, 0);
    return {
      numero: str(caseRow.numero),
      persona: c.persona ? `${str(c.persona.cognome)} ${str(c.persona.nome)}`.trim() : '',
      codiceFiscale: c.persona ? str(c.persona.codice_fiscale) : '',
      apertaIl: str(caseRow.aperta_il),
      chiusaIl: str(caseRow.chiusa_il),
      righe,
      allegati,
    };
  });
  return {
    scartoId: row.id,
    creatoIl: str(data.creatoIl) || row.esportato_il,
    autorizzazione,
    note: str(data.note),
    cartelle,
    righe: cartelle.reduce((n, c) => n + c.righe, 0),
    allegati: [...entries.keys()].filter((name) => name.startsWith('allegati/')).length,
  };
}
