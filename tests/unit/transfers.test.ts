import { describe, expect, it } from 'vitest';
import { MAX_OPEN_PER_CONNECTION, MAX_TOTAL_BYTES, Transfers } from '../../electron/core/services/transfers/transfers';
import { CHUNK_BYTES, MAX_TRANSFER_BYTES } from '../../shared/contracts/uploads';
import { AppError } from '../../shared/domain/errors';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
  return 'none';
};

describe('chunked transfers held by the core', () => {
  it('an upload fills in order and is taken once, whole', () => {
    const t = new Transfers();
    const id = t.startUpload('c1', 'u1', CHUNK_BYTES + 10);
    expect(code(() => t.takeUpload('c1', 'u1', id))).toBe('VALIDATION');
    expect(code(() => t.writeChunk('c1', 'u1', id, 10, Buffer.alloc(10)))).toBe('VALIDATION');
    expect(t.writeChunk('c1', 'u1', id, 0, Buffer.alloc(CHUNK_BYTES, 1))).toBe(CHUNK_BYTES);
    expect(code(() => t.writeChunk('c1', 'u1', id, CHUNK_BYTES, Buffer.alloc(11)))).toBe('VALIDATION');
    t.writeChunk('c1', 'u1', id, CHUNK_BYTES, Buffer.alloc(10, 2));
    const bytes = t.takeUpload('c1', 'u1', id);
    expect(bytes.length).toBe(CHUNK_BYTES + 10);
    expect(code(() => t.takeUpload('c1', 'u1', id))).toBe('NOT_FOUND');
    expect(t.heldBytes()).toBe(0);
  });

  it('belongs to its connection and its user', () => {
    const t = new Transfers();
    const id = t.startUpload('c1', 'u1', 5);
    expect(code(() => t.writeChunk('c2', 'u1', id, 0, Buffer.alloc(5)))).toBe('NOT_FOUND');
    expect(code(() => t.writeChunk('c1', 'u2', id, 0, Buffer.alloc(5)))).toBe('NOT_FOUND');
  });

  it('is bounded: 20 MB a file, two at once per connection (a third drops the oldest, abandoned one), three full files in all', () => {
    const t = new Transfers();
    expect(code(() => t.startUpload('c1', 'u1', MAX_TRANSFER_BYTES + 1))).toBe('VALIDATION');
    const ids = Array.from({ length: MAX_OPEN_PER_CONNECTION }, () => t.startUpload('c1', 'u1', 1));
    const third = t.startUpload('c1', 'u1', 1);
    expect(code(() => t.writeChunk('c1', 'u1', ids[0]!, 0, Buffer.alloc(1)))).toBe('NOT_FOUND');
    expect(code(() => t.writeChunk('c1', 'u1', third, 0, Buffer.alloc(1)))).toBe('none');
    expect(t.heldBytes()).toBe(MAX_OPEN_PER_CONNECTION);
    const all = new Transfers();
    for (let i = 0; i < MAX_TOTAL_BYTES / MAX_TRANSFER_BYTES; i++) all.startUpload(`x${i}`, 'u1', MAX_TRANSFER_BYTES);
    expect(code(() => all.startUpload('y', 'u1', 1))).toBe('TOO_MANY_REQUESTS');
  });

  it('a closed connection drops what it held, zeroed', () => {
    const t = new Transfers();
    const secret = Buffer.from('documento riservato');
    const id = t.startDownload('c1', 'u1', secret);
    t.startUpload('c1', 'u1', 100);
    t.dropConnection('c1');
    expect(t.heldBytes()).toBe(0);
    expect(secret.every((b) => b === 0)).toBe(true);
    expect(code(() => t.readChunk('c1', 'u1', id, 0))).toBe('NOT_FOUND');
  });

  it('a download is read in order, in chunks, and ends with its last chunk', () => {
    const t = new Transfers();
    const data = Buffer.alloc(CHUNK_BYTES * 2 + 3, 7);
    const id = t.startDownload('c1', 'u1', Buffer.from(data));
    const a = t.readChunk('c1', 'u1', id, 0);
    expect(a.done).toBe(false);
    expect(code(() => t.readChunk('c1', 'u1', id, 0))).toBe('VALIDATION');
    const b = t.readChunk('c1', 'u1', id, CHUNK_BYTES);
    const c = t.readChunk('c1', 'u1', id, CHUNK_BYTES * 2);
    expect(c.done).toBe(true);
    expect(Buffer.concat([a, b, c].map((x) => Buffer.from(x.dataBase64, 'base64'))).equals(data)).toBe(true);
    expect(t.heldBytes()).toBe(0);
  });
});
