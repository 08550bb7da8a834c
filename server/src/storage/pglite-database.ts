import { PGlite } from "@electric-sql/pglite";
import type { Database, Queryable } from "./database";

/**
 * The embedded database: Postgres compiled to WASM, in `dataDir` (created on first use), or in memory when `dataDir` is
 * undefined (tests). One connection: PGlite runs queries one at a time, so transactions are serialised by PGlite itself.
 */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const queryable = (target: Pick<PGlite, "query" | "exec">): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  return {
    kind: "pglite",
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    close: () => db.close(),
  };
}
