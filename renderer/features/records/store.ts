import type { InputOf, OutputOf } from '../../../shared/contracts';
import { api } from '../../api/client';
import { downloadBytes } from '../../api/file-data';
import { receiveFile } from '../../api/transfers';

export type Registro = OutputOf<'records.get'>;
export type Candidates = OutputOf<'retention.candidates'>;
export type ScartoContents = OutputOf<'retention.open'>;
export interface PdfFile {
  bytes: Uint8Array<ArrayBuffer>;
  nomeFile: string;
}

export function loadRegistro(): Promise<Registro> {
  return api.call('records.get', {});
}

export async function saveRegistro(input: InputOf<'records.save'>): Promise<void> {
  await api.call('records.save', input);
}

/** The printed record, fetched whole for the viewer, the print dialog and "Salva PDF". */
export async function printRegistro(): Promise<PdfFile> {
  const meta = await api.call('records.print', {});
  return { bytes: await receiveFile(meta.downloadId, meta.dimensione), nomeFile: meta.nomeFile };
}

export function savePdf(file: PdfFile): void {
  downloadBytes(file.bytes, 'application/pdf', file.nomeFile);
}

export function loadCandidates(): Promise<Candidates> {
  return api.call('retention.candidates', {});
}

/** The sealed export, saved by the browser; what the erasure then asks back. */
export async function exportScarto(input: InputOf<'retention.export'>): Promise<{ scartoId: string; sha256: string; nomeFile: string }> {
  const meta = await api.call('retention.export', input);
  downloadBytes(await receiveFile(meta.downloadId, meta.dimensione), 'application/octet-stream', meta.nomeFile);
  return { scartoId: meta.scartoId, sha256: meta.sha256, nomeFile: meta.nomeFile };
}

export function executeScarto(scartoId: string, sha256: string): Promise<OutputOf<'retention.execute'>> {
  return api.call('retention.execute', { scartoId, sha256, confirm: true });
}

/** A kept export, decrypted in the core with its passphrase: what it holds, for the screen only. */
export function openKeptScarto(scartoId: string, passphrase: string): Promise<ScartoContents> {
  return api.call('retention.open', { scartoId, passphrase });
}

/** A kept export saved again by the browser, sealed as it was; the file's name. */
export async function saveScartoCopy(scartoId: string): Promise<string> {
  const meta = await api.call('retention.saveCopy', { scartoId });
  downloadBytes(await receiveFile(meta.downloadId, meta.dimensione), 'application/octet-stream', meta.nomeFile);
  return meta.nomeFile;
}
