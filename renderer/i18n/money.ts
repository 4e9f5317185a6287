/** Euro amounts as the office types and reads them ("1.234,56 €"); they travel as integer cents. */
// 'always': Italian CLDR leaves four-digit amounts ungrouped (8456,32); offices write 8.456,32.
const euro = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', useGrouping: 'always' });
const plain = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' });

export function formatEuro(cents: number | null): string {
  return cents === null ? '—' : euro.format(cents / 100);
}

/** The value to put back in an input: "1.234,56", or '' for no amount. */
export function centsToInput(cents: number | null): string {
  return cents === null ? '' : plain.format(cents / 100);
}

const ITALIAN = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;
const DOT_DECIMAL = /^(\d+)\.(\d{1,2})$/;

/**
 * "1.234,56" → 123456 cents; "1234", "1234,5", "12.50" (a dot with one or two decimals) are
 * understood too. '' → null (no amount); anything else → undefined (not an amount). String
 * arithmetic only: no floating-point pennies.
 */
export function parseEuro(input: string): number | null | undefined {
  const text = input.replace(/[\s\u00a0€]/g, '');
  if (text === '') return null;
  const m = ITALIAN.exec(text) ?? DOT_DECIMAL.exec(text);
  if (!m) return undefined;
  const units = Number((m[1] ?? '').replace(/\./g, ''));
  const decimals = Number(((m[2] ?? '') + '00').slice(0, 2));
  const cents = units * 100 + decimals;
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** Bytes as "850 KB", "1,2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb).toLocaleString('it-IT')} KB`;
  return `${(kb / 1024).toLocaleString('it-IT', { maximumFractionDigits: 1 })} MB`;
}
