import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/domain/errors';
import { latestVersion, migrate, type Migration } from './migrate';
import { loadMigrations } from './migrations';

export type Db = Database.Database;

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/**
 * SQLCipher's raw-key form `x'<64 hex>'`, built byte by byte into a Buffer: a JS string (a
 * PRAGMA's SQL text, `toString('hex')`) could not be wiped and would outlive the session.
 */
function rawKeySpec(key: Buffer): Buffer {
  const spec = Buffer.alloc(3 + key.length * 2);
  spec[0] = 0x78; // x
  spec[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    const byte = key[i] as number;
    spec[2 + 2 * i] = HEX_DIGITS[byte >> 4] as number;
    spec[3 + 2 * i] = HEX_DIGITS[byte & 15] as number;
  }
  spec[spec.length - 1] = 0x27;
  return spec;
}

/** Page cache per connection (negative = KiB). Measured: 16 MiB keeps lookups within target. */
const CACHE_KIB = 16 * 1024;

export interface OpenOptions {
  create?: boolean;
  migrations?: Migration[];
}

/**
 * The one way the program opens its database (Signal's discipline): SQLCipher v4 scheme keyed
 * with a raw 32-byte key, every cipher pragma before the key, then WAL, synchronous=FULL and
 * foreign keys. A wrong key or a foreign file fails here, with an Italian error, untouched.
 */
export function openDatabase(file: string, key: Buffer, options: OpenOptions = {}): Db {
  if (key.length !== 32) throw new Error('Database key must be 32 bytes');
  const migrations = options.migrations ?? loadMigrations();
  const nativeBinding = process.env.UDC_SQLITE_BINDING;
  const db = new Database(file, { fileMustExist: !options.create, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    const spec = rawKeySpec(key);
    try {
      db.key(spec);
    } finally {
      spec.fill(0);
    }
    // Wrong key: the open succeeds and the first read fails with SQLITE_NOTADB.
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      throw mapOpenError(error);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion(migrations)) throw new AppError('DATABASE_TOO_NEW');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    // Readable only by the account running the program; SQLite gives -wal/-shm the same mode.
    if (options.create && process.platform !== 'win32') fs.chmodSync(file, 0o600);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function mapOpenError(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new AppError('DATABASE_CORRUPT');
  return error;
}

/** Leave the database with its WAL folded in, so the main file is complete on its own. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
