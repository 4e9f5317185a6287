import { provisionalCheckDigit, validateCf } from '../codice-fiscale';

export type CompanyCodeCheck = { ok: true; kind: 'partita_iva' | 'codice_fiscale'; value: string } | { ok: false; message: string };

/**
 * A host company's codice fiscale / partita IVA: 11 digits (companies and bodies; the check
 * digit is the same as a provisional codice fiscale's) or a person's 16-character codice fiscale
 * (sole traders). Spaces and an "IT" prefix are ignored, letters upper-cased.
 */
export function checkCompanyCode(input: string): CompanyCodeCheck {
  const value = input
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^IT(?=\d{11}$)/, '');
  if (value === '') return { ok: false, message: 'Indica la partita IVA o il codice fiscale.' };
  if (/^\d+$/.test(value)) {
    if (value.length !== 11) return { ok: false, message: `La partita IVA ha 11 cifre: ne hai inserite ${value.length}.` };
    if (/^0{7}/.test(value)) return { ok: false, message: 'La partita IVA non è valida: il numero di matricola (le prime 7 cifre) è zero.' };
    if (provisionalCheckDigit(value) !== value.charAt(10)) {
      return { ok: false, message: "La partita IVA non è valida: l'ultima cifra (di controllo) non corrisponde. Controlla di averla copiata bene." };
    }
    return { ok: true, kind: 'partita_iva', value };
  }
  if (value.length !== 16) return { ok: false, message: `Indica una partita IVA di 11 cifre o un codice fiscale di 16 caratteri: ne hai inseriti ${value.length}.` };
  const cf = validateCf(value);
  if (!cf.ok) return { ok: false, message: cf.message };
  return { ok: true, kind: 'codice_fiscale', value };
}
