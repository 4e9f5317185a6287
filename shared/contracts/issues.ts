import type { z } from 'zod';
import type { FieldIssue } from './index';

/**
 * Every field's first problem, in the order zod found them, with the zod path joined by dots
 * ("admin.username", "zone.sedi.0.nome"): what a form needs to mark all its fields at once.
 * Problems of the whole object (empty path) come last under the field "".
 */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const byField = new Map<string, string>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const whole = byField.get('');
  byField.delete('');
  const out = [...byField].map(([field, message]) => ({ field, message }));
  return whole === undefined ? out : [...out, { field: '', message: whole }];
}

/** The same, as field → message: the shape a form reads while it is being filled. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(fieldIssues(error).map((i) => [i.field, i.message]));
}
