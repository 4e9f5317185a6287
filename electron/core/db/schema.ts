/**
 * Tables written through the write path, with the columns a change may touch. The write path
 * builds its SQL from these names only, never from caller input.
 */
export const WRITABLE = {
  zone: ['nome', 'ente', 'lh_intestazione', 'lh_sottotitolo', 'lh_indirizzo', 'lh_contatti', 'idle_timeout_min'],
  comuni: ['istat', 'catastale', 'nome', 'provincia'],
  sedi: ['nome', 'lettera', 'comune_istat', 'indirizzo', 'telefono'],
  rooms: ['sede_id', 'nome', 'attiva'],
  users: ['username', 'full_name', 'profile', 'sede_id', 'disabled', 'must_change_password', 'created_at'],
} as const;

export type WritableTable = keyof typeof WRITABLE;
export type ColumnOf<T extends WritableTable> = (typeof WRITABLE)[T][number];
export type CellValue = string | number | null;
export type RowValues<T extends WritableTable> = { [C in ColumnOf<T>]?: CellValue };
