import pg from "pg";
import type { Database, Queryable } from "./database";

/** `bytea` arrives from node-postgres as a Buffer; the app speaks Uint8Array on both databases. */
function plainRows<Row>(rows: Record<string, unknown>[]): Row[] {
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (Buffer.isBuffer(value)) row[key] = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return rows as Row[];
}

/** Binary parameters go to node-postgres as Buffers (it sends Uint8Array as text otherwise). */
function wireParams(params: readonly unknown[]): unknown[] {
  return params.map((p) =>
    p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p,
  );
}

/** A PostgreSQL server (`DATABASE_URL`): how several app instances share state behind a load balancer. */
export async function openPostgresDatabase(
  connectionString: string,
  options: { maxConnections?: number } = {},
): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection the server dropped (restart, failover) is discarded and replaced; unhandled, it would crash us.
  pool.on("error", () => {});
  // Fail at start, with the server's message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const queryable = (target: Pick<pg.Pool | pg.PoolClient, "query">): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query(sql, wireParams(params));
      return plainRows<Row>(result.rows);
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  });
  return {
    kind: "postgres",
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const value = await work(queryable(client));
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
