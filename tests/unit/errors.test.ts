import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { errorReply, toAppError } from '../../electron/core/ipc/errors';
import { AppError, DEFAULT_MESSAGES, ERROR_CODES, isAppErrorData, type ErrorCode } from '../../shared/domain/errors';

function coded(code: string, message = `${code}: qualcosa è andato storto in /home/mario/dati/archivio.db`): Error {
  return Object.assign(new Error(message), { code });
}

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
});

describe('errori: traduzione in errori tipizzati', () => {
  const cases: [string, ErrorCode][] = [
    ['SQLITE_FULL', 'DISK_FULL'],
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['SQLITE_READONLY', 'READ_ONLY'],
    ['SQLITE_READONLY_DBMOVED', 'READ_ONLY'],
    ['SQLITE_READONLY_ROLLBACK', 'READ_ONLY'],
    ['SQLITE_READONLY_DIRECTORY', 'READ_ONLY'],
    ['EROFS', 'READ_ONLY'],
    ['EACCES', 'READ_ONLY'],
    ['EPERM', 'READ_ONLY'],
    ['SQLITE_NOTADB', 'DATABASE_CORRUPT'],
    ['SQLITE_CORRUPT', 'DATABASE_CORRUPT'],
    ['SQLITE_CORRUPT_INDEX', 'DATABASE_CORRUPT'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'CONFLICT'],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 'CONFLICT'],
    // Other constraint failures are programming errors, not "already exists".
    ['SQLITE_CONSTRAINT_FOREIGNKEY', 'INTERNAL'],
    ['SQLITE_CONSTRAINT_NOTNULL', 'INTERNAL'],
    ['SQLITE_CONSTRAINT_CHECK', 'INTERNAL'],
    ['SQLITE_BUSY', 'INTERNAL'],
    ['SQLITE_ERROR', 'INTERNAL'],
    ['ENOENT', 'INTERNAL'],
    ['sqlite_full', 'INTERNAL'],
    ['', 'INTERNAL'],
  ];
  for (const [code, expected] of cases) {
    it(`${code || '(codice vuoto)'} → ${expected}`, () => {
      const appError = toAppError(coded(code));
      expect(appError).toBeInstanceOf(AppError);
      expect(appError.code).toBe(expected);
      expect(appError.message).toBe(DEFAULT_MESSAGES[expected]);
    });
  }

  it('SQLITE_CANTOPEN means a read-only folder on POSIX', () => {
    expect(toAppError(coded('SQLITE_CANTOPEN')).code).toBe(process.platform === 'win32' ? 'INTERNAL' : 'READ_ONLY');
  });

  it('an AppError passes through unchanged', () => {
    const original = new AppError('WRONG_CREDENTIALS', undefined, 'password');
    expect(toAppError(original)).toBe(original);
  });

  it('anything else thrown becomes INTERNAL', () => {
    for (const thrown of [
      new Error('boom'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'una stringa',
      42,
      { message: 'oggetto' },
      { code: 28 }, // numeric errno, not a code
      { code: { nested: 'SQLITE_FULL' } },
      [],
      Symbol('x'),
    ]) {
      expect(toAppError(thrown).code, String(typeof thrown)).toBe('INTERNAL');
    }
  });

  it('even null and undefined thrown become INTERNAL instead of crashing the translation', () => {
    // `throw null` / `Promise.reject()` are legal JavaScript; the router must still answer.
    expect(toAppError(null).code).toBe('INTERNAL');
    expect(toAppError(undefined).code).toBe('INTERNAL');
    expect(errorReply(undefined)).toEqual({ ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } });
  });

  it('maps the real SQLite errors of a duplicate and a damaged archive', () => {
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE utenti (id TEXT PRIMARY KEY, username TEXT UNIQUE, nome TEXT NOT NULL)');
      db.prepare('INSERT INTO utenti VALUES (?, ?, ?)').run('1', 'mario.rossi', 'Mario Rossi');
      const attempt = (args: unknown[]): unknown => {
        try {
          db.prepare('INSERT INTO utenti VALUES (?, ?, ?)').run(...args);
        } catch (error) {
          return error;
        }
        throw new Error('insert should have failed');
      };
      expect(toAppError(attempt(['2', 'mario.rossi', 'Altro Mario'])).code).toBe('CONFLICT');
      expect(toAppError(attempt(['1', 'anna', 'Anna'])).code).toBe('CONFLICT');
      expect(toAppError(attempt(['3', 'luca', null])).code).toBe('INTERNAL');
    } finally {
      db.close();
    }

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-errors-'));
    try {
      const file = path.join(dir, 'archivio.db');
      fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
      let caught: unknown;
      try {
        const broken = new Database(file);
        try {
          broken.prepare('SELECT count(*) FROM sqlite_master').get();
        } finally {
          broken.close();
        }
      } catch (error) {
        caught = error;
      }
      expect(toAppError(caught).code).toBe('DATABASE_CORRUPT');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('errori: la risposta al renderer', () => {
  it('has only code and Italian message, and logs INTERNAL errors for developers', () => {
    const secret = new Error('SELECT * FROM persone WHERE codice_fiscale = "RSSMRA80A01F844X"');
    const reply = errorReply(secret);
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } });
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]).toContain(secret);
  });

  it('does not log errors a person can act on', () => {
    const reply = errorReply(coded('ENOSPC'));
    expect(reply).toEqual({ ok: false, error: { code: 'DISK_FULL', message: DEFAULT_MESSAGES.DISK_FULL } });
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('keeps the field and message of an AppError', () => {
    const reply = errorReply(new AppError('VALIDATION', 'Nome utente: almeno 3 caratteri.', 'username'));
    expect(reply).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Nome utente: almeno 3 caratteri.', field: 'username' } });
  });

  it('never carries a stack trace, a path or the original message of an unknown error', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 80 }), fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), (text, code) => {
        const marker = `SEGRETO<${text}>`;
        const error = new Error(marker);
        if (code !== undefined) Object.assign(error, { code });
        error.stack = `Error: ${marker}\n    at handler (/work/main/electron/core/ipc/router.ts:42:13)`;
        const reply = errorReply(error);
        const json = JSON.stringify(reply);
        expect(json).not.toContain('SEGRETO');
        expect(json).not.toContain(' at ');
        expect(json).not.toContain('router.ts');
        expect(json).not.toContain('/work/');
        expect(reply.ok).toBe(false);
        expect(Object.keys(reply.error).sort()).toEqual(['code', 'message']);
        expect(isAppErrorData(reply.error)).toBe(true);
        expect(ERROR_CODES).toContain(reply.error.code);
        expect(reply.error.message).toBe(DEFAULT_MESSAGES[reply.error.code]);
      }),
      { numRuns: 300 },
    );
  });

  it('a real file-system error does not leak its path', () => {
    let caught: unknown;
    try {
      fs.readFileSync(path.join(os.tmpdir(), 'udc-non-esiste', 'chiavi.json'));
    } catch (error) {
      caught = error;
    }
    const json = JSON.stringify(errorReply(caught));
    expect(json).not.toContain('udc-non-esiste');
    expect(json).not.toContain('ENOENT');
  });
});
