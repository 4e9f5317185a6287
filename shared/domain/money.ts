/** Amounts are integer cents everywhere; these are the Italian ways of writing them. */
const euro = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', useGrouping: 'always' });
const decimal = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2, useGrouping: 'always' });
const plainCents = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' });

/** 45000 → "450,00 €". */
export function formatEuroCents(cents: number): string {
  return euro.format(cents / 100);
}

/** 45000 → "450,00" (for CSV cells, where the column says €). */
export function formatCentsPlain(cents: number): string {
  return plainCents.format(cents / 100);
}

/** 77.5 → "77,5"; 80 → "80". */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}
