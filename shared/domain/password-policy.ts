import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as italian from '@zxcvbn-ts/language-it';
import { LIMITS } from './text';

/**
 * The password policy, the same in the core and in the forms: at least 12 characters, not the
 * user name (nor containing it), and judged hard to guess by zxcvbn-ts with its Italian
 * dictionaries (names, surnames, common words, Wikipedia). Score 3 of 4 is "safely
 * unguessable" against an attacker without the key file; with it, scrypt is the next line.
 */
export const MIN_SCORE = 3;

export const PASSWORD_RULE = `Almeno ${LIMITS.password.min} caratteri, difficile da indovinare e senza il nome utente: ad esempio tre o quattro parole a caso, con una cifra.`;

let estimator: ZxcvbnFactory | null = null;

/** Built on first use: the dictionaries take a moment to index. */
function strength(password: string, userInputs: string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...italian.dictionary },
    graphs: common.adjacencyGraphs,
    translations: italian.translations,
  });
  return estimator.check(password, userInputs);
}

/** Case, dots, dashes, underscores and spaces do not make a name into a different password. */
function folded(s: string): string {
  return s.toLowerCase().replace(/[._\-\s]/g, '');
}

/** The first problem with a new password, in Italian, or null when it may be used. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < LIMITS.password.min) return `La password è troppo corta: servono almeno ${LIMITS.password.min} caratteri. ${PASSWORD_RULE}`;
  if (password.length > LIMITS.password.max) return `La password è troppo lunga (massimo ${LIMITS.password.max} caratteri).`;
  const name = username ? folded(username) : '';
  if (name.length > 0 && folded(password).includes(name)) return `La password non deve contenere il nome utente. ${PASSWORD_RULE}`;
  const inputs = username ? [username, ...username.split(/[._-]/).filter((p) => p.length >= 3)] : [];
  const result = strength(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const reasons = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => Boolean(s));
  return ['La password è troppo facile da indovinare.', ...(reasons.length > 0 ? reasons : ['Allungala o aggiungi parole poco comuni.'])].join(' ');
}
