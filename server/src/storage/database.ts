/**
 * The one SQL interface the app uses. Two implementations run the same schema and queries: PGlite (Postgres in WASM,
 * embedded, the default) and a PostgreSQL server (`DATABASE_URL`). Both take `$1`-style parameters and return rows with
 * `bytea` as Uint8Array, `timestamptz` as Date and `jsonb` parsed.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
