import { afterAll, beforeAll } from "vitest";
import type { Database } from "../src/storage/database";
import type { TestDatabase } from "./test-databases";

/**
 * One database for the tests of a describe block: opened (and migrated) once before them, closed after. Tests reach it
 * as `store.db` and empty it with `emptyTables` or `sessionApp` when they need a clean slate.
 */
export function useTestDatabase(database: TestDatabase): { readonly db: Database } {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await database.open();
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });
  return {
    get db() {
      if (!db) throw new Error("the test database is not open yet (use it inside a test)");
      return db;
    },
  };
}
