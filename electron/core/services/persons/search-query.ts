import { formatCaseNumber } from '../../../../shared/domain/cartella';
import { omocodiaRoot, validateCf } from '../../../../shared/domain/codice-fiscale';

/**
 * Turn what a person types into a safe FTS5 query: words split on anything that is not a letter
 * or digit (so "2026/N-0042" and "D'Angelo" work), each matched as a prefix, all required.
 * No FTS syntax from the user survives: quotes, stars, NEAR, column filters are just text.
 */
export function ftsQuery(input: string, maxTerms = 8): string | null {
  const terms = words(input).slice(0, maxTerms);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t}"*`).join(' ');
}

function words(input: string): string[] {
  return input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** What the search looks for, from the most specific way to find someone to the least. */
export interface ParsedSearch {
  /** Every word as a prefix, all required (FTS5); null when nothing was typed. */
  match: string | null;
  /** The whole input is a valid codice fiscale: its omocodia root (the code itself if provisional). */
  cfRoot: string | null;
  /** The whole input is a case number (`2026/N-0042`, also `2026/n-42`): as stored. */
  caseNumero: string | null;
  /** The first word, letters only, looked for as the start of the surname (and so shown first). */
  surnamePrefix: string | null;
  /** More than one word: each must match somewhere, so the surname alone does not decide. */
  words: number;
}

const CASE_NUMBER = /^\s*(\d{4})\s*\/\s*(\p{L})\s*-?\s*(\d{1,6})\s*$/u;

export function parseSearch(input: string): ParsedSearch {
  const terms = words(input);
  const first = terms[0];
  const cf = validateCf(input.replace(/\s+/g, ''));
  const numero = CASE_NUMBER.exec(input);
  return {
    match: ftsQuery(input),
    cfRoot: cf.ok ? (cf.kind === 'persona' ? omocodiaRoot(cf.cf) : cf.cf) : null,
    caseNumero: numero ? formatCaseNumber(Number(numero[1]), (numero[2] as string).toUpperCase(), Number(numero[3])) : null,
    surnamePrefix: first !== undefined && /^\p{L}+$/u.test(first) ? first.toLowerCase() : null,
    words: terms.length,
  };
}
