import { z } from 'zod';

/**
 * The longest text a contract field accepts, read from its schema: a form's `maxLength` says
 * what the core will check, so the two cannot disagree. Looks through trimming pipes (the
 * checked side first), optional, nullable and default wrappers; a field without a maximum is a
 * programming error, and says so.
 */
export function maxLengthOf(schema: z.ZodType): number {
  const max = findMax(schema);
  if (max === null) throw new Error('Campo del contratto senza lunghezza massima');
  return max;
}

function findMax(schema: unknown): number | null {
  if (schema instanceof z.ZodString) return schema.maxLength;
  if (schema instanceof z.ZodPipe) return findMax(schema.out) ?? findMax(schema.in);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) return findMax(schema.unwrap());
  return null;
}
