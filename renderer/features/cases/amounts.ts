import type { ShownError } from '../../api/errors';
import { useState } from 'react';
import { centsToInput, parseEuro } from '../../i18n/money';

/** "12,5" or "12.5" → 12.5; '' → null; anything else → undefined. */
export function parseHours(input: string): number | null | undefined {
  const text = input.trim().replace(',', '.');
  if (text === '') return null;
  return /^\d{1,3}(\.\d{1,2})?$/.test(text) ? Number(text) : undefined;
}

/** Euro fields of a form → cents, or the first one that is not an amount as a form error. */
export function parseAmounts<K extends string>(
  fields: Record<K, { label: string; value: string }>,
): { ok: true; cents: Record<K, number | null> } | { ok: false; error: ShownError } {
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

type Shares = { importoCents: number | null; quotaEnteCents: number | null; quotaUtenteCents: number | null };

/** The amount and its two shares, as typed in euro, for the intervention and delivery forms. */
export function useShares(initial: Shares) {
  const [importo, setImporto] = useState(centsToInput(initial.importoCents));
  const [quotaEnte, setQuotaEnte] = useState(centsToInput(initial.quotaEnteCents));
  const [quotaUtente, setQuotaUtente] = useState(centsToInput(initial.quotaUtenteCents));
  const parse = () =>
    parseAmounts({
      importoCents: { label: 'Importo', value: importo },
      quotaEnteCents: { label: 'Quota ente', value: quotaEnte },
      quotaUtenteCents: { label: 'Quota utente', value: quotaUtente },
    });
  return { importo, setImporto, quotaEnte, setQuotaEnte, quotaUtente, setQuotaUtente, parse };
}
