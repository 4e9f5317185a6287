import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so a key copied by hand is read back the same.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 5;
export const RECOVERY_KEY_BYTES = 25; // 200 bits, 40 characters

export function newRecoveryKey(): string {
  return formatRecoveryKey(encode(randomBytes(RECOVERY_KEY_BYTES)));
}

function encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function formatRecoveryKey(raw: string): string {
  const groups: string[] = [];
  for (let i = 0; i < raw.length; i += GROUP) groups.push(raw.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * Normalise what a person typed: case, spaces and dashes ignored; the letters people confuse
 * with digits read as those digits. Returns null when it cannot be a recovery key.
 */
export function normaliseRecoveryKey(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== Math.ceil((RECOVERY_KEY_BYTES * 8) / 5)) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return formatRecoveryKey(cleaned);
}
