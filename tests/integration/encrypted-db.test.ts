import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { loadMigrations } from '../../electron/core/db/migrations';
import { AppError } from '../../shared/domain/errors';
import { tempDir } from '../support/core-harness';

function filled(file: string, key: Buffer) {
  const db = openDatabase(file, key, { create: true });
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) ins.run(`riga ${i} Nicolò Àlvarez`);
  })();
  closeDatabase(db);
}

describe('encrypted database (SQLCipher v4 scheme, raw key)', () => {
  it('writes a file whose header is not "SQLite format 3" and holds no clear text', () => {
    const file = path.join(tempDir(), 'a.db');
    filled(file, randomBytes(32));
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('Nicolò', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false);
  });

  it('opens with WAL, synchronous=FULL, foreign keys and in-memory temp store', () => {
    const file = path.join(tempDir(), 'a.db');
    const db = openDatabase(file, randomBytes(32), { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    closeDatabase(db);
  });

  it('refuses a wrong key with a clear Italian error and leaves the file untouched', () => {
    const file = path.join(tempDir(), 'a.db');
    filled(file, randomBytes(32));
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file, randomBytes(32));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATABASE_CORRUPT');
    expect((error as AppError).message).toMatch(/Nessun dato è stato cancellato/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database made by a newer program, untouched', () => {
    const file = path.join(tempDir(), 'a.db');
    const key = randomBytes(32);
    const db = openDatabase(file, key, { create: true });
    db.pragma(`user_version = ${loadMigrations().length + 1}`);
    closeDatabase(db);
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, key)).toThrow(expect.objectContaining({ code: 'DATABASE_TOO_NEW' }) as Error);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('detects 100 of 100 random byte changes inside used pages (page authentication)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.db');
    const key = randomBytes(32);
    filled(file, key);
    const original = fs.readFileSync(file);
    let detected = 0;
    for (let trial = 0; trial < 100; trial++) {
      const copy = path.join(dir, `t${trial}.db`);
      const bytes = Buffer.from(original);
      const offset = randomInt(0, bytes.length);
      bytes[offset] = (bytes[offset] as number) ^ (1 + randomInt(0, 255));
      fs.writeFileSync(copy, bytes);
      try {
        const db = openDatabase(copy, key);
        const check = db.pragma('integrity_check', { simple: true });
        db.prepare('SELECT count(*), group_concat(v) FROM t').get();
        db.close();
        if (check !== 'ok') detected++;
      } catch {
        detected++;
      }
      fs.rmSync(copy, { force: true });
      fs.rmSync(`${copy}-wal`, { force: true });
      fs.rmSync(`${copy}-shm`, { force: true });
    }
    expect(detected).toBe(100);
  });
});
