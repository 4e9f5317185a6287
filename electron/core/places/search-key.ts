/** Letters NFD does not take apart, spelt the way an Italian keyboard would type them. */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * The form names are compared in: lower case, no accents (Nicolò → nicolo, Forlì → forli),
 * every run of anything but letters and digits (apostrophes, hyphens, slashes) one space.
 */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (ch) => SPECIAL[ch] ?? '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
