/** Field limits shared by forms and the core's validation, so both say the same thing. */
export const LIMITS = {
  username: { min: 3, max: 32 },
  fullName: { min: 2, max: 120 },
  password: { min: 10, max: 256 },
  shortText: 120,
  mediumText: 500,
} as const;

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]*$/;
/** Names are stored in lower case (the contract lower-cases them), so login ignores case. */
export const USERNAME_HINT = 'Si scrive in minuscolo: lettere, cifre, punto, trattino';

/** Password rule explained in one Italian sentence; checked on both sides. */
export const PASSWORD_RULE = `Almeno ${LIMITS.password.min} caratteri, con almeno una lettera e una cifra.`;

export function passwordProblem(password: string): string | null {
  if (password.length < LIMITS.password.min) return `La password è troppo corta. ${PASSWORD_RULE}`;
  if (password.length > LIMITS.password.max) return `La password è troppo lunga (massimo ${LIMITS.password.max} caratteri).`;
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return `La password deve contenere lettere e cifre. ${PASSWORD_RULE}`;
  return null;
}
