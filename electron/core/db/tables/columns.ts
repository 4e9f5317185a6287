/** What a cell holds on its way to and from SQLite: booleans are stored as 0/1. */
export type CellValue = string | number | null;

/** The declared types of STRICT tables, as `pragma_table_info` reports them. */
export type SqlType = 'TEXT' | 'INTEGER' | 'REAL';

/**
 * One column of a table: its SQL type, whether it may hold NULL, and (for TypeScript only) the
 * values it holds, narrowed where the schema's CHECK narrows them (`text<'M' | 'F'>()`).
 */
export class Column<V extends CellValue = CellValue> {
  /** Never set: carries the value type for RowOf and RowValues. */
  declare readonly value: V;

  constructor(
    readonly sql: SqlType,
    readonly nullable: boolean,
  ) {}
}

class NotNullColumn<V extends string | number> extends Column<V> {
  /** The same column, allowing NULL. */
  null(): Column<V | null> {
    return new Column<V | null>(this.sql, true);
  }
}

export const text = <V extends string = string>() => new NotNullColumn<V>('TEXT', false);
export const int = <V extends number = number>() => new NotNullColumn<V>('INTEGER', false);
export const real = <V extends number = number>() => new NotNullColumn<V>('REAL', false);
/** A 0/1 flag (`INTEGER CHECK (x IN (0, 1))`). */
export const flag = () => int<0 | 1>();

export type Columns = Readonly<Record<string, Column>>;

/**
 * A table's columns besides `id` (the text primary key every written table has, which the
 * write path sets itself). Returned as given: the declaration is its own type.
 */
export function table<C extends Columns>(columns: C): C {
  return columns;
}

export type ValueOf<C> = C extends Column<infer V> ? V : never;
