/**
 * Turn what a person types into a safe FTS5 query: words split on anything that is not a letter
 * or digit (so "2026/N-0042" and "D'Angelo" work), each matched as a prefix, all required.
 * No FTS syntax from the user survives: quotes, stars, NEAR, column filters are just text.
 */
export function ftsQuery(input: string, maxTerms = 8): string | null {
  const terms = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, maxTerms);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t}"*`).join(' ');
}
