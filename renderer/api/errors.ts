import type { ErrorCode } from '../../shared/domain/errors';

/** Codes the client itself produces when the core cannot be reached at all. */
export type ClientErrorCode = 'DISCONNECTED';

/** A refused call, as the core explains it: the message is Italian and meant for the user. */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode | ClientErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }
}

/** What a form shows: the core's message, or a generic one for bugs that are not ApiErrors. */
export interface ShownError {
  code: string;
  message: string;
  field?: string;
}

export function toShownError(error: unknown): ShownError {
  if (error instanceof ApiError) {
    return error.field === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, field: error.field };
  }
  console.error(error);
  return { code: 'INTERNAL', message: "Si è verificato un errore imprevisto. L'operazione non è stata completata; riprova." };
}

/**
 * True when the error's field names the form field `name`. The core reports zod paths
 * ("admin.password", "zone.sedi.0.nome"); a form may name its fields with or without the
 * outer prefix, so a match on a dotted suffix either way is enough.
 */
export function isFieldError(error: ShownError | null, name: string): boolean {
  const field = error?.field;
  if (!field) return false;
  return field === name || field.endsWith(`.${name}`) || name.endsWith(`.${field}`);
}

export function fieldMessage(error: ShownError | null, name: string): string | undefined {
  return error && isFieldError(error, name) ? error.message : undefined;
}
