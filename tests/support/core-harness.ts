import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type Database from 'better-sqlite3-multiple-ciphers';
import { createCore, type Connection, type Core, type CoreOptions } from '../../electron/core/app';
import type { Channel, InputOf, OutputOf } from '../../shared/contracts';
import type { AppErrorData } from '../../shared/domain/errors';
import { ZONA_SOCIALE_11 } from '../../shared/domain/zone-seed';

/** Cheap scrypt for tests; production parameters are covered by the bench and one test. */
export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 };
export const ADMIN = { username: 'admin', fullName: 'Anna Bianchi', password: 'Amministratrice-2026' };

export function tempDir(prefix = 'udc-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testCore(dataDir: string, now?: () => number, extra: Partial<CoreOptions> = {}): Core {
  return createCore({ dataDir, workstation: 'postazione-test', passwordKdf: TEST_KDF, ...(now ? { now } : {}), ...extra });
}

export async function call<C extends Channel>(conn: Connection, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const reply = await conn.call(channel, input);
  if (!reply.ok) throw new Error(`${channel} → ${reply.error.code}: ${reply.error.message}`);
  return reply.data as OutputOf<C>;
}

export async function callError<C extends Channel>(conn: Connection, channel: C, input: unknown): Promise<AppErrorData> {
  const reply = await conn.call(channel, input);
  if (reply.ok) throw new Error(`${channel} was expected to fail but succeeded`);
  return reply.error as AppErrorData;
}

export function setupInput(admin = ADMIN): InputOf<'setup.init'> {
  const z = ZONA_SOCIALE_11;
  return {
    zone: { nome: z.nome, ente: z.ente, comuni: z.comuni, sedi: z.sedi.map((s) => ({ ...s, rooms: [...s.rooms] })), letterhead: z.letterhead },
    admin,
  };
}

/** A set-up data folder and a connection logged in as the administrator. */
export async function setUpZone(
  dataDir = tempDir(),
  now?: () => number,
  extra: Partial<CoreOptions> = {},
): Promise<{ core: Core; admin: Connection; dataDir: string; recoveryKey: string }> {
  const core = testCore(dataDir, now, extra);
  const admin = core.connect('test');
  const { recoveryKey } = await call(admin, 'setup.init', setupInput());
  return { core, admin, dataDir, recoveryKey };
}

export async function createUser(
  admin: Connection,
  user: { username: string; fullName: string; profile: InputOf<'users.create'>['profile']; password: string },
): Promise<OutputOf<'users.create'>> {
  return call(admin, 'users.create', { ...user, sedeId: null });
}

/**
 * Log in on a new connection; clears the first-login password change with a new password and,
 * as a person would at the first screen, acknowledges what administrators did to the account.
 */
export async function loginAs(core: Core, username: string, password: string): Promise<{ conn: Connection; password: string }> {
  const conn = core.connect('test');
  const session = await call(conn, 'auth.login', { username, password });
  let current = password;
  if (session.mustChangePassword) {
    current = `${password}-nuova1`;
    await call(conn, 'auth.changePassword', { currentPassword: password, newPassword: current });
  }
  const notices = await call(conn, 'notices.mine', {});
  if (notices.length > 0) await call(conn, 'notices.markSeen', { ids: notices.map((n) => n.id) });
  return { conn, password: current };
}

/**
 * Riservato access for an account created in the last 24 hours waits for a second
 * administrator: `admin` confirms every pending act (as the office's second administrator would).
 */
export async function confirmPending(admin: Connection): Promise<number> {
  const pending = (await call(admin, 'notices.review', {})).filter((n) => n.stato === 'da_confermare' && n.puoiDecidere);
  for (const n of pending) await call(admin, 'notices.decide', { id: n.id, conferma: true });
  return pending.length;
}

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Make a folder read-only for this process. Root ignores permission bits, so as root the
 * folder is marked immutable (ext4 `chattr +i`). Throws if the folder is still writable.
 */
export function makeReadOnly(dir: string): () => void {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) execFileSync('chattr', ['+i', dir]);
  else fs.chmodSync(dir, 0o500);
  const probe = path.join(dir, '.probe');
  let writable = true;
  try {
    fs.writeFileSync(probe, 'x');
    fs.rmSync(probe);
  } catch {
    writable = false;
  }
  const undo = () => {
    if (isRoot) execFileSync('chattr', ['-i', dir]);
    else fs.chmodSync(dir, 0o700);
  };
  if (writable) {
    undo();
    throw new Error(`Cannot make ${dir} read-only on this machine`);
  }
  return undo;
}

/**
 * A second, read-only look at a data folder's database, unwrapping the key with a user's
 * password exactly as login does. For assertions on rows the channels do not expose.
 */
export async function inspectDatabase(dataDir: string, username: string, password: string): Promise<Database.Database> {
  const { DataDir } = await import('../../electron/core/data-dir');
  const { KeyRing } = await import('../../electron/core/services/auth/key-ring');
  const { openDatabase } = await import('../../electron/core/db/open');
  // Unwrapping uses the KDF parameters stored with each entry, whatever this KeyRing's default.
  const unlocked = await new KeyRing(new DataDir(dataDir), TEST_KDF).unlockWithPassword(username, password);
  if (!unlocked) throw new Error('wrong password for inspection');
  return openDatabase(path.join(dataDir, 'archivio.db'), unlocked.key);
}

/** Sends `bytes` in chunks as the renderer does (uploads.start, uploads.chunk…); returns the uploadId. */
export async function sendUpload(conn: Connection, bytes: Buffer): Promise<string> {
  const { uploadId, chunkBytes } = await call(conn, 'uploads.start', { size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    await call(conn, 'uploads.chunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
  }
  return uploadId;
}

/** Pulls a download's chunks (downloads.chunk) into one Buffer. */
export async function receiveDownload(conn: Connection, downloadId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await call(conn, 'downloads.chunk', { downloadId, offset });
    const part = Buffer.from(chunk.dataBase64, 'base64');
    parts.push(part);
    offset += part.length;
    if (chunk.done) return Buffer.concat(parts);
  }
}
