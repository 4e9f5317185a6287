import type { ShownError } from '../../api/errors';
import { parseEuro } from '../../i18n/money';

/** "12,5" or "12.5" → 12.5; '' → null; anything else → undefined. */
export function parseHours(input: string): number | null | undefined {
  const text = input.trim().replace(',', '.');
  if (text === '') return null;
  return /^\d{1,3}(\.\d{1,2})?$/.test(text) ? Number(text) : undefined;
}

/** Euro fields of a form → cents, or the first one that is not an amount as a form error. */
export function parseAmounts<K extends string>(fields: Record<K, { label: string; value: string }>): { ok: true; cents: Record<K, number | null> } | { ok: false; error: ShownError } {
  const cents = {} as Record<K, number | null>;
  for (const key of Object.keys(fields) as K[]) {
    const { label, value } = fields[key];
    const parsed = parseEuro(value);
    if (parsed === undefined) return { ok: false, error: { code: 'VALIDATION', field: key, message: `${label}: importo non valido (es. 1.234,56).` } };
    cents[key] = parsed;
  }
  return { ok: true, cents };
}

export function formatHours(hours: number | null): string {
  return hours === null ? '—' : hours.toLocaleString('it-IT', { maximumFractionDigits: 2 });
}
