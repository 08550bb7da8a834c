import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { holdDataDirLock } from "./data-dir-lock";
import { type DataKeys, deriveDataKeys } from "./data-key";
import { loadMasterKey } from "./data-key-file";
import type { Database } from "./database";
import { migrate } from "./migrate";
import { openPgliteDatabase } from "./pglite-database";
import { openPostgresDatabase } from "./postgres-database";

export interface StorageConfig {
  DATA_DIR: string;
  DATABASE_URL?: string | undefined;
  DATA_KEY?: string | undefined;
}

export interface Storage {
  db: Database;
  keys: DataKeys;
  /** Where the embedded database lives, when it is the one in use. */
  dataDir: string | undefined;
  close(): Promise<void>;
}

/**
 * Opens the configured database (a PostgreSQL server with DATABASE_URL, else PGlite in DATA_DIR/db, created on first
 * use), brings its schema up to date and loads the data key. The embedded database is one process's: a lock file
 * keeps a second process (a second server, or `pnpm admin` while the server runs) from opening it at the same time.
 */
export async function openStorage(config: StorageConfig, log: (message: string) => void): Promise<Storage> {
  const shared = Boolean(config.DATABASE_URL);
  const dataDir = resolve(config.DATA_DIR);
  if (!shared) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const master = loadMasterKey({ dataKey: config.DATA_KEY, dataDir, sharedDatabase: shared, log });
  const keys = await deriveDataKeys(master);
  if (config.DATABASE_URL) {
    const db = await openPostgresDatabase(config.DATABASE_URL);
    await migrate(db);
    return { db, keys, dataDir: undefined, close: () => db.close() };
  }
  const release = holdDataDirLock(dataDir);
  try {
    const db = await openPgliteDatabase(join(dataDir, "db"));
    await migrate(db);
    return {
      db,
      keys,
      dataDir,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
