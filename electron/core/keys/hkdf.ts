import { createHmac } from 'node:crypto';

const HASH_LEN = 32;

/**
 * HKDF-SHA256 (RFC 5869), built on HMAC so the input key is never copied into
 * a KeyObject: `crypto.hkdfSync` wraps its key in one, whose copy lives until the garbage
 * collector gets round to it, so a locked program could still hold the database key. HMAC
 * contexts are wiped by OpenSSL as soon as the digest is taken. Same output as `hkdfSync`.
 */
export function hkdfSha256(ikm: Buffer, info: string | Buffer, length = HASH_LEN, salt: Buffer = Buffer.alloc(HASH_LEN)): Buffer {
  if (length < 1 || length > 255 * HASH_LEN) throw new RangeError('HKDF length out of range');
  const prk = createHmac('sha256', salt.length > 0 ? salt : Buffer.alloc(HASH_LEN))
    .update(ikm)
    .digest();
  const out = Buffer.alloc(length);
  let previous = Buffer.alloc(0);
  try {
    for (let block = 1, at = 0; at < length; block += 1) {
      const t = createHmac('sha256', prk)
        .update(previous)
        .update(typeof info === 'string' ? Buffer.from(info, 'utf8') : info)
        .update(Buffer.of(block))
        .digest();
      previous.fill(0);
      previous = t;
      at += t.copy(out, at);
    }
    return out;
  } finally {
    previous.fill(0);
    prk.fill(0);
  }
}
