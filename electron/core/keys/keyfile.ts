import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/domain/errors';
import { atomicWrite } from '../files/atomic-write';
import type { Anchor } from './audit-anchor';
import { WrappedKeySchema, type WrappedKey } from './key-wrap';

/**
 * chiavi.json, beside the database: the database key wrapped once per user (with a key derived
 * from that user's password) and once with the recovery key printed at set-up. Holds no
 * personal data beyond user names; it is useless without a password or the recovery key.
 */
const KeyFileSchema = z.object({
  format: z.literal('udc-keyfile'),
  version: z.literal(1),
  databaseId: z.string(),
  createdAt: z.string(),
  users: z.record(z.string(), z.object({ username: z.string(), wrapped: WrappedKeySchema })),
  recovery: WrappedKeySchema,
  /**
   * Audit-chain anchors, newest first (see audit-anchor.ts). Checked by the audit code, not
   * here: an edited anchor must be reported as such, never lock everyone out of the archive.
   */
  anchors: z
    .array(z.unknown())
    .optional()
    .catch(() => [{ malformed: true }]),
  /** X25519 public key (SPKI, base64) that failed logins are sealed to while the database is closed. */
  auditPublicKey: z.string().optional(),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

export function readKeyFile(file: string): KeyFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('KEYFILE_MISSING');
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('KEYFILE_CORRUPT');
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('KEYFILE_CORRUPT');
  return parsed.data;
}

export function writeKeyFile(file: string, data: KeyFile): void {
  atomicWrite(file, `${JSON.stringify(data, null, 2)}\n`);
}

export function findUserEntry(keyFile: KeyFile, username: string): { userId: string; wrapped: WrappedKey } | null {
  for (const [userId, entry] of Object.entries(keyFile.users)) {
    if (entry.username === username) return { userId, wrapped: entry.wrapped };
  }
  return null;
}

export function withUserEntry(keyFile: KeyFile, userId: string, username: string, wrapped: WrappedKey): KeyFile {
  return { ...keyFile, users: { ...keyFile.users, [userId]: { username, wrapped } } };
}

export function withoutUserEntry(keyFile: KeyFile, userId: string): KeyFile {
  const users = { ...keyFile.users };
  delete users[userId];
  return { ...keyFile, users };
}

export function withAnchors(keyFile: KeyFile, anchors: readonly Anchor[]): KeyFile {
  return { ...keyFile, anchors: [...anchors] };
}

export function newKeyFile(databaseId: string, recovery: WrappedKey): KeyFile {
  return { format: 'udc-keyfile', version: 1, databaseId, createdAt: new Date().toISOString(), users: {}, recovery };
}
