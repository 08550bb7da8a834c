import type { Database } from "../src/storage/database";
import { migrate } from "../src/storage/migrate";
import { openPgliteDatabase } from "../src/storage/pglite-database";
import { openPostgresDatabase } from "../src/storage/postgres-database";

/**
 * The databases storage tests run against: embedded PGlite always, and a PostgreSQL server when TEST_DATABASE_URL
 * names one (`.ci/run` starts a throwaway cluster and sets it). In CI a missing server is an error, not a skip.
 */
export interface TestDatabase {
  kind: Database["kind"];
  /** A fresh, migrated, empty database of its own (slow: open one per file, `emptyTables` between tests). */
  open(): Promise<Database>;
}

/** Deletes every row of the app's tables (not the migrations' record), so tests can share one database. */
export async function emptyTables(db: Database): Promise<void> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'`,
  );
  if (tables.length > 0) await db.exec(`truncate ${tables.map((t) => `"${t.name}"`).join(", ")} cascade`);
}

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl && process.env.CI === "true") {
  throw new Error("TEST_DATABASE_URL is not set: CI must run the storage tests on PostgreSQL too (see .ci/run)");
}

export const TEST_DATABASES: TestDatabase[] = [
  {
    kind: "pglite",
    async open() {
      const db = await openPgliteDatabase(undefined);
      await migrate(db);
      return db;
    },
  },
  ...(serverUrl
    ? [
        {
          kind: "postgres" as const,
          async open() {
            return openFreshPostgres(serverUrl);
          },
        },
      ]
    : []),
];

/** A new database on the server (dropped when closed), so test files never see each other's rows. */
async function openFreshPostgres(url: string): Promise<Database> {
  const admin = await openPostgresDatabase(url, { maxConnections: 1 });
  const name = `test_${crypto.randomUUID().replaceAll("-", "")}`;
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgresDatabase(target.href);
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
