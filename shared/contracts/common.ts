import { z } from 'zod';
import { LIMITS, USERNAME_RE } from '../domain/text';
import { passwordProblem } from '../domain/password-policy';
import { PROFILES } from '../domain/permissions';
import { isValidIsoDate } from '../domain/dates';

/** Control characters have no place in a form field; multi-line fields may keep tab and newline. */
function hasControlChars(s: string, allowLineBreaks: boolean): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (allowLineBreaks && (c === 9 || c === 10 || c === 13)) continue;
    if (c < 32 || c === 127) return true;
  }
  return false;
}

/** Trimmed, single-line, bounded text: what every short form field is. */
export function text(label: string, max: number = LIMITS.shortText, min = 1) {
  return z
    .string({ error: `${label}: campo obbligatorio.` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, { error: min === 1 ? `${label}: campo obbligatorio.` : `${label}: almeno ${min} caratteri.` })
        .max(max, { error: `${label}: massimo ${max} caratteri.` })
        .refine((s) => !hasControlChars(s, false), { error: `${label}: contiene caratteri non ammessi.` }),
    );
}

export function optionalText(label: string, max: number = LIMITS.shortText) {
  return z
    .string()
    .max(max * 2, { error: `${label}: massimo ${max} caratteri.` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(max, { error: `${label}: massimo ${max} caratteri.` })
        .refine((s) => !hasControlChars(s, true), { error: `${label}: contiene caratteri non ammessi.` }),
    );
}

export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, {
  error: 'Identificativo non valido.',
});

export const Username = z
  .string({ error: 'Nome utente: campo obbligatorio.' })
  .transform((s) => s.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(LIMITS.username.min, { error: `Nome utente: almeno ${LIMITS.username.min} caratteri.` })
      .max(LIMITS.username.max, { error: `Nome utente: massimo ${LIMITS.username.max} caratteri.` })
      .regex(USERNAME_RE, { error: 'Nome utente: solo lettere minuscole, cifre, punto, trattino e trattino basso.' }),
  );

/**
 * A password being set: length and strength here; the rule about the user name is checked by
 * the service that knows the name (set-up, users, change, recovery).
 */
export const NewPassword = z
  .string({ error: 'Password: campo obbligatorio.' })
  .max(LIMITS.password.max, { error: `Password: massimo ${LIMITS.password.max} caratteri.` })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A password being checked: any bounded string, so policy changes never lock anyone out. */
export const AnyPassword = z
  .string({ error: 'Password: campo obbligatorio.' })
  .min(1, { error: 'Password: campo obbligatorio.' })
  .max(LIMITS.password.max, { error: `Password: massimo ${LIMITS.password.max} caratteri.` });

export const ProfileSchema = z.enum(PROFILES, { error: 'Profilo non valido.' });

export const Empty = z.strictObject({});
export const Ok = z.object({ ok: z.literal(true) });

/** A strict calendar date, YYYY-MM-DD (31/11 and 29/02 on non-leap years refused). */
export function isoDate(label: string) {
  return z
    .string({ error: `${label}: campo obbligatorio.` })
    .refine((s) => isValidIsoDate(s), { error: `${label}: data non valida (usa gg/mm/aaaa, es. 29/02 solo negli anni bisestili).` });
}

export function optionalIsoDate(label: string) {
  return isoDate(label).nullable();
}

/** Euro amounts travel as integer cents: no floating-point pennies. */
export function cents(label: string) {
  return z
    .number({ error: `${label}: importo non valido.` })
    .int({ error: `${label}: importo non valido.` })
    .min(0, { error: `${label}: non può essere negativo.` })
    .max(100_000_000_00, { error: `${label}: importo troppo grande.` });
}

export const Belfiore = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]\d{3}$/, { error: 'Luogo non valido: scegli un comune o uno stato dall’elenco.' }));

export const IstatCode = z.string().regex(/^\d{6}$/, { error: 'Comune non valido: sceglilo dall’elenco.' });

/** Long free text (diary, notes): multi-line, bounded. */
export function longText(label: string, max = 20_000, min = 0) {
  return z
    .string({ error: `${label}: campo obbligatorio.` })
    .max(max, { error: `${label}: massimo ${max} caratteri.` })
    .transform((s) => s.replace(/\r\n/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(min, { error: min > 0 ? `${label}: campo obbligatorio.` : `${label}: non valido.` })
        .refine((s) => !hasControlChars(s, true), { error: `${label}: contiene caratteri non ammessi.` }),
    );
}
