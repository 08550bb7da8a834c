import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataKeyError, parseDataKey } from "./data-key";

export const KEY_FILE_NAME = "data.key";

/**
 * The master key: `DATA_KEY` when set; otherwise, for the embedded database only, `DATA_DIR/data.key`, generated on
 * first start with mode 0600. A shared PostgreSQL server (`DATABASE_URL`) needs DATA_KEY: instances must share it.
 */
export function loadMasterKey(options: {
  dataKey: string | undefined;
  dataDir: string;
  sharedDatabase: boolean;
  log: (message: string) => void;
}): Uint8Array {
  if (options.dataKey) return parseDataKey(options.dataKey);
  if (options.sharedDatabase) {
    throw new DataKeyError("DATABASE_URL is set but DATA_KEY is not: every instance must use the same DATA_KEY");
  }
  const file = join(options.dataDir, KEY_FILE_NAME);
  try {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) options.log(`warning: ${file} is readable by others (mode ${mode.toString(8)}); chmod 600 it`);
    return parseDataKey(readFileSync(file, "utf8"));
  } catch (error) {
    if (error instanceof DataKeyError) throw new DataKeyError(`${file} is damaged: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const key = crypto.getRandomValues(new Uint8Array(32));
  // "wx": never overwrite a key another process wrote meanwhile (that would make its data unreadable).
  writeFileSync(file, `${Buffer.from(key).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  options.log(`generated the data key ${file}: back it up; without it the stored images and results cannot be read`);
  return key;
}
