import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';

const scrypt = promisify(scryptCb) as (password: string | Buffer, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt floor for password storage: about 0.6 s and 128 MiB here, once per login. */
export const PASSWORD_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };
/** The recovery key carries 200 random bits: the KDF only has to be correct, not slow. */
export const RECOVERY_KDF: KdfParams = { N: 2 ** 14, r: 8, p: 1 };

export const WrappedKeySchema = z.object({
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  iv: z.string(),
  tag: z.string(),
  ct: z.string(),
});
export type WrappedKey = z.infer<typeof WrappedKeySchema>;

async function deriveKek(secret: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  return scrypt(secret.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 });
}

/**
 * Wrap the database key with a secret. `label` is bound as associated data, so an entry
 * copied to another user's slot does not unwrap there.
 */
export async function wrapKey(dbKey: Buffer, secret: string, label: string, params: KdfParams): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const kek = await deriveKek(secret, salt, params);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`udc-key:${label}`, 'utf8'));
  const ct = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  kek.fill(0);
  return {
    kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64'),
  };
}

/** The database key, or null when the secret is wrong (GCM authentication fails). */
export async function unwrapKey(wrapped: WrappedKey, secret: string, label: string): Promise<Buffer | null> {
  const { N, r, p } = wrapped.kdf;
  if (!isSaneKdf({ N, r, p })) return null;
  const kek = await deriveKek(secret, Buffer.from(wrapped.kdf.salt, 'base64'), { N, r, p });
  let plain: Buffer | null = null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(`udc-key:${label}`, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    // GCM is a stream mode: update() returns the whole plaintext and final() only checks the tag,
    // so the key exists in exactly one Buffer, wiped if the tag is wrong. No concat copies.
    plain = decipher.update(Buffer.from(wrapped.ct, 'base64'));
    const rest = decipher.final();
    if (rest.length > 0) {
      rest.fill(0);
      return null;
    }
    const key = plain;
    plain = null;
    return key;
  } catch {
    return null;
  } finally {
    plain?.fill(0);
    kek.fill(0);
  }
}

/** Spend the same time as a real unwrap, so an unknown user name is not revealed by timing. */
export async function burnKdf(secret: string, params: KdfParams): Promise<void> {
  await deriveKek(secret, randomBytes(16), params);
}

// A tampered key file must not make us allocate gigabytes or spin for minutes.
function isSaneKdf(p: KdfParams): boolean {
  const isPow2 = (n: number) => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
  return isPow2(p.N) && p.N <= 2 ** 20 && p.r >= 1 && p.r <= 16 && p.p >= 1 && p.p <= 4;
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
