import type { z } from 'zod';
import type { FieldIssue } from '../../shared/contracts';
import { fieldIssues } from '../../shared/contracts/issues';
import type { ErrorCode } from '../../shared/domain/errors';

/** Codes the client itself produces when the core cannot be reached at all. */
export type ClientErrorCode = 'DISCONNECTED';

/** A refused call, as the core explains it: the message is Italian and meant for the user. */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly field: string | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode | ClientErrorCode, message: string, field?: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
    this.issues = issues;
  }
}

/** What a form shows: the core's message, or a generic one for bugs that are not ApiErrors. */
export interface ShownError {
  code: string;
  message: string;
  field?: string;
  /** Every invalid field at once, when the core found more than one. */
  issues?: FieldIssue[];
}

export function toShownError(error: unknown): ShownError {
  if (error instanceof ApiError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field === undefined ? {} : { field: error.field }),
      ...(error.issues === undefined ? {} : { issues: error.issues }),
    };
  }
  console.error(error);
  return { code: 'INTERNAL', message: "Si è verificato un errore imprevisto. L'operazione non è stata completata; riprova." };
}

/**
 * The core reports zod paths ("admin.password", "zone.sedi.0.nome"); a form may name its
 * fields with or without the outer prefix, so a match on a dotted suffix either way is enough.
 */
function sameField(field: string, name: string): boolean {
  return field === name || field.endsWith(`.${name}`) || name.endsWith(`.${field}`);
}

export function fieldMessage(error: ShownError | null, name: string): string | undefined {
  if (!error) return undefined;
  const issue = error.issues?.find((i) => sameField(i.field, name));
  if (issue) return issue.message;
  return error.field && sameField(error.field, name) ? error.message : undefined;
}

/**
 * A form's own check with the contract's schema, before sending: every field's problem at once
 * (the first one is the message), with the zod paths under `prefix` ("admin" → "admin.username").
 */
export function checkWithSchema(schema: z.ZodType, value: unknown, prefix = '', extra: FieldIssue[] = []): ShownError | null {
  const parsed = schema.safeParse(value);
  const found = parsed.success ? [] : fieldIssues(parsed.error).map((i) => ({ field: [prefix, i.field].filter(Boolean).join('.'), message: i.message }));
  const issues = [...found, ...extra.filter((e) => !found.some((f) => f.field === e.field))];
  return issuesError(issues);
}

/** A validation error made of the given issues, or null when there are none. */
export function issuesError(issues: FieldIssue[]): ShownError | null {
  const first = issues[0];
  if (!first) return null;
  return { code: 'VALIDATION', message: first.message, ...(first.field ? { field: first.field } : {}), issues };
}

/** The error once the given fields were edited: their problems go, the others stay shown. */
export function withoutFields(error: ShownError | null, fields: string[]): ShownError | null {
  if (!error?.issues) return error && error.field && fields.includes(error.field) ? null : error;
  return issuesError(error.issues.filter((i) => !fields.includes(i.field)));
}
