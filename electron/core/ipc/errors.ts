import { AppError, type AppErrorData } from '../../../shared/domain/errors';

/**
 * Turn anything thrown into a typed Italian error. SQLite and file-system failures that a
 * person can act on (disk full, read-only folder) get their own message; the rest is INTERNAL,
 * logged for developers and never shown as a stack trace.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string') {
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL');
    if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('READ_ONLY');
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new AppError('DATABASE_CORRUPT');
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new AppError('CONFLICT');
    if (code === 'SQLITE_CANTOPEN' && process.platform !== 'win32') return new AppError('READ_ONLY');
  }
  return new AppError('INTERNAL');
}

export function errorReply(error: unknown): { ok: false; error: AppErrorData } {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') console.error('[core] errore interno:', error);
  return { ok: false, error: appError.toData() };
}
