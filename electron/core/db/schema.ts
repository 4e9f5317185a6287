import { agendaTables } from './tables/agenda';
import { caseContentTables } from './tables/case-content';
import { casesTables } from './tables/cases';
import type { Columns, ValueOf } from './tables/columns';
import { personsTables } from './tables/persons';
import { salTables } from './tables/sal';
import { lettersTables } from './tables/letters';
import { siussTables } from './tables/siuss';
import { rightsTables } from './tables/rights';
import { recordsTables } from './tables/records';
import { usersTables } from './tables/users';
import { zoneTables } from './tables/zone';
import { syncTables } from './tables/sync';

export type { CellValue } from './tables/columns';

/**
 * Every table written through the write path, with its columns and their types, declared once
 * (by feature, in ./tables). A test compares this with the database after all migrations.
 * Tables the writer does not write (meta, changes, the audit logs, the search index) are not here.
 */
export const TABLES = {
  ...zoneTables,
  ...usersTables,
  ...personsTables,
  ...casesTables,
  ...caseContentTables,
  ...agendaTables,
  ...salTables,
  ...lettersTables,
  ...syncTables,
  ...siussTables,
  ...rightsTables,
  ...recordsTables,
} satisfies Record<string, Columns>;

type Tables = typeof TABLES;
export type WritableTable = keyof Tables;
export type ColumnOf<T extends WritableTable> = keyof Tables[T] & string;

/**
 * The columns a change may touch, per table: every declared column (the write path sets `id`
 * itself). The write path builds its SQL from these names only, never from caller input.
 */
export const WRITABLE = columnNames(TABLES);

function columnNames<M extends Record<string, Columns>>(tables: M): { readonly [T in keyof M]: readonly (keyof M[T] & string)[] } {
  return Object.fromEntries(Object.entries(tables).map(([name, columns]) => [name, Object.keys(columns)])) as { [T in keyof M]: (keyof M[T] & string)[] };
}

/** A row as `SELECT *` reads it. */
export type RowOf<T extends WritableTable> = { id: string } & { -readonly [C in ColumnOf<T>]: ValueOf<Tables[T][C]> };

/** The cells an insert or update writes (flags as 0/1). */
export type RowValues<T extends WritableTable> = { [C in ColumnOf<T>]?: ValueOf<Tables[T][C]> };
