import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AnchorSchema, type Anchor } from '../../keys/audit-anchor';
import type { TableDigest } from '../../db/repositories/backup.repo';
import { hkdfSha256 } from '../../keys/hkdf';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_DB_FILE = 'archivio.db';
export const BACKUP_KEY_FILE = 'chiavi.json';
export const BACKUP_ATTACHMENTS_DIR = 'allegati';

const FileEntry = z.object({ path: z.string(), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type BackupFileEntry = z.infer<typeof FileEntry>;

/**
 * What anyone may read without the key: enough to list a backup and to refuse one made by a
 * newer program before asking for a password. No personal data, no row counts.
 */
const HeaderSchema = z.object({
  format: z.literal('udc-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().min(0),
  databaseId: z.string(),
  files: z.array(FileEntry),
});
export type BackupHeader = z.infer<typeof HeaderSchema>;

const SealedSchema = z.object({ iv: z.string(), data: z.string(), tag: z.string() });
const ManifestSchema = HeaderSchema.extend({ sealed: SealedSchema });
export type BackupManifest = z.infer<typeof ManifestSchema>;

/** Sealed with a key derived from the database key: per-table counts and digests, the chains' heads. */
const ContentSchema = z.object({
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().min(0), sha256: z.string() })),
  anchor: AnchorSchema,
});
export type BackupContent = { tables: TableDigest[]; anchor: Anchor };

/** Fixed field order, so the seal does not depend on how a JSON writer orders keys. */
function headerAad(h: BackupHeader): Buffer {
  return Buffer.from(JSON.stringify([h.format, h.version, h.createdAt, h.appVersion, h.schemaVersion, h.databaseId, h.files.map((f) => [f.path, f.size, f.sha256])]));
}

function withSealKey<T>(databaseKey: Buffer, use: (key: Buffer) => T): T {
  const key = hkdfSha256(databaseKey, 'udc-backup-manifest-v1');
  try {
    return use(key);
  } finally {
    key.fill(0);
  }
}

export function sealManifest(databaseKey: Buffer, header: BackupHeader, content: BackupContent): BackupManifest {
  const iv = randomBytes(12);
  return withSealKey(databaseKey, (key) => {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(headerAad(header));
    const data = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
    return { ...header, sealed: { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') } };
  });
}

/** The sealed content, or null when the key is not this backup's or anything in the manifest was altered. */
export function unsealManifest(databaseKey: Buffer, manifest: BackupManifest): BackupContent | null {
  try {
    const json = withSealKey(databaseKey, (key) => {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(manifest.sealed.iv, 'base64'));
      decipher.setAAD(headerAad(manifest));
      decipher.setAuthTag(Buffer.from(manifest.sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(manifest.sealed.data, 'base64')), decipher.final()]).toString('utf8');
    });
    const parsed = ContentSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The manifest of a backup folder, or null when it is missing or not one of ours. */
export function readManifest(backupDir: string): BackupManifest | null {
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(fs.readFileSync(path.join(backupDir, MANIFEST_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
