import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { atomicWrite } from './atomic-write';
import { hkdfSha256 } from '../keys/hkdf';

const MAGIC = Buffer.from('UDCA1');

/**
 * Attachments live in <data>/allegati/, each encrypted with AES-256-GCM under a key derived
 * from the database key, bound to its id. Nothing in that folder is readable without the key.
 * The derived key exists only during one write or read and is wiped after: this object holds
 * the vault's own key Buffer, which the vault wipes on lock.
 */
export class AttachmentStore {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly databaseKey: Buffer,
  ) {
    this.dir = path.join(dataDir, 'allegati');
  }

  private withKey<T>(use: (key: Buffer) => T): T {
    const key = hkdfSha256(this.databaseKey, 'udc-attachments-v1');
    try {
      return use(key);
    } finally {
      key.fill(0);
    }
  }

  fileName(id: string): string {
    return `${id}.udca`;
  }

  write(id: string, plain: Uint8Array): string {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const iv = randomBytes(12);
    const file = this.withKey((key) => {
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(id));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);
    });
    const name = this.fileName(id);
    atomicWrite(path.join(this.dir, name), file);
    return name;
  }

  /** The plaintext, or an error if the file is missing, altered or not ours. */
  read(id: string, name: string): Buffer {
    const data = fs.readFileSync(path.join(this.dir, path.basename(name)));
    if (data.length < MAGIC.length + 12 + 16 || !data.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an attachment file');
    const iv = data.subarray(MAGIC.length, MAGIC.length + 12);
    const tag = data.subarray(data.length - 16);
    return this.withKey((key) => {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data.subarray(MAGIC.length + 12, data.length - 16)), decipher.final()]);
    });
  }

  /** A file written by `write(id)` read back by its name alone (the convenzioni keep only the name). */
  readNamed(name: string): Buffer {
    return this.read(path.basename(name, '.udca'), name);
  }

  has(name: string): boolean {
    return fs.existsSync(path.join(this.dir, path.basename(name)));
  }

  remove(name: string): void {
    fs.rmSync(path.join(this.dir, path.basename(name)), { force: true });
  }
}
