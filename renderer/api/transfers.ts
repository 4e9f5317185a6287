import { api } from './client';
import { base64ToBytes, bytesToBase64 } from './file-data';

/**
 * Sends a file in chunks (uploads.*: no message over 1 MiB in browser mode) and returns the
 * upload's id for the channel that files it. Reading a slice at a time also keeps the page from
 * holding the whole file as base64.
 */
export async function sendFile(file: Blob, onProgress: (fraction: number) => void = () => undefined): Promise<string> {
  const { uploadId, chunkBytes } = await api.call('uploads.start', { size: file.size });
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const slice = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    await api.call('uploads.chunk', { uploadId, offset, dataBase64: bytesToBase64(slice) });
    onProgress(Math.min(1, (offset + slice.length) / file.size));
  }
  return uploadId;
}

/** Pulls a download the core started (downloads.chunk) into one buffer of the announced size. */
export async function receiveFile(downloadId: string, size: number): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (;;) {
    const chunk = await api.call('downloads.chunk', { downloadId, offset });
    const part = base64ToBytes(chunk.dataBase64);
    bytes.set(part, offset);
    offset += part.length;
    if (chunk.done) break;
  }
  return bytes;
}
