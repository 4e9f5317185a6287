import { z } from 'zod';
import { channel, defineFeature } from './define';

/** Largest file: the same 20 MB as an attachment. */
export const MAX_TRANSFER_BYTES = 20 * 1024 * 1024;
/** Raw bytes per chunk: 384 KiB, i.e. exactly 512 KiB of base64, well inside one 1 MiB message. */
export const CHUNK_BYTES = 384 * 1024;
export const CHUNK_BASE64_CHARS = (CHUNK_BYTES / 3) * 4;

const TransferId = z.uuid({ error: 'Trasferimento non valido.' });
const Base64Chunk = z
  .string()
  .max(CHUNK_BASE64_CHARS, { error: 'Parte del file troppo grande.' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Il contenuto del file non è leggibile: riprova a caricarlo.' });

/**
 * Files travel in chunks, never in one message (browser mode caps a message at 1 MiB): an
 * upload is started with its size, filled in order, then handed to the channel that files it
 * (`attachments.upload {uploadId}`); a read returns a `downloadId` whose chunks are pulled in
 * order. Both live in the core's memory for this connection only and end with it.
 */
export const uploadsContract = {
  'uploads.start': channel(
    z.strictObject({
      size: z.number().int().min(1, { error: 'Il file è vuoto.' }),
    }),
    z.object({ uploadId: z.string(), chunkBytes: z.number() }),
    // A transfer is only a buffer of this connection: the channel that consumes it (an attachment,
    // a signed convenzione, a payment list) checks its own rights before taking or starting one.
    'session',
  ),
  'uploads.chunk': channel(z.strictObject({ uploadId: TransferId, offset: z.number().int().min(0), dataBase64: Base64Chunk }), z.object({ received: z.number() }), 'session', {
    uploadId: 'transfer',
  }),
  'downloads.chunk': channel(z.strictObject({ downloadId: TransferId, offset: z.number().int().min(0) }), z.object({ dataBase64: z.string(), done: z.boolean() }), 'session', {
    downloadId: 'transfer',
  }),
};

export const uploadsFeature = defineFeature('uploads', { prefixes: ['uploads', 'downloads'], channels: uploadsContract });
