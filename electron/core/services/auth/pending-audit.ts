import fs from 'node:fs';
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Actor, AuditEntry } from '../../db/repositories/audit.repo';
import { atomicWrite } from '../../files/atomic-write';
import { hkdfSha256 } from '../../keys/hkdf';

/**
 * Security events that happen while the database is closed (failed logins, refused recoveries)
 * cannot be written to the admin log, and must not sit in memory or in a file in clear: they
 * name users. Each is sealed to the database's own X25519 public key (kept in the key file; the
 * private key lives only inside the encrypted database) and appended as one line; the next
 * opening decrypts them into the admin log, with their original time.
 */
export const MAX_PENDING = 1_000;
const INFO = Buffer.from('udc-pending-audit-v1');

export interface PendingEvent {
  actor: Actor;
  entry: AuditEntry;
  at: string;
}

const PendingEventSchema = z.object({
  actor: z.object({ userId: z.string().nullable(), username: z.string().nullable(), profile: z.string().nullable(), workstation: z.string() }),
  entry: z.object({
    log: z.enum(['admin', 'data']),
    action: z.string(),
    subjectType: z.string().nullish(),
    subjectId: z.string().nullish(),
    subjectLabel: z.string().nullish(),
    purpose: z.string().nullish(),
    outcome: z.enum(['ok', 'denied', 'error']).optional(),
    detail: z.string().nullish(),
  }),
  at: z.string(),
});

export function newInboxKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: exportPublic(publicKey), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64') };
}

export function publicKeyOf(privateKey: string): string {
  return exportPublic(createPublicKey(privateFrom(privateKey)));
}

function exportPublic(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

function privateFrom(privateKey: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
}

function publicFrom(publicKey: string): KeyObject {
  return createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
}

function messageKey(ours: KeyObject, theirs: KeyObject, ephemeral: string, recipient: string): Buffer {
  const shared = diffieHellman({ privateKey: ours, publicKey: theirs });
  try {
    return hkdfSha256(shared, INFO, 32, Buffer.from(`${ephemeral}.${recipient}`));
  } finally {
    shared.fill(0);
  }
}

/** One line: `v1.<ephemeral public key>.<iv>.<ciphertext>.<tag>`, all base64. */
export function seal(recipientPublicKey: string, event: PendingEvent): string {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = exportPublic(ephemeral.publicKey);
  const key = messageKey(ephemeral.privateKey, publicFrom(recipientPublicKey), epk, recipientPublicKey);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(INFO);
    const ct = Buffer.concat([cipher.update(JSON.stringify(event), 'utf8'), cipher.final()]);
    return ['v1', epk, iv.toString('base64'), ct.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
  } finally {
    key.fill(0);
  }
}

/** The event, or null for a line that is damaged or was sealed to another key. */
export function unseal(privateKey: string, line: string): PendingEvent | null {
  const parts = line.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') return null;
  const [, epk, iv, ct, tag] = parts as [string, string, string, string, string];
  let key: Buffer | null = null;
  try {
    const ours = privateFrom(privateKey);
    key = messageKey(ours, publicFrom(epk), epk, exportPublic(createPublicKey(ours)));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(INFO);
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
    const parsed = PendingEventSchema.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  } finally {
    key?.fill(0);
  }
}

/**
 * The file of sealed lines beside the database, bounded at MAX_PENDING lines; events past the
 * bound (or with no public key to seal to) are only counted, in a small side file.
 */
export class PendingAuditFile {
  private lines: number | null = null;

  constructor(
    readonly file: string,
    private readonly max = MAX_PENDING,
  ) {}

  get droppedFile(): string {
    return `${this.file}.scartati`;
  }

  append(recipientPublicKey: string | null, event: PendingEvent): void {
    if (recipientPublicKey === null || this.count() >= this.max) {
      atomicWrite(this.droppedFile, `${this.dropped() + 1}\n`);
      return;
    }
    const fd = fs.openSync(this.file, 'a', 0o600);
    try {
      fs.writeSync(fd, `${seal(recipientPublicKey, event)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.lines = this.count() + 1;
  }

  /** What is waiting: the raw text (for its digest), its lines, and the count of dropped events. */
  read(): { digest: string; lines: string[]; dropped: number } | null {
    const text = fs.existsSync(this.file) ? fs.readFileSync(this.file, 'utf8') : '';
    const dropped = this.dropped();
    if (text === '' && dropped === 0) return null;
    const digest = createHash('sha256').update(text).update(`|${dropped}`).digest('base64');
    return { digest, lines: text.split('\n').filter((l) => l.length > 0), dropped };
  }

  remove(): void {
    fs.rmSync(this.file, { force: true });
    fs.rmSync(this.droppedFile, { force: true });
    this.lines = 0;
  }

  private count(): number {
    this.lines ??= fs.existsSync(this.file)
      ? fs
          .readFileSync(this.file, 'utf8')
          .split('\n')
          .filter((l) => l.length > 0).length
      : 0;
    return this.lines;
  }

  private dropped(): number {
    try {
      const n = Number.parseInt(fs.readFileSync(this.droppedFile, 'utf8'), 10);
      return Number.isFinite(n) && n > 0 ? n : 0;
    } catch {
      return 0;
    }
  }
}
