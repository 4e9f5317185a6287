import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { AppError } from '../../../../shared/domain/errors';

/**
 * The file a scarto exports before anything is emptied: a ZIP (scarto.json with every row of the
 * case files, and the attachments and documents decrypted under allegati/) sealed with
 * AES-256-GCM under a key derived by scrypt from a passphrase the user chooses. Nothing of it
 * is readable without that passphrase, so it may be kept on a disk or handed to an archive.
 *
 * Layout: the line `UDC-SCARTO 1\n`, a JSON line with the KDF's parameters, salt and IV, then
 * the ciphertext and the 16-byte tag. The header is authenticated too (it is the AAD).
 */
const MAGIC = 'UDC-SCARTO 1\n';
const KDF = { N: 2 ** 17, r: 8, p: 1 } as const;

interface Header {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
}

function deriveKey(passphrase: string, h: Header): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(h.salt, 'base64'), 32, { N: h.N, r: h.r, p: h.p, maxmem: 256 * 1024 * 1024 });
}

export function sealExport(plain: Buffer, passphrase: string): Buffer {
  const header: Header = { kdf: 'scrypt', ...KDF, salt: randomBytes(16).toString('base64'), iv: randomBytes(12).toString('base64') };
  const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8');
  const key = deriveKey(passphrase, header);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    cipher.setAAD(head);
    return Buffer.concat([head, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  } finally {
    key.fill(0);
  }
}

/** The ZIP inside an export, or an Italian refusal (wrong passphrase, altered or foreign file). */
export function openExport(sealed: Buffer, passphrase: string): Buffer {
  const magic = Buffer.from(MAGIC, 'utf8');
  const end = sealed.indexOf(0x0a, magic.length);
  if (!sealed.subarray(0, magic.length).equals(magic) || end < 0 || sealed.length < end + 1 + 16) {
    throw new AppError('VALIDATION', 'Il file non è un’esportazione di scarto di questo programma.');
  }
  const head = sealed.subarray(0, end + 1);
  const header = JSON.parse(head.subarray(magic.length).toString('utf8')) as Header;
  const key = deriveKey(passphrase, header);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    decipher.setAAD(head);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(end + 1, sealed.length - 16)), decipher.final()]);
  } catch {
    throw new AppError('VALIDATION', 'Frase di cifratura errata, oppure il file è stato alterato.');
  } finally {
    key.fill(0);
  }
}
