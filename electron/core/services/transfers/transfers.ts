import { randomUUID } from 'node:crypto';
import { CHUNK_BYTES, MAX_TRANSFER_BYTES } from '../../../../shared/contracts/uploads';
import { AppError } from '../../../../shared/domain/errors';

/** Transfers one connection may have open at once (uploads and downloads counted apart). */
export const MAX_OPEN_PER_CONNECTION = 2;
/** Bytes all connections together may hold in transfers: three full-size files. */
export const MAX_TOTAL_BYTES = 3 * MAX_TRANSFER_BYTES;

interface Transfer {
  kind: 'upload' | 'download';
  userId: string;
  bytes: Buffer;
  /** Bytes received (upload) or already sent (download). */
  done: number;
}

const tooBig = (size: number) =>
  new AppError(
    'VALIDATION',
    `Il file pesa ${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB: il limite è 20 MB. Riducilo (ad esempio scansionando a risoluzione più bassa) e riprova.`,
    'nomeFile',
  );

/**
 * Chunked uploads and downloads in the core's memory, per connection: bounded in size, in
 * number per connection and in total, tied to the user who opened them, dropped when the
 * connection closes. Buffers are zeroed when dropped (they hold personal documents).
 */
export class Transfers {
  private readonly byConnection = new Map<string, Map<string, Transfer>>();
  private total = 0;

  startUpload(connId: string, userId: string, size: number): string {
    if (size > MAX_TRANSFER_BYTES) throw tooBig(size);
    return this.open(connId, { kind: 'upload', userId, bytes: Buffer.alloc(size), done: 0 });
  }

  /** Chunks come in order; returns the bytes received so far. */
  writeChunk(connId: string, userId: string, uploadId: string, offset: number, data: Buffer): number {
    const t = this.get(connId, userId, uploadId, 'upload');
    if (offset !== t.done) throw new AppError('VALIDATION', 'Parti del file fuori ordine: riprova a caricarlo.');
    if (data.length === 0 || data.length > CHUNK_BYTES || offset + data.length > t.bytes.length) {
      throw new AppError('VALIDATION', 'Il file è più grande di quanto dichiarato: riprova a caricarlo.');
    }
    data.copy(t.bytes, offset);
    t.done += data.length;
    return t.done;
  }

  /** The whole uploaded file, once complete; the upload ends here. The caller zeroes it after use. */
  takeUpload(connId: string, userId: string, uploadId: string): Buffer {
    const t = this.get(connId, userId, uploadId, 'upload');
    if (t.done !== t.bytes.length) throw new AppError('VALIDATION', 'Il file non è arrivato per intero: riprova a caricarlo.');
    this.forget(connId, uploadId, t);
    return t.bytes;
  }

  /** Hands `bytes` (owned from now on) to chunked reading. */
  startDownload(connId: string, userId: string, bytes: Buffer): string {
    try {
      return this.open(connId, { kind: 'download', userId, bytes, done: 0 });
    } catch (error) {
      bytes.fill(0);
      throw error;
    }
  }

  readChunk(connId: string, userId: string, downloadId: string, offset: number): { dataBase64: string; done: boolean } {
    const t = this.get(connId, userId, downloadId, 'download');
    if (offset !== t.done) throw new AppError('VALIDATION', 'Parti del file fuori ordine: riapri l’allegato.');
    const end = Math.min(offset + CHUNK_BYTES, t.bytes.length);
    const dataBase64 = t.bytes.subarray(offset, end).toString('base64');
    t.done = end;
    const done = end === t.bytes.length;
    if (done) this.drop(connId, downloadId, t);
    return { dataBase64, done };
  }

  /** The connection closed: everything it held goes. */
  dropConnection(connId: string): void {
    const open = this.byConnection.get(connId);
    if (!open) return;
    for (const [id, t] of open) this.drop(connId, id, t);
    this.byConnection.delete(connId);
  }

  /** Bytes held now by all connections (for tests). */
  heldBytes(): number {
    return this.total;
  }

  private open(connId: string, t: Transfer): string {
    const open = this.byConnection.get(connId) ?? new Map<string, Transfer>();
    // A page moves one file at a time: past the limit, the oldest of the kind was abandoned
    // (a refused or cancelled filing never claims its upload), so it makes room.
    const sameKind = [...open].filter(([, o]) => o.kind === t.kind);
    if (sameKind.length >= MAX_OPEN_PER_CONNECTION) {
      const [oldestId, oldest] = sameKind[0]!;
      this.drop(connId, oldestId, oldest);
    }
    if (this.total + t.bytes.length > MAX_TOTAL_BYTES) {
      throw new AppError('TOO_MANY_REQUESTS', 'Troppi file in trasferimento in questo momento: attendi che finiscano e riprova.');
    }
    const id = randomUUID();
    open.set(id, t);
    this.byConnection.set(connId, open);
    this.total += t.bytes.length;
    return id;
  }

  private get(connId: string, userId: string, id: string, kind: Transfer['kind']): Transfer {
    const t = this.byConnection.get(connId)?.get(id);
    if (!t || t.kind !== kind || t.userId !== userId) {
      throw new AppError('NOT_FOUND', kind === 'upload' ? 'Caricamento non trovato o scaduto: riprova a caricare il file.' : 'Apertura dell’allegato scaduta: riaprilo.');
    }
    return t;
  }

  private forget(connId: string, id: string, t: Transfer): void {
    this.byConnection.get(connId)?.delete(id);
    this.total -= t.bytes.length;
  }

  private drop(connId: string, id: string, t: Transfer): void {
    t.bytes.fill(0);
    this.forget(connId, id, t);
  }
}
