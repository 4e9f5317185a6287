/**
 * Codice fiscale of natural persons (D.M. 23/12/1976 and D.P.R. 605/1973): validation with
 * omocodia, decoding of birth date / sex / place, computation, and the comparison with the data
 * typed in a form. Also the 11-digit temporary code (codice fiscale provvisorio), which has the
 * check digit of the partita IVA. Pure: no Node, no DOM.
 *
 * A mismatch between the code and the typed data is a warning for the operator, never a block:
 * the Agenzia delle Entrate's code is what it is, even when it was issued from wrong data.
 */

import { daysInMonth, isValidIsoDate } from './dates';

export { isValidIsoDate };
export type Sex = 'M' | 'F';

export type CfValidation = { ok: true; kind: 'persona'; cf: string; root: string } | { ok: true; kind: 'provvisorio'; cf: string } | { ok: false; message: string };

export interface CfDecoded {
  /** YYYY-MM-DD; the century is inferred (see decodeCf). */
  birthDate: string;
  sex: Sex;
  /** Cadastral (Belfiore) code of the comune of birth, or Z… for a foreign state. */
  belfiore: string;
}

export interface CfPersonData {
  cognome: string;
  nome: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  belfiore: string;
}

const MONTHS = 'ABCDEHLMPRST';
/** Letters that replace the digits 0–9 in omocodic codes. */
const OMOCODIA = 'LMNPQRSTUV';
/** The seven positions (0-based) that hold digits and may carry omocodia letters. */
export const OMOCODIA_POSITIONS = [6, 7, 9, 10, 12, 13, 14] as const;

/** Values of the characters in odd positions (1st, 3rd, …), for 0–9 then A–Z. */
const ODD_DIGITS = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
const ODD_LETTERS = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

const PERSONA_RE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const BELFIORE_RE = /^[A-Z]\d{3}$/;

