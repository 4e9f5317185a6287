/** Field limits shared by forms and the core's validation, so both say the same thing. */
export const LIMITS = {
  username: { min: 3, max: 32 },
  fullName: { min: 2, max: 120 },
  password: { min: 12, max: 256 },
  shortText: 120,
  mediumText: 500,
} as const;

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]*$/;
/** Names are stored in lower case (the contract lower-cases them), so login ignores case. */
export const USERNAME_HINT = 'Si scrive in minuscolo: lettere, cifre, punto, trattino';
