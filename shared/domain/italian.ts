/**
 * Small rules of written Italian that composed sentences need: the euphonic d, agreement with
 * the person's sex, singular and plural. Pure, so the core and the renderer say it the same way.
 */

/**
 * "a Narni", "ad Amelia": the euphonic d goes before a word that starts with the same vowel,
 * but not before "ad-" ("a Adria"), where it would make "ad Ad…".
 */
export function aLuogo(nome: string): string {
  const name = nome.trim();
  const head = name.normalize('NFD').toLowerCase();
  return head.startsWith('a') && !head.startsWith('ad') ? `ad ${name}` : `a ${name}`;
}

/** "nato", "nata", or "nato/a" when the sex is not known. */
export function nato(sesso: 'M' | 'F' | null | undefined | ''): string {
  if (sesso === 'F') return 'nata';
  if (sesso === 'M') return 'nato';
  return 'nato/a';
}

/** "1 risultato", "0 risultati", "3 risultati". */
export function conteggio(n: number, singolare: string, plurale: string): string {
  return `${n} ${n === 1 ? singolare : plurale}`;
}

/** "Narni", "Amelia e Narni", "Alviano, Amelia e Narni". */
export function elenco(voci: readonly string[]): string {
  if (voci.length <= 1) return voci[0] ?? '';
  return `${voci.slice(0, -1).join(', ')} e ${voci[voci.length - 1]}`;
}
