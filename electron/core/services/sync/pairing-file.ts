import fs from 'node:fs';
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { AppError } from '../../../../shared/domain/errors';
import { atomicWrite } from '../../files/atomic-write';
import type { KdfParams } from '../../keys/key-wrap';

const scrypt = promisify(scryptCb) as (password: string | Buffer, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** A pairing file is opened once, by hand: a strong scrypt is affordable (about 0.6 s). */
export const PAIRING_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };
export const MIN_PASSPHRASE_CHARS = 16;

/**
 * The one-time pairing file: what a new workstation needs to join the zone, sealed with a
 * passphrase the administrator tells the other side by phone (scrypt, then AES-256-GCM with the
 * plain header as additional data). The snapshot it joins from is a backup folder beside it,
 * named here and bound by its manifest's hash.
 */
const PlainHeader = z.object({
  format: z.literal('udc-sync-pairing'),
  version: z.literal(1),
  createdAt: z.string(),
  /** The backup folder (beside this file) the new node starts from. */
  snapshot: z.string().regex(/^[A-Za-z0-9._-]+$/),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
});

const FileSchema = PlainHeader.extend({ nonce: z.string(), ciphertext: z.string(), tag: z.string() });

export const PairingSecretSchema = z.object({
  zone: z.string().regex(/^[0-9a-f]{32}$/),
  zoneKey: z.string(),
  node: z.string().regex(/^[0-9a-f]{16}$/),
  label: z.string(),
  publicKey: z.string(),
  privateKey: z.string(),
  inviter: z.string().regex(/^[0-9a-f]{16}$/),
  inviterLabel: z.string(),
  snapshotManifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PairingSecret = z.infer<typeof PairingSecretSchema>;

export function checkPassphrase(passphrase: string): void {
  const p = passphrase.trim();
  if (p.length < MIN_PASSPHRASE_CHARS || new Set(p).size < 6) {
    throw new AppError(
      'VALIDATION',
      `La frase segreta deve avere almeno ${MIN_PASSPHRASE_CHARS} caratteri e non ripetere sempre gli stessi: per esempio quattro parole a caso («ponte lucido arancia treno»). Va detta a voce, non scritta nel file.`,
      'passphrase',
    );
  }
}

/** Six groups of four digits from the zone key and the new node's public key: read aloud on both sides. */
export function fingerprint(zoneKeyB64: string, publicKeyB64: string): string {
  const h = createHash('sha256').update('udc-sync-fingerprint\u0000').update(Buffer.from(zoneKeyB64, 'base64')).update(Buffer.from(publicKeyB64, 'base64')).digest();
  return Array.from({ length: 6 }, (_, i) => String(h.readUInt32BE(i * 4) % 10_000).padStart(4, '0')).join(' ');
}

const derive = (passphrase: string, salt: Buffer, p: KdfParams) =>
  scrypt(passphrase.trim().normalize('NFC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 });

const aadOf = (h: z.infer<typeof PlainHeader>) => Buffer.from(JSON.stringify([h.format, h.version, h.createdAt, h.snapshot, h.kdf]), 'utf8');

export async function writePairingFile(file: string, secret: PairingSecret, passphrase: string, snapshot: string, at: Date, kdf: KdfParams = PAIRING_KDF): Promise<void> {
  checkPassphrase(passphrase);
  const salt = randomBytes(16);
  const header: z.infer<typeof PlainHeader> = {
    format: 'udc-sync-pairing',
    version: 1,
    createdAt: at.toISOString(),
    snapshot,
    kdf: { name: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: salt.toString('base64') },
  };
  const key = await derive(passphrase, salt, kdf);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aadOf(header));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secret), 'utf8'), cipher.final()]);
  key.fill(0);
  const body = { ...header, nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  atomicWrite(file, `${JSON.stringify(body, null, 2)}\n`);
}

export interface OpenedPairing {
  secret: PairingSecret;
  snapshot: string;
  createdAt: string;
}

/** The file's secrets, or an Italian refusal: not a pairing file, or the wrong passphrase. */
export async function readPairingFile(file: string, passphrase: string): Promise<OpenedPairing> {
  let parsed: z.infer<typeof FileSchema>;
  try {
    parsed = FileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    throw new AppError('VALIDATION', 'Questo non è un file di abbinamento leggibile del programma.');
  }
  // Bounded: a doctored file must not make scrypt take the machine.
  if (parsed.kdf.N > 2 ** 20 || parsed.kdf.r > 16 || parsed.kdf.p > 4) throw new AppError('VALIDATION', 'Il file di abbinamento ha parametri non ammessi.');
  const key = await derive(passphrase, Buffer.from(parsed.kdf.salt, 'base64'), parsed.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parsed.nonce, 'base64'));
    decipher.setAAD(aadOf(parsed));
    decipher.setAuthTag(Buffer.from(parsed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(parsed.ciphertext, 'base64')), decipher.final()]);
    return { secret: PairingSecretSchema.parse(JSON.parse(plain.toString('utf8'))), snapshot: parsed.snapshot, createdAt: parsed.createdAt };
  } catch {
    throw new AppError('WRONG_CREDENTIALS', 'La frase segreta non apre questo file di abbinamento (o il file è stato alterato).', 'passphrase');
  } finally {
    key.fill(0);
  }
}