/** Upper case, no spaces: what the operator meant whatever the keyboard did. */
export function normaliseCf(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** Check character of the first 15 characters of a persona code (already normalised). */
export function cfCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = first15.charAt(i);
    const digit = isDigit(ch);
    const n = digit ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 65;
    if (i % 2 === 0) sum += digit ? (ODD_DIGITS[n] as number) : (ODD_LETTERS[n] as number);
    else sum += n;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Check digit of an 11-digit code (partita IVA, codice fiscale provvisorio), from its first 10. */
export function provisionalCheckDigit(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

/** The code with every omocodia letter put back to its digit (check character recomputed). */
export function omocodiaRoot(cf: string): string {
  const chars = normaliseCf(cf).split('');
  if (chars.length !== 16) return chars.join('');
  for (const pos of OMOCODIA_POSITIONS) {
    const k = OMOCODIA.indexOf(chars[pos] as string);
    if (k >= 0) chars[pos] = String(k);
  }
  const first15 = chars.slice(0, 15).join('');
  return first15 + cfCheckChar(first15);
}

/** All 128 forms of a code: each of the seven numeric positions as digit or as letter. */
export function omocodiaVariants(cf: string): string[] {
  const root = omocodiaRoot(cf);
  const variants: string[] = [];
  for (let mask = 0; mask < 1 << OMOCODIA_POSITIONS.length; mask++) {
    const chars = root.split('');
    OMOCODIA_POSITIONS.forEach((pos, bit) => {
      if (mask & (1 << bit)) chars[pos] = OMOCODIA.charAt(Number(chars[pos]));
    });
    const first15 = chars.slice(0, 15).join('');
    variants.push(first15 + cfCheckChar(first15));
  }
  return variants;
}

/** Digits of the root form at positions [from, to). */
function rootDigits(root: string, from: number, to: number): number {
  return Number(root.slice(from, to));
}

/**
 * Problem with the date part (two-digit year, month letter, day) of a root code, or null.
 * The century is unknown here, so 29 February is accepted when the two-digit year is divisible
 * by 4 (2000 was a leap year).
 */
function datePartProblem(root: string): string | null {
  const yy = rootDigits(root, 6, 8);
  const month = MONTHS.indexOf(root.charAt(8)) + 1;
  const rawDay = rootDigits(root, 9, 11);
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  if (rawDay < 1 || (rawDay > 31 && rawDay < 41) || rawDay > 71) {
    return `Il codice fiscale non è valido: il giorno di nascita (${root.slice(9, 11)}) deve essere tra 01 e 31 per gli uomini o tra 41 e 71 per le donne.`;
  }
  const maxDay = month === 2 ? (yy % 4 === 0 ? 29 : 28) : daysInMonth(2001, month);
  if (day > maxDay) return 'Il codice fiscale non è valido: la data di nascita che contiene non esiste.';
  return null;
}

function formatProblem(cf: string): string {
  if (!/^[A-Z]{6}/.test(cf)) return 'Il codice fiscale non è valido: i primi sei caratteri (cognome e nome) devono essere lettere.';
  if (!/^[0-9LMNPQRSTUV]{2}$/.test(cf.slice(6, 8))) return "Il codice fiscale non è valido: il 7° e l'8° carattere (anno di nascita) devono essere cifre.";
  if (!MONTHS.includes(cf.charAt(8))) {
    return `Il codice fiscale non è valido: il 9° carattere (mese di nascita) deve essere una di queste lettere: ${MONTHS.split('').join(', ')}.`;
  }
  if (!/^[0-9LMNPQRSTUV]{2}$/.test(cf.slice(9, 11))) return 'Il codice fiscale non è valido: il 10° e l’11° carattere (giorno di nascita) devono essere cifre.';
  if (!/^[A-Z][0-9LMNPQRSTUV]{3}$/.test(cf.slice(11, 15))) {
    return 'Il codice fiscale non è valido: i caratteri dal 12° al 15° (comune o stato di nascita) devono essere una lettera e tre cifre.';
  }
  return "Il codice fiscale non è valido: l'ultimo carattere (carattere di controllo) deve essere una lettera.";
}

/** Checks a codice fiscale as typed: persona (16 characters, omocodia allowed) or provisional (11 digits). */
export function validateCf(input: string): CfValidation {
  const cf = normaliseCf(input);
  if (cf.length === 0) return { ok: false, message: 'Inserisci il codice fiscale.' };
  if (!/^[A-Z0-9]+$/.test(cf)) return { ok: false, message: 'Il codice fiscale contiene caratteri non ammessi: usa solo lettere e cifre.' };
  if (cf.length === 11) {
    if (!/^\d{11}$/.test(cf)) {
      return { ok: false, message: 'Il codice fiscale provvisorio è fatto di 11 cifre; quello delle persone di 16 caratteri.' };
    }
    if (provisionalCheckDigit(cf) !== cf.charAt(10)) {
      return { ok: false, message: "Il codice fiscale provvisorio non è valido: l'ultima cifra (di controllo) non corrisponde. Controlla di averlo copiato bene." };
    }
    return { ok: true, kind: 'provvisorio', cf };
  }
  if (cf.length !== 16) {
    return { ok: false, message: `Il codice fiscale deve avere 16 caratteri (11 cifre se provvisorio): ne hai inseriti ${cf.length}.` };
  }
  if (!PERSONA_RE.test(cf)) return { ok: false, message: formatProblem(cf) };
  if (cfCheckChar(cf) !== cf.charAt(15)) {
    return { ok: false, message: "Il codice fiscale non è valido: il carattere di controllo (l'ultimo) non corrisponde agli altri. Controlla di averlo copiato bene." };
  }
  const root = omocodiaRoot(cf);
  const dateProblem = datePartProblem(root);
  if (dateProblem) return { ok: false, message: dateProblem };
  return { ok: true, kind: 'persona', cf, root };
}

/**
 * Birth date, sex and place of a valid persona code, or null (invalid code, provisional code,
 * impossible date). The code holds only two digits of the year: a year above today's two-digit
 * year is in the 1900s, otherwise in the 2000s (and a date after `today` goes back a century).
 * `today` (YYYY-MM-DD) keeps the function pure; it defaults to the clock.
 */
export function decodeCf(cf: string, today: string = new Date().toISOString().slice(0, 10)): CfDecoded | null {
  const v = validateCf(cf);
  if (!v.ok || v.kind !== 'persona') return null;
  const root = v.root;
  const yy = rootDigits(root, 6, 8);
  const month = MONTHS.indexOf(root.charAt(8)) + 1;
  const rawDay = rootDigits(root, 9, 11);
  const sex: Sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  const todayYear = Number(today.slice(0, 4));
  let year = Math.floor(todayYear / 100) * 100 + yy;
  if (yy > todayYear % 100) year -= 100;
  let birthDate = isoDate(year, month, day);
  if (birthDate > today) {
    year -= 100;
    birthDate = isoDate(year, month, day);
  }
  if (!isValidIsoDate(birthDate)) return null;
  return { birthDate, sex, belfiore: root.slice(11, 15) };
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Letters A–Z only: accents dropped (À → A), apostrophes, spaces and anything else removed. */
function lettersOf(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

function splitLetters(s: string): { consonants: string; vowels: string } {
  const letters = lettersOf(s);
  return { consonants: letters.replace(/[AEIOU]/g, ''), vowels: letters.replace(/[^AEIOU]/g, '') };
}

/** The three letters of the surname. */
export function cognomeCode(cognome: string): string {
  const { consonants, vowels } = splitLetters(cognome);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

/** The three letters of the first name(s): with four or more consonants, the 1st, 3rd and 4th. */
export function nomeCode(nome: string): string {
  const { consonants, vowels } = splitLetters(nome);
  if (consonants.length >= 4) return consonants.charAt(0) + consonants.charAt(2) + consonants.charAt(3);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

/** Year, month and day part (5 characters) for a date and sex. */
function datePart(birthDate: string, sex: Sex): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return String(y % 100).padStart(2, '0') + MONTHS.charAt(m - 1) + String(sex === 'F' ? d + 40 : d).padStart(2, '0');
}

/**
 * The codice fiscale (base form, no omocodia) computed from the personal data. Throws a
 * RangeError on a date or place code that cannot be right.
 */
export function computeCf(data: CfPersonData): string {
  if (!isValidIsoDate(data.birthDate)) throw new RangeError(`Data di nascita non valida: ${data.birthDate}`);
  const belfiore = data.belfiore.trim().toUpperCase();
  if (!BELFIORE_RE.test(belfiore)) throw new RangeError(`Codice del luogo di nascita non valido: ${data.belfiore}`);
  const first15 = cognomeCode(data.cognome) + nomeCode(data.nome) + datePart(data.birthDate, data.sex) + belfiore;
  return first15 + cfCheckChar(first15);
}

function italianDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * Warnings (Italian) for each typed datum that contradicts a valid persona code; empty when
 * everything agrees, the code is provisional or the code is itself invalid (validateCf says
 * why). The date is compared on what the code holds (two-digit year, month, day), so a
 * person over a hundred is not flagged for the century.
 */
export function cfMismatches(cf: string, data: Partial<CfPersonData>, today?: string): string[] {
  const v = validateCf(cf);
  if (!v.ok || v.kind !== 'persona') return [];
  const root = v.root;
  const decoded = decodeCf(root, today);
  const warnings: string[] = [];
  if (data.cognome !== undefined && lettersOf(data.cognome) !== '' && cognomeCode(data.cognome) !== root.slice(0, 3)) {
    warnings.push(`Il cognome non corrisponde al codice fiscale (dal codice: ${root.slice(0, 3)}, dal cognome: ${cognomeCode(data.cognome)}).`);
  }
  if (data.nome !== undefined && lettersOf(data.nome) !== '' && nomeCode(data.nome) !== root.slice(3, 6)) {
    warnings.push(`Il nome non corrisponde al codice fiscale (dal codice: ${root.slice(3, 6)}, dal nome: ${nomeCode(data.nome)}).`);
  }
  const rootSex: Sex = rootDigits(root, 9, 11) > 40 ? 'F' : 'M';
  if (data.birthDate !== undefined && isValidIsoDate(data.birthDate) && datePart(data.birthDate, rootSex) !== root.slice(6, 11)) {
    const fromCode = decoded ? ` (dal codice: ${italianDate(decoded.birthDate)})` : '';
    warnings.push(`La data di nascita non corrisponde al codice fiscale${fromCode}.`);
  }
  if (data.sex !== undefined && data.sex !== rootSex) {
    warnings.push(`Il sesso non corrisponde al codice fiscale (dal codice: ${rootSex === 'F' ? 'femmina' : 'maschio'}).`);
  }
  if (data.belfiore !== undefined && data.belfiore.trim() !== '' && data.belfiore.trim().toUpperCase() !== root.slice(11, 15)) {
    warnings.push(`Il luogo di nascita non corrisponde al codice fiscale (dal codice: ${root.slice(11, 15)}).`);
  }
  return warnings;
}
